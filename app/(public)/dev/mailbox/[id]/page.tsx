import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { getMailboxEmail } from '@/lib/email/mailbox';
import { env } from '@/lib/env';
import { titled } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t] = await Promise.all([params, getTranslations('mailbox')]);
  const email = env().isDemo && z.uuid().safeParse(id).success ? await getMailboxEmail(getDb(), id) : null;
  return titled(email ? `${email.subject} – ${t('heading')}` : t('heading'));
}

export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!env().isDemo || !z.uuid().safeParse(id).success) notFound();
  const [t, email] = await Promise.all([getTranslations('mailbox'), getMailboxEmail(getDb(), id)]);
  if (!email) notFound();
  return (
    <>
      <p>
        <Link href="/dev/mailbox">{t('back')}</Link>
      </p>
      <h1>{email.subject}</h1>
      <p>
        {t('to')}: {email.to}
      </p>
      <iframe title={email.subject} srcDoc={email.html} sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" style={{ width: '100%', minHeight: '32rem', border: '1px solid #ccc' }} />
      <details className="details">
        <summary className="details-summary">{t('text')}</summary>
        <pre className="details-text" style={{ whiteSpace: 'pre-wrap' }} data-testid="email-text">
          {email.text}
        </pre>
      </details>
    </>
  );
}
