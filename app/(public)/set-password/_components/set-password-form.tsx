'use client';
import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/form/error-summary';
import { TextField } from '@/components/form/text-field';
import { setPasswordAction, type SetPasswordState } from '../actions';

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('admin.setPassword');
  const te = useTranslations('errors');
  const tf = useTranslations('form');
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, null);
  const done = state?.ok === true;
  const failure = state?.ok === false ? state : undefined;
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  if (done) {
    return (
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <h2 className="alert-heading h3" tabIndex={-1} ref={doneRef}>
            {t('doneTitle')}
          </h2>
          <p className="alert-text">{t('doneBody')}</p>
          <p className="alert-text">
            <Link href="/signin?callbackUrl=%2Fcaseworker">{t('signIn')}</Link>
          </p>
        </div>
      </div>
    );
  }
  const error = (field: string) => (failure?.fields?.[field]?.[0] ? te(failure.fields[field]![0]!) : undefined);
  const summary = [
    ...(['password', 'confirm'] as const).flatMap((f) => (error(f) ? [{ field: f, message: `${t(f)}: ${error(f)}` }] : [])),
    ...(failure?.formError ? [{ field: 'password', message: te(failure.formError) }] : []),
    ...(error('token') ? [{ field: 'password', message: error('token')! }] : []),
  ];
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="token" value={token} />
      <TextField id="password" name="password" type="password" autoComplete="new-password" label={t('password')} hint={t('passwordHint')} error={error('password')} width="l" required />
      <TextField id="confirm" name="confirm" type="password" autoComplete="new-password" label={t('confirm')} error={error('confirm')} width="l" required />
      <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
        {pending ? tf('submitting') : t('submit')}
      </button>
    </form>
  );
}
