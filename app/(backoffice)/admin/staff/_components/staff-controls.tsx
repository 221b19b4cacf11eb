'use client';
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { ConfirmDialog } from '@/components/confirm-dialog';
import type { StaffRole } from '@/lib/vocabulary';
import { changeRoleAction, resendInviteAction, setActiveAction, type StaffFormState } from '../actions';
import { RoleRadios } from './role-radios';

function Outcome({ state, values }: { state: StaffFormState; values?: Record<string, string> }) {
  const t = useTranslations('admin.detail');
  const te = useTranslations('errors');
  if (state?.ok === false && state.formError)
    return (
      <div className="alert alert-error" role="alert">
        <div className="alert-body">
          <p className="alert-text">{te(state.formError)}</p>
        </div>
      </div>
    );
  if (state?.ok && state.notice)
    return (
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <p className="alert-text">{t(state.notice, values)}</p>
        </div>
      </div>
    );
  return null;
}

type Props = { userId: string; name: string; email: string; role: StaffRole | null; active: boolean; passwordSet: boolean };

/** Change role, deactivate or reactivate, and send a new set-password link. */
export function StaffControls({ userId, name, email, role, active, passwordSet }: Props) {
  const t = useTranslations('admin');
  const te = useTranslations('errors');
  const [roleState, roleAction, rolePending] = useActionState<StaffFormState, FormData>(changeRoleAction.bind(null, userId), null);
  const [activeState, activeAction, activePending] = useActionState<StaffFormState>(setActiveAction.bind(null, userId, !active), null);
  const [inviteState, inviteAction, invitePending] = useActionState<StaffFormState>(resendInviteAction.bind(null, userId), null);
  const [confirmingDeactivation, setConfirmingDeactivation] = useState(false);
  const roleError = roleState?.ok === false && roleState.fields?.role?.[0] ? te(roleState.fields.role[0]) : undefined;
  return (
    <div className="staff-actions">
      <form action={roleAction} noValidate aria-labelledby="change-role-heading">
        <h2 className="h3" id="change-role-heading">
          {t('detail.changeRole.legend')}
        </h2>
        <Outcome state={roleState} values={{ role: role ? t(`role.${role}`) : t('staff.noRole') }} />
        <RoleRadios idPrefix="new-role" legend={t('detail.role')} defaultRole={role} error={roleError} />
        <button type="submit" className="button button-secondary" disabled={rolePending} aria-disabled={rolePending}>
          {t('detail.changeRole.submit')}
        </button>
      </form>
      <form action={activeAction} aria-labelledby="active-heading">
        <h2 className="h3" id="active-heading">
          {t(active ? 'detail.deactivate.heading' : 'detail.reactivate.heading')}
        </h2>
        <Outcome state={activeState} />
        <p>{t(active ? 'detail.deactivate.hint' : 'detail.reactivate.hint')}</p>
        {active ? (
          <>
            {/* Deactivating signs the person out at once: it is confirmed first, by name. */}
            <button type="button" className="button button-secondary" disabled={activePending} aria-disabled={activePending} onClick={() => setConfirmingDeactivation(true)}>
              {t('detail.deactivate.submit')}
            </button>
            <ConfirmDialog
              open={confirmingDeactivation}
              title={t('detail.deactivate.confirmTitle', { name })}
              confirmLabel={t('detail.deactivate.confirm')}
              cancelLabel={t('detail.deactivate.cancel')}
              onCancel={() => setConfirmingDeactivation(false)}
              onConfirm={() => setConfirmingDeactivation(false)}
              submit
              testId="deactivate-dialog"
            >
              <p>{t('detail.deactivate.confirmText', { name, email })}</p>
            </ConfirmDialog>
          </>
        ) : (
          <button type="submit" className="button button-primary" disabled={activePending} aria-disabled={activePending}>
            {t('detail.reactivate.submit')}
          </button>
        )}
      </form>
      {active && !passwordSet ? (
        <form action={inviteAction} aria-labelledby="invite-heading">
          <h2 className="h3" id="invite-heading">
            {t('detail.invite.heading')}
          </h2>
          <Outcome state={inviteState} values={{ email }} />
          <p>{t('detail.invite.hint')}</p>
          <button type="submit" className="button button-secondary" disabled={invitePending} aria-disabled={invitePending}>
            {t('detail.invite.submit')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
