'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { reassignCaseAction, releaseCaseAction, takeCaseAction } from '../../../actions';
import { ActionFailureAlert } from './action-failure';
import { useCaseAction } from './use-case-action';

type Props = {
  applicationId: string;
  version: number;
  permissions: { take: boolean; release: boolean; reassign: boolean };
  assignable: { id: string; name: string }[];
  currentAssignee: string;
};

export function AssignmentPanel({ applicationId, version, permissions, assignable, currentAssignee }: Props) {
  const t = useTranslations('caseworker.assignment');
  const { pending, failure, run, reload } = useCaseAction();
  const [assignee, setAssignee] = useState(currentAssignee);
  const ref = { applicationId, expectedVersion: version };
  if (!permissions.take && !permissions.release && !permissions.reassign) return null;
  return (
    <div className="assignment-panel">
      <ActionFailureAlert failure={failure} onReload={reload} />
      <div className="button-row">
        {permissions.take ? (
          <button type="button" className="button button-primary" data-shortcut="take" disabled={pending} onClick={() => run(() => takeCaseAction(ref))}>
            {t('take')}
          </button>
        ) : null}
        {permissions.release ? (
          <button type="button" className="button button-secondary" disabled={pending} onClick={() => run(() => releaseCaseAction(ref))}>
            {t('release')}
          </button>
        ) : null}
      </div>
      {permissions.reassign ? (
        <form
          className="reassign-form"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => reassignCaseAction({ ...ref, assignee }));
          }}
        >
          <div className="form-group">
            <label className="form-label" htmlFor="reassign-to">
              {t('reassignLabel')}
            </label>
            <select className="form-select" id="reassign-to" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">{t('reassignNobody')}</option>
              {assignable.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary" disabled={pending}>
            {t('reassign')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
