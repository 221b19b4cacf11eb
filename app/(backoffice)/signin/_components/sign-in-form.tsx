'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/form/error-summary';
import { TextField } from '@/components/form/text-field';
import { signInWithPassword, type SignInState } from '@/lib/auth/actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('staffAuth');
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  const message = state.error ? t(`error.${state.error}`, { minutes: state.minutes ?? 15 }) : undefined;
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={message && state.field ? [{ field: state.field, message }] : []} focusKey={state.attempt} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="email" name="email" defaultValue={state.email} error={state.field === 'email' ? message : undefined} type="email" autoComplete="username" label={t('email')} required width="l" />
      <TextField id="password" name="password" error={state.field === 'password' ? message : undefined} type="password" autoComplete="current-password" label={t('password')} required width="l" />
      <button type="submit" className="button button-primary" aria-disabled={pending} onClick={(e) => pending && e.preventDefault()}>
        {pending ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
