import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/case-view';

/** The requests for more information sent on this case, and the applicant's answers. */
export async function InfoRequests({ requests }: { requests: CaseView['infoRequests'] }) {
  if (requests.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations('caseworker'), getFormatter()]);
  return (
    <section aria-labelledby="requests-heading" className="case-section">
      <h2 id="requests-heading">{t('requests.heading')}</h2>
      <ol className="requests-list">
        {requests.map((r) => (
          <li key={r.id}>
            <p>
              {t('requests.sent', { who: r.requestedBy ?? t('history.someone'), date: format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
            </p>
            <ul>
              {r.items.map((i, n) => (
                <li key={n}>{i.type === 'photo' ? t('decision.newPhoto', { kind: t(`documents.kinds.${i.target}`) }) : i.type === 'field' ? t('decision.correctField', { field: t(`fieldNames.${i.target}`) }) : t('decision.question')}</li>
              ))}
            </ul>
            <blockquote>{r.message}</blockquote>
            {r.answeredAt ? (
              <p>
                {t('requests.answered', { date: format.dateTime(r.answeredAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                {r.answerMessage ? <> — “{r.answerMessage}”</> : null}
              </p>
            ) : (
              <p className="text-muted">{t('requests.notAnswered')}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
