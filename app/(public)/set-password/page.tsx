import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { findSetPasswordLink } from '@/lib/staff/invites';
import { SetPasswordForm } from './_components/set-password-form';
import { titledBy } from '@/lib/i18n/page-title';

type Search = Promise<{ token?: string | string[] }>;
const tokenOf = (raw: string | string[] | undefined) => (typeof raw === 'string' && raw.length <= 200 ? raw : '');

export const dynamic = 'force-dynamic';

/** The title says what the page shows: the form, or that the link cannot be used. */
export async function generateMetadata({ searchParams }: { searchParams: Search }) {
  const token = tokenOf((await searchParams).token);
  const link = token ? await findSetPasswordLink(getDb(), token) : null;
  return titledBy(link ? 'admin.setPassword.title' : 'admin.setPassword.invalidTitle');
}

export default async function SetPasswordPage({ searchParams }: { searchParams: Search }) {
  const [{ token: raw }, t] = await Promise.all([searchParams, getTranslations('admin.setPassword')]);
  const token = tokenOf(raw);
  const link = token ? await findSetPasswordLink(getDb(), token) : null;
  return (
    <div className="max-width-text">
      {link ? (
        <>
          <h1>{t('title')}</h1>
          <p>{t('intro', { email: link.email })}</p>
          <SetPasswordForm token={token} />
        </>
      ) : (
        <>
          <h1>{t('invalidTitle')}</h1>
          <p>{t('invalidBody')}</p>
        </>
      )}
    </div>
  );
}
