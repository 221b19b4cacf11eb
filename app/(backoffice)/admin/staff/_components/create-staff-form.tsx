'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/form/error-summary';
import { TextField } from '@/components/form/text-field';
import { createStaffAction, type StaffFormState } from '../actions';
import { RoleRadios } from './role-radios';

export function CreateStaffForm() {
  const t = useTranslations('admin.new');
  const te = useTranslations('errors');
  const tf = useTranslations('form');
  const [state, action, pending] = useActionState<StaffFormState, FormData>(createStaffAction, null);
  const failure = state?.ok === false ? state : undefined;
  const error = (field: string) => (failure?.fields?.[field]?.[0] ? te(failure.fields[field]![0]!) : undefined);
  const labels = { name: t('name'), email: t('email'), role: t('role') };
  const summary = [
    ...(['name', 'email', 'role'] as const).flatMap((f) => (error(f) ? [{ field: f, message: `${labels[f]}: ${error(f)}` }] : [])),
    ...(failure?.formError ? [{ field: 'name', message: te(failure.formError) }] : []),
  ];
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={summary} />
      <TextField id="name" name="name" label={t('name')} autoComplete="off" error={error('name')} width="l" required />
      <TextField id="email" name="email" type="email" label={t('email')} autoComplete="off" error={error('email')} width="l" required />
      <RoleRadios idPrefix="role" legend={t('role')} error={error('role')} />
      <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
        {pending ? tf('submitting') : t('submit')}
      </button>
    </form>
  );
}
