'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { approveAction } from '../../../actions';
import { ActionFailureAlert } from './action-failure';
import { RejectForm } from './reject-form';
import { RequestInfoForm } from './request-info-form';
import { useCaseAction } from './use-case-action';

type Props = { applicationId: string; version: number; documentType: 'passport' | 'id_card'; override: boolean; otherOpenForCpr: number };

/** The three decisions. Each section can be reached by its shortcut; none is taken by a single key press. */
export function DecisionPanel({ applicationId, version, documentType, override, otherOpenForCpr }: Props) {
  const t = useTranslations('caseworker.decision');
  const approve = useCaseAction();
  const [confirmedOthers, setConfirmedOthers] = useState(false);
  return (
    <section aria-labelledby="decision-heading" className="case-section decision-panel">
      <h2 id="decision-heading">{t('heading')}</h2>
      {override ? (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">{t('override')}</p>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="approve-heading" className="decision">
        <h3 id="approve-heading">{t('approveHeading')}</h3>
        <p>{t('approveHelp')}</p>
        <ActionFailureAlert failure={approve.failure} onReload={approve.reload} />
        {otherOpenForCpr > 0 ? (
          <div className="form-group">
            <input className="form-checkbox" type="checkbox" id="confirm-others" checked={confirmedOthers} onChange={(e) => setConfirmedOthers(e.target.checked)} />
            <label className="form-label" htmlFor="confirm-others">
              {t('confirmOthers', { count: otherOpenForCpr })}
            </label>
          </div>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          data-shortcut="approve"
          disabled={approve.pending}
          onClick={() => approve.run(() => approveAction({ applicationId, expectedVersion: version, ...(otherOpenForCpr > 0 ? { confirmedOthers } : {}) }))}
        >
          {approve.pending ? t('working') : t('approve')}
        </button>
      </section>
      <RejectForm applicationId={applicationId} version={version} />
      <RequestInfoForm applicationId={applicationId} version={version} documentType={documentType} />
    </section>
  );
}
