import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { applicationStates, type ApplicationState } from '@/lib/vocabulary';
import { queueQuery, type QueueFilters } from '@/lib/cases/queue-filters';

/** The total per state, each a link to the queue filtered by that state. */
export async function StateCounts({ counts, current }: { counts: Record<ApplicationState, number>; current: QueueFilters['state'] }) {
  const [t, format] = await Promise.all([getTranslations('caseworker'), getFormatter()]);
  return (
    <section aria-labelledby="state-counts-heading">
      <h2 className="h3" id="state-counts-heading">
        {t('queue.countsHeading')}
      </h2>
      <ul className="state-counts unstyled-list">
        {applicationStates.map((state) => (
          <li key={state}>
            <Link href={`/caseworker${queueQuery({ state })}`} aria-current={current === state ? 'true' : undefined} data-testid={`count-${state}`}>
              <span className="state-count-label">{t(`states.${state}`)}</span> <strong>{format.number(counts[state])}</strong>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
