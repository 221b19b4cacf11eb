import { getFormatter, getTranslations } from 'next-intl/server';
import type { ApplicantStatus } from '@/lib/applications/status';
import type { Locale } from '@/lib/i18n/config';
import styles from './status.module.css';
import { AnswerForm } from './answer-form';
import { SignOut } from './sign-out';
import { WithdrawForm } from './withdraw-form';

/** The applicant's view of their application: state and history in plain words, own photos, what is asked of them. */
export async function StatusView({ status, locale }: { status: ApplicantStatus; locale: Locale }) {
  const [t, format] = await Promise.all([getTranslations('status'), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  const alertKind = { approved: 'success', rejected: 'error', awaiting_applicant: 'warning', expired: 'warning', withdrawn: 'info', submitted: 'info', in_review: 'info' }[status.state];
  const rounds = [...new Set(status.documents.map((d) => d.round))];
  return (
    <div className="max-width-text">
      <h1>{t('heading')}</h1>
      <p className="font-lead">
        {t('referenceLabel')} <strong data-testid="status-reference">{status.reference}</strong>
      </p>

      <div className={`alert alert-${alertKind}`} data-testid="status-state">
        <div className="alert-body">
          <p className="alert-heading">{t(`state.${status.state}.heading`)}</p>
          <p className="alert-text">{t(`state.${status.state}.body`)}</p>
          {status.state === 'rejected' && status.rejectReason ? <p className="alert-text">{t(`rejectReason.${status.rejectReason}` as 'rejectReason.other')}</p> : null}
          {status.state === 'rejected' && status.decisionText ? <p className="alert-text">{status.decisionText}</p> : null}
        </div>
      </div>

      {status.openRequest ? (
        <section aria-labelledby="request-heading" className="mt-7">
          <h2 id="request-heading">{t('request.heading')}</h2>
          <p>{t('request.askedOn', { date: when(status.openRequest.createdAt) })}</p>
          <blockquote className={styles.message} data-testid="request-message">
            {status.openRequest.message}
          </blockquote>
          <AnswerForm status={status} locale={locale} />
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="mt-7">
        <h2 id="history-heading">{t('history.heading')}</h2>
        <ol className={styles.history} data-testid="history">
          {status.history.map((h, i) => (
            <li key={i}>
              <span className={styles.when}>{when(h.at)}</span> {t(`history.${h.type}`)}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="photos-heading" className="mt-7">
        <h2 id="photos-heading">{t('photos.heading')}</h2>
        {status.documents.length === 0 ? <p>{t('photos.none')}</p> : null}
        {rounds.map((round) => (
          <div key={round}>
            {rounds.length > 1 ? <h3 className="h4">{round === 1 ? t('photos.first') : t('photos.later', { round: round - 1 })}</h3> : null}
            <ul className={`nobullet-list ${styles.thumbs}`}>
              {status.documents
                .filter((d) => d.round === round)
                .map((d) => (
                  <li key={d.id}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- private per-applicant image, served through the session */}
                    <img src={`/api/v1/applications/status/documents/${d.id}/thumbnail`} alt={t(`photos.kind.${d.kind}`)} />
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>

      {status.canWithdraw ? (
        <section aria-labelledby="withdraw-heading" className="mt-7">
          <h2 id="withdraw-heading">{t('withdraw.heading')}</h2>
          <p>{t('withdraw.intro')}</p>
          <WithdrawForm version={status.version} />
        </section>
      ) : null}

      <div className="mt-7">
        <SignOut />
      </div>
    </div>
  );
}
