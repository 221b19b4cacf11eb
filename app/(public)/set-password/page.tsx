import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { findSetPasswordLink } from '@/lib/staff/invites';
import { SetPasswordForm } from './_components/set-password-form';

export const dynamic = 'force-dynamic';

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [{ token: raw }, t] = await Promise.all([searchParams, getTranslations('admin.setPassword')]);
  const token = typeof raw === 'string' && raw.length <= 200 ? raw : '';
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
