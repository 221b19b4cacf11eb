import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { AUTO_ATTEMPTS_PER_IDENTITY, journeyView, mitidAfterLimit } from '@/lib/linking';
import { SessionEnded } from '../_components/session-ended';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => titledBy('journey.limitHeading');

export default async function LimitPage() {
  const view = await journeyView(getDb());
  if (!view) return <SessionEnded />;
  if (view.linkedDestination) redirect(view.linkedDestination);
  if (view.attemptsLeft > 0 && view.state.autoOutcome !== 'limited') redirect('/connect');
  const [t, mitid] = await Promise.all([getTranslations('journey'), mitidAfterLimit(getDb(), view.journey, view.identity)]);
  return (
    <div className="max-width-text">
      <h1>{t('limitHeading')}</h1>
      <div className="alert alert-warning" role="alert" data-testid="limit-reached">
        <div className="alert-body">
          <p className="alert-text">{t('limitBody', { count: AUTO_ATTEMPTS_PER_IDENTITY })}</p>
        </div>
      </div>
      {mitid ? (
        <>
          <h2>{t('mitidHeading')}</h2>
          <p>{t('limitMitidBody')}</p>
          <form method="post" action="/api/v1/journey/mitid/start">
            <button type="submit" className="button button-primary" data-testid="mitid-start">
              {t('mitidButton')}
            </button>
          </form>
          <h2>{t('noMitidHeading')}</h2>
        </>
      ) : null}
      <p>{t(mitid ? 'noMitidBody' : 'limitNext')}</p>
      <p>
        <Link className={`button ${mitid ? 'button-secondary' : 'button-primary'}`} href="/apply" prefetch={false} data-testid="limit-apply">
          {t('limitButton')}
        </Link>
      </p>
    </div>
  );
}
