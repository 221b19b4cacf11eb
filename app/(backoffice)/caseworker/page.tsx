import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { requireStaffPage } from '@/lib/auth';
import { countByState, listQueue } from '@/lib/cases/queue';
import { parseQueueFilters, queueQuery } from '@/lib/cases/queue-filters';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { KeyboardShortcuts } from './_components/keyboard-shortcuts';
import { QueueFilterForm } from './_components/queue-filter-form';
import { QueueTable } from './_components/queue-table';
import { StateCounts } from './_components/state-counts';
import { TakeNextButton } from './_components/take-next-button';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  return titledBy('caseworker.queue.title');
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filters = parseQueueFilters(params);
  const staff = await requireStaffPage('caseworker', `/caseworker${queueQuery(filters)}`);
  const targetDays = env().SERVICE_TARGET_DAYS;
  const db = getDb();
  const [t, locale, format, page, counts] = await Promise.all([
    getTranslations('caseworker.queue'),
    getLocale(),
    getFormatter(),
    listQueue(db, filters, { staffId: staff.id, targetDays }),
    countByState(db),
  ]);
  return (
    <div className="caseworker">
      <h1>{t('heading')}</h1>
      <p>{t('intro', { days: targetDays })}</p>
      <StateCounts counts={counts} current={filters.state} />
      <div className="queue-actions">
        <TakeNextButton />
        <KeyboardShortcuts page="queue" />
      </div>
      <QueueFilterForm filters={filters} locale={locale} targetDays={targetDays} />
      <h2 className="h3" id="results-heading">
        {t('resultsHeading')}
      </h2>
      {page.rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <QueueTable rows={page.rows} locale={locale} targetDays={targetDays} staffId={staff.id} format={format} />
      )}
      <nav aria-label={t('pagination')} className="queue-pagination">
        {filters.after ? <Link href={`/caseworker${queueQuery({ ...filters, after: undefined })}`}>{t('firstPage')}</Link> : null}
        {page.nextCursor ? <Link href={`/caseworker${queueQuery({ ...filters, after: page.nextCursor })}`}>{t('nextPage')}</Link> : null}
      </nav>
    </div>
  );
}
