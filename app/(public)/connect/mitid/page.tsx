import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { journeyView } from '@/lib/linking';
import { SessionEnded } from '../_components/session-ended';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

const mitidErrors = ['cancelled', 'login', 'unavailable'] as const;

export const generateMetadata = () => titledBy('journey.notMatchedHeading');

/** The one neutral answer after an automatic match that did not link, whatever the reason, and the two ways on. */
export default async function MitidChoicePage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  const { error } = await searchParams;
  const view = await journeyView(getDb());
  if (!view) return <SessionEnded />;
  if (view.linkedDestination) redirect(view.linkedDestination);
  if (view.state.autoOutcome === 'limited') redirect('/connect/limit');
  if (view.state.autoOutcome !== 'not_matched') redirect('/connect');
  const t = await getTranslations('journey');
  const notice = mitidErrors.find((e) => e === error);
  return (
    <div className="max-width-text">
      <h1>{t('notMatchedHeading')}</h1>
      {notice ? (
        <div className="alert alert-warning" role="alert" data-testid="mitid-notice">
          <div className="alert-body">
            <p className="alert-text">{t(`mitidErrors.${notice}`)}</p>
          </div>
        </div>
      ) : null}
      <p className="font-lead" data-testid="not-matched">
        {t('notMatched')}
      </p>
      <p>{t('notMatchedNothingLost')}</p>

      <h2>{t('mitidHeading')}</h2>
      <p>{t('mitidBody')}</p>
      <form method="post" action="/api/v1/journey/mitid/start">
        <button type="submit" className="button button-primary" data-testid="mitid-start">
          {t('mitidButton')}
        </button>
      </form>

      <h2>{t('noMitidHeading')}</h2>
      <p>{t('noMitidBody')}</p>
      <p>
        <Link className="button button-secondary" href="/apply" prefetch={false} data-testid="no-mitid">
          {t('noMitidButton')}
        </Link>
      </p>

      {view.attemptsLeft > 0 ? (
        <>
          <h2>{t('retryHeading')}</h2>
          <p>{t('attemptsLeft', { count: view.attemptsLeft })}</p>
          <p>
            <Link href="/connect">{t('retryLink')}</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}
