import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { getFormatter } from 'next-intl/server';
import { countryName } from '@/lib/identity/countries';
import type { QueueRow } from '@/lib/cases/queue';

type Format = Awaited<ReturnType<typeof getFormatter>>;

export async function QueueTable({ rows, locale, targetDays, staffId, format }: { rows: QueueRow[]; locale: string; targetDays: number; staffId: string; format: Format }) {
  const t = await getTranslations('caseworker');
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="results-heading">
      <table className="table table--compact queue-table" data-testid="queue-table">
        <thead>
          <tr>
            <th scope="col">{t('queue.columns.reference')}</th>
            <th scope="col">{t('queue.columns.applicant')}</th>
            <th scope="col">{t('queue.columns.country')}</th>
            <th scope="col">{t('queue.columns.document')}</th>
            <th scope="col">{t('queue.columns.state')}</th>
            <th scope="col">{t('queue.columns.assigned')}</th>
            <th scope="col">{t('queue.columns.submitted')}</th>
            <th scope="col">{t('queue.columns.age')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-country={r.country} data-state={r.state}>
              <td>
                <Link href={`/caseworker/cases/${r.id}`}>{r.reference}</Link>
              </td>
              <td>
                {r.givenNames} {r.familyName}
                {r.otherOpenForCpr > 0 ? (
                  <span className="queue-shared-cpr" data-testid="open-for-cpr">
                    <span className="badge badge-warning">{t('queue.openForCpr', { count: r.otherOpenForCpr + 1 })}</span>
                  </span>
                ) : null}
              </td>
              <td>{countryName(locale, r.country)}</td>
              <td>{t(`documentTypes.${r.documentType}`)}</td>
              <td>{t(`states.${r.state}`)}</td>
              <td>{r.assignedTo ? (r.assignedTo === staffId ? t('queue.you') : r.assigneeName) : <span className="text-muted">{t('queue.nobody')}</span>}</td>
              <td>{format.dateTime(r.submittedAt, { dateStyle: 'medium' })}</td>
              <td>
                {r.age.overTarget ? (
                  <span className="age-overdue">
                    <span aria-hidden="true">⚠ </span>
                    {t('queue.ageDays', { days: r.age.days })} <span className="badge badge-warning">{t('queue.overTarget', { days: targetDays })}</span>
                  </span>
                ) : (
                  t('queue.ageDays', { days: r.age.days })
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
