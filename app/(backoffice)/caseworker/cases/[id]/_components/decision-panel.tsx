'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { approveAction } from '../../../actions';
import { ActionFailureAlert } from './action-failure';
import { RejectForm } from './reject-form';
import { RequestInfoForm } from './request-info-form';
import { useCaseAction } from './use-case-action';

/** What an approval links, shown before it is made; null when the case cannot be approved (and why). */
export type Approval = { personIdentifier: string; maskedCpr: string; registerName: string } | { blockedBy: 'noEidIdentity' | 'notInRegister' | 'registerDeceased' };

type Props = { applicationId: string; version: number; documentType: 'passport' | 'id_card'; override: boolean; approval: Approval; otherOpenForCpr: number };

/** The three decisions. Each section can be reached by its shortcut; none is taken by a single key press. */
export function DecisionPanel({ applicationId, version, documentType, override, approval, otherOpenForCpr }: Props) {
  const t = useTranslations('caseworker');
  const approve = useCaseAction();
  const [confirming, setConfirming] = useState(false);
  const [confirmedOthers, setConfirmedOthers] = useState(false);
  return (
    <section aria-labelledby="decision-heading" className="case-section decision-panel">
      <h2 id="decision-heading">{t('decision.heading')}</h2>
      {override ? (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">{t('decision.override')}</p>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="approve-heading" className="decision">
        <h3 id="approve-heading">{t('decision.approveHeading')}</h3>
        {'blockedBy' in approval ? (
          <p data-testid="approve-unavailable">{t(`errors.${approval.blockedBy}`)}</p>
        ) : (
          <>
            <p>{t('decision.approveHelp')}</p>
            <ActionFailureAlert failure={approve.failure} onReload={approve.reload} />
            {otherOpenForCpr > 0 ? (
              <div className="form-group">
                <input className="form-checkbox" type="checkbox" id="confirm-others" checked={confirmedOthers} onChange={(e) => setConfirmedOthers(e.target.checked)} />
                <label className="form-label" htmlFor="confirm-others">
                  {t('decision.confirmOthers', { count: otherOpenForCpr })}
                </label>
              </div>
            ) : null}
            <button type="button" className="button button-primary" data-shortcut="approve" disabled={approve.pending} onClick={() => setConfirming(true)}>
              {approve.pending ? t('decision.working') : t('decision.approveOpen')}
            </button>
            <ConfirmDialog
              open={confirming}
              title={t('decision.confirm.title')}
              confirmLabel={t('decision.approve')}
              cancelLabel={t('decision.confirm.cancel')}
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                approve.run(() => approveAction({ applicationId, expectedVersion: version, ...(otherOpenForCpr > 0 ? { confirmedOthers } : {}) }));
              }}
              testId="approve-dialog"
            >
              <p>{t('decision.confirm.intro')}</p>
              <dl className="facts approve-link">
                <dt>{t('facts.identifier')}</dt>
                <dd data-testid="approve-eid">{approval.personIdentifier}</dd>
                <dt>{t('decision.confirm.cpr')}</dt>
                <dd data-testid="approve-cpr">{approval.maskedCpr}</dd>
                <dt>{t('decision.confirm.registerName')}</dt>
                <dd>{approval.registerName}</dd>
              </dl>
              <p>{t('decision.confirm.check')}</p>
            </ConfirmDialog>
          </>
        )}
      </section>
      <RejectForm applicationId={applicationId} version={version} />
      <RequestInfoForm applicationId={applicationId} version={version} documentType={documentType} />
    </section>
  );
}
