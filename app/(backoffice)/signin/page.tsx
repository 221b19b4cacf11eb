import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentStaff } from '@/lib/auth';
import { signInWithSso } from '@/lib/auth/actions';
import { safeCallback, staffHome } from '@/lib/auth/callback';
import { env } from '@/lib/env';
import { SignInForm } from './_components/sign-in-form';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => titledBy('staffAuth.heading');

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, t, staff] = await Promise.all([searchParams, getTranslations('staffAuth'), currentStaff()]);
  const target = safeCallback(callbackUrl);
  if (staff) redirect(target ?? staffHome(staff.role));
  const e = env();
  return (
    <div className="max-width-text">
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <SignInForm callbackUrl={target ?? ''} />
      {e.AUTH_OIDC_ISSUER ? (
        <form action={signInWithSso} className="mt-6">
          <input type="hidden" name="callbackUrl" value={target ?? ''} />
          <button type="submit" className="button button-secondary">
            {t('sso')}
          </button>
        </form>
      ) : null}
      {e.isDemo ? <p className="form-hint mt-6">{t('demoHint')}</p> : null}
    </div>
  );
}
