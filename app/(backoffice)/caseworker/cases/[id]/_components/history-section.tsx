import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/case-view';
import type { HistoryEvent } from '@/lib/cases/history';

const known = ['submitted', 'taken', 'released', 'assignment_expired', 'reassigned', 'approved', 'rejected', 'info_requested', 'answered', 'withdrawn', 'expired', 'note_added'];

/** Every event of the case in plain words, oldest first, and the document views in a table of their own. */
export async function HistorySection({ history }: { history: CaseView['history'] }) {
  const [t, format] = await Promise.all([getTranslations('caseworker'), getFormatter()]);
  const actor = (e: HistoryEvent) =>
    e.actorType === 'staff' ? (e.actorName ?? t('history.someone')) : t(`history.actors.${e.actorType}`);
  const sentence = (e: HistoryEvent) => {
    const values = { actor: actor(e) };
    if (e.type === 'reassigned') {
      const to = typeof e.data.to === 'string' ? history.names[e.data.to] : null;
      return to ? t('history.types.reassignedTo', { ...values, to }) : t('history.types.reassignedToQueue', values);
    }
    if (e.type === 'rejected') return t('history.types.rejected', { ...values, reason: t(`rejectReasons.${String(e.data.reason ?? 'other')}`) });
    if (e.type === 'info_requested') {
      const items = Array.isArray(e.data.items) ? (e.data.items as { type: string; target?: string }[]) : [];
      const list = items.map((i) => (i.type === 'photo' ? t('documents.kinds.' + i.target) : i.type === 'field' ? t('fieldNames.' + i.target) : t('history.question'))).join(', ');
      return t('history.types.info_requested', { ...values, items: list });
    }
    if (known.includes(e.type)) return t(`history.types.${e.type}`, values);
    return t('history.types.other', { ...values, type: e.type });
  };
  return (
    <section aria-labelledby="history-heading" className="case-section">
      <h2 id="history-heading" tabIndex={-1} data-shortcut="history">
        {t('history.heading')}
      </h2>
      <ol className="history-list" data-testid="history">
        {history.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.createdAt.toISOString()}>{format.dateTime(e.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>{' '}
            <span>{sentence(e)}</span>
            {e.type === 'approved' && Array.isArray(e.data.confirmedOthers) && e.data.confirmedOthers.length ? (
              <span> {t('history.confirmedOthers', { count: e.data.confirmedOthers.length, references: e.data.confirmedOthers.join(', ') })}</span>
            ) : null}
            {e.data.override ? <span className="badge badge-warning">{t('history.override')}</span> : null}
          </li>
        ))}
      </ol>
      <details className="details">
        <summary className="details-summary">{t('history.viewsHeading', { count: history.documentViews.length })}</summary>
        <div className="details-text">
          {history.documentViews.length === 0 ? (
            <p>{t('history.noViews')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table table--compact" data-testid="document-views">
                <caption className="visually-hidden">{t('history.viewsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('history.when')}</th>
                    <th scope="col">{t('history.who')}</th>
                    <th scope="col">{t('history.which')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.documentViews.map((v) => (
                    <tr key={v.id}>
                      <td>{format.dateTime(v.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                      <td>{actor(v)}</td>
                      <td>
                        {t('history.viewed', {
                          kind: t(`documents.kinds.${String(v.data.kind)}`),
                          round: Number(v.data.round ?? 1),
                          size: t(`history.sizes.${v.data.size === 'thumb' ? 'thumb' : 'review'}`),
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </details>
    </section>
  );
}
