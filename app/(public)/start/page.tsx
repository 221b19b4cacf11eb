import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EidLoginForm } from '@/components/eid-login-form';
import { ErrorSummary } from '@/components/form/error-summary';
import { getDb } from '@/lib/db';
import { relyingPartyForReturnTo } from '@/lib/linking';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

const startErrors = ['returnTo', 'login', 'cancelled', 'session', 'limited', 'unavailable'] as const;

type Search = Promise<{ returnTo?: string | string[]; error?: string | string[] }>;

export async function generateMetadata({ searchParams }: { searchParams: Search }) {
  const { returnTo } = await searchParams;
  // A return address we do not serve gets its own page, and so its own title.
  const refused = typeof returnTo === 'string' && !(await relyingPartyForReturnTo(getDb(), returnTo));
  return titledBy(refused ? 'journey.returnToRefusedHeading' : 'journey.startHeading');
}

export default async function StartPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const t = await getTranslations('journey');
  const returnTo = typeof params.returnTo === 'string' ? params.returnTo : undefined;
  const error = typeof params.error === 'string' ? params.error : undefined;
  const party = returnTo ? await relyingPartyForReturnTo(getDb(), returnTo) : null;

  if (returnTo && !party) {
    return (
      <div className="max-width-text">
        <h1>{t('returnToRefusedHeading')}</h1>
        <div className="alert alert-error" role="alert" data-testid="return-to-refused">
          <div className="alert-body">
            <p className="alert-text">{t('returnToRefused')}</p>
          </div>
        </div>
        <p>{t('returnToRefusedHelp')}</p>
        <p>
          <Link className="button button-secondary" href="/">
            {t('frontPage')}
          </Link>
        </p>
      </div>
    );
  }

  const countryError = error === 'country' ? t('countryRequiredMessage') : undefined;
  const notice = startErrors.find((e) => e === error);
  return (
    <div className="max-width-text">
      <p className="form-hint">{t('steps', { current: 1, total: 2 })}</p>
      <h1>{t('startHeading')}</h1>
      {countryError ? <ErrorSummary errors={[{ field: 'country', message: countryError }]} /> : null}
      {notice ? (
        <div className="alert alert-warning" role="alert" data-testid="start-notice">
          <div className="alert-body">
            <p className="alert-text">{t(`startErrors.${notice}`)}</p>
          </div>
        </div>
      ) : null}
      <p className="font-lead">{t('startLead')}</p>
      {party ? <p>{t('returnToNote', { service: party.name })}</p> : null}
      <EidLoginForm
        action="/api/v1/journey/start"
        countryError={countryError}
        buttonLabel={t('startButton')}
        hidden={party && returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
      />
    </div>
  );
}
