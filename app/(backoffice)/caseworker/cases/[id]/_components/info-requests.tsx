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
            ) : null}
            {r.answeredAt ? <AnswerChanges changes={(r.answerChanges as { fields?: Changes } | null)?.fields ?? {}} t={t} /> : null}
            {r.answeredAt ? null : <p className="text-muted">{t('requests.notAnswered')}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<'caseworker'>>>;
type Changes = Record<string, { from?: string | null; to?: string | null; changed?: boolean }>;

/** What the applicant changed in an answer; a new CPR number is marked loudly, since the register record changes with it. */
function AnswerChanges({ changes, t }: { changes: Changes; t: Translate }) {
  const fields = Object.keys(changes);
  if (fields.length === 0) return null;
  return (
    <>
      {changes.cpr ? (
        <div className="alert alert-warning" data-testid="cpr-changed">
          <div className="alert-body">
            <p className="alert-text">{t('requests.cprChanged')}</p>
          </div>
        </div>
      ) : null}
      <p>{t('requests.changedHeading')}</p>
      <ul data-testid="answer-changes">
        {fields.map((field) => (
          <li key={field}>
            {field === 'cpr'
              ? t('fieldNames.cpr')
              : t('requests.change', { field: t(`fieldNames.${field}` as 'fieldNames.cpr'), from: changes[field]?.from ?? '–', to: changes[field]?.to ?? '–' })}
          </li>
        ))}
      </ul>
    </>
  );
}
