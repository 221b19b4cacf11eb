'use client';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/form/error-summary';
import { TextField } from '@/components/form/text-field';
import { signInWithPassword, type SignInState } from '@/lib/auth/actions';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('staffAuth');
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, {});
  const message = state.error ? t(`error.${state.error}`) : undefined;
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={message ? [{ field: state.error === 'required' && state.email ? 'password' : 'email', message }] : []} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="email" name="email" defaultValue={state.email} type="email" autoComplete="username" label={t('email')} required width="l" />
      <TextField id="password" name="password" type="password" autoComplete="current-password" label={t('password')} required width="l" />
      <button type="submit" className="button button-primary" disabled={pending} aria-disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
