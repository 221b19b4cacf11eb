import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { EidLoginForm } from '@/components/eid-login-form';
import { ErrorSummary } from '@/components/form/error-summary';
import { NeedsJavaScript } from '@/components/needs-javascript';
import { CONNECTION_COOKIE, connectionSessionFromCookie, getConnectionOverview } from '@/lib/connection';
import { getDb } from '@/lib/db';
import { ConnectionView } from './_components/connection-view';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

const notices = ['login', 'cancelled', 'limited', 'unavailable', 'returnTo', 'assurance'] as const;

type Search = Promise<{ error?: string | string[]; removed?: string | string[] }>;

export async function generateMetadata(): Promise<Metadata> {
  return titledBy('connection.pageTitle');
}

/** "See or remove your connection": an eID login, then the person's own link, its look-ups, applications and data. */
export default async function ConnectionPage({ searchParams }: { searchParams: Search }) {
  const [params, t, jar] = await Promise.all([searchParams, getTranslations('connection'), cookies()]);
  const db = getDb();
  const cookie = jar.get(CONNECTION_COOKIE)?.value;
  const session = cookie ? await connectionSessionFromCookie(db, cookie) : null;
  if (session) {
    return (
      <>
        <NeedsJavaScript what="connectionActions" />
        <ConnectionView overview={await getConnectionOverview(db, session)} removed={params.removed === '1'} />
      </>
    );
  }

  const error = typeof params.error === 'string' ? params.error : undefined;
  const countryError = error === 'country' ? (await getTranslations('journey'))('countryRequiredMessage') : undefined;
  const notice = notices.find((n) => n === error) ?? (cookie ? 'ended' : undefined);
  return (
    <div className="max-width-text">
      <h1>{t('heading')}</h1>
      {countryError ? <ErrorSummary errors={[{ field: 'country', message: countryError }]} /> : null}
      {notice ? (
        <div className="alert alert-warning" role="alert" data-testid="connection-notice">
          <div className="alert-body">
            <p className="alert-text">{t(`errors.${notice === 'returnTo' ? 'unavailable' : notice}`)}</p>
          </div>
        </div>
      ) : null}
      <p className="font-lead">{t('lead')}</p>
      <EidLoginForm action="/api/v1/connection/start" countryError={countryError} buttonLabel={t('startButton')} />
    </div>
  );
}
