'use server';
// Staff sign-in and sign-out as server actions (plain form posts; they work without JavaScript). They answer the
// sign-in form's own state (an attempt counter, a lock-out's minutes) or redirect, not an ActionResult, so they read
// their form with the action door's formFields but do not open with action(): anyone may call them by design.
import { AuthError } from 'next-auth';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { formFields } from '@/lib/http/action';
import { safeCallback } from './callback';
import { signIn, signOut } from './config';

export type SignInState = {
  error?: 'invalid' | 'account_locked' | 'rate_limited' | 'required';
  field?: 'email' | 'password';
  email?: string;
  attempt?: number;
  /** Whole minutes until a locked account or a limited address may try again. */
  minutes?: number;
};

export async function signInWithPassword(prev: SignInState, form: FormData): Promise<SignInState> {
  const attempt = (typeof prev?.attempt === 'number' && Number.isSafeInteger(prev.attempt) ? prev.attempt : 0) + 1;
  // Called by hand, an action can be sent anything: a missing state or a form that is no form is empty input.
  const { email: emailField, password: passwordField } = formFields(form, ['email', 'password']);
  const email = typeof emailField === 'string' ? emailField.trim() : '';
  const password = typeof passwordField === 'string' ? passwordField : '';
  if (!email || !password) return { error: 'required', field: email ? 'password' : 'email', email, attempt };
  try {
    await signIn('credentials', { email, password, redirectTo: afterSignIn(form) });
    return {};
  } catch (e) {
    if (isRedirectError(e)) throw e;
    if (e instanceof AuthError) {
      const { code, retryAfterSeconds } = e as AuthError & { code?: string; retryAfterSeconds?: number };
      if (code === 'account_locked' || code === 'rate_limited') return { error: code, minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)), field: 'email', email, attempt };
      return { error: 'invalid', field: 'email', email, attempt };
    }
    throw e;
  }
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn('sso', { redirectTo: afterSignIn(form) });
}

// Without a page to return to, the sign-in page sends the now signed-in person to their role's home.
function afterSignIn(form: FormData): string {
  return safeCallback(formFields(form, ['callbackUrl']).callbackUrl) ?? '/signin';
}

export async function signOutStaff(): Promise<void> {
  await signOut({ redirectTo: '/signin' });
}
