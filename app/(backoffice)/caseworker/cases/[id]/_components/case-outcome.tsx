import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/case-view';

/** Where the case stands when it is not waiting for a caseworker's decision. */
export async function CaseOutcome({ view }: { view: CaseView }) {
  const [t, format] = await Promise.all([getTranslations('caseworker'), getFormatter()]);
  const app = view.application;
  const decidedAt = app.decidedAt ? format.dateTime(app.decidedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  if (app.state === 'approved') {
    const link = view.related.links.find((l) => l.fromThisApplication || (l.sharedBy === 'both' && !l.revokedAt));
    return (
      <div className="alert alert-success" data-testid="case-outcome">
        <div className="alert-body">
          <p className="alert-heading">{t('outcome.approvedHeading')}</p>
          <p className="alert-text">{t('outcome.approved', { date: decidedAt })}</p>
          {link ? <p className="alert-text">{t('outcome.link', { identifier: link.personIdentifier, method: t(`related.methods.${link.method}`) })}</p> : null}
        </div>
      </div>
    );
  }
  if (app.state === 'rejected') {
    return (
      <div className="alert alert-info" data-testid="case-outcome">
        <div className="alert-body">
          <p className="alert-heading">{t('outcome.rejectedHeading')}</p>
          <p className="alert-text">{t('outcome.rejected', { date: decidedAt, reason: t(`rejectReasons.${app.rejectReason ?? 'other'}`) })}</p>
          {app.decisionText ? <p className="alert-text">{app.decisionText}</p> : null}
        </div>
      </div>
    );
  }
  if (app.state === 'awaiting_applicant' || app.state === 'expired' || app.state === 'withdrawn') {
    return (
      <div className="alert alert-info" data-testid="case-outcome">
        <div className="alert-body">
          <p className="alert-text">{t(`outcome.${app.state}`)}</p>
        </div>
      </div>
    );
  }
  return null;
}
