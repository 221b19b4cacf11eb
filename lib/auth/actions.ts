'use server';
// Staff sign-in and sign-out as server actions (plain form posts; they work without JavaScript). They open with the
// action door like every action, as form posts that answer with a page: the sign-in form's own state (an attempt
// counter, a lock-out's minutes) or a redirect. Anyone may call them by design.
import { AuthError } from 'next-auth';
import { AppError } from '@/lib/errors';
import { action, formFields } from '@/lib/http/action';
import { z } from '@/lib/validation';
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

const signInForm = z.object({ email: z.string().trim().min(1), password: z.string().min(1), callbackUrl: z.unknown() });
const signInFields = ['email', 'password', 'callbackUrl'] as const;

export async function signInWithPassword(prev: SignInState, form: FormData): Promise<SignInState> {
  // Called by hand, an action can be sent anything: a missing state or a form that is no form is empty input.
  const attempt = (typeof prev?.attempt === 'number' && Number.isSafeInteger(prev.attempt) ? prev.attempt : 0) + 1;
  const typed = formFields(form, ['email']).email;
  const email = typeof typed === 'string' ? typed.trim() : '';
  // Input the form cannot send (an empty field) is refused by the door; a wrong password or a lock-out is Auth.js's
  // answer, given back as the form's state.
  const refuse = (e: AppError): SignInState => {
    if (e.code === 'INVALID_INPUT') return { error: 'required', field: e.details.fields?.email ? 'email' : 'password', email, attempt };
    throw e;
  };
  return action({ who: 'anyone', schema: signInForm, form: signInFields, refuse }, form, async (_, data): Promise<SignInState> => {
    try {
      await signIn('credentials', { email: data.email, password: data.password, redirectTo: afterSignIn(data.callbackUrl) });
      return {};
    } catch (e) {
      if (!(e instanceof AuthError)) throw e; // the redirect after a sign-in, or a failure of ours
      const { code, retryAfterSeconds } = e as AuthError & { code?: string; retryAfterSeconds?: number };
      if (code === 'account_locked' || code === 'rate_limited') return { error: code, minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)), field: 'email', email, attempt };
      return { error: 'invalid', field: 'email', email, attempt };
    }
  });
}

export async function signInWithSso(form: FormData): Promise<void> {
  return action({ who: 'anyone', schema: z.object({ callbackUrl: z.unknown() }), form: ['callbackUrl'], refuse: () => undefined }, form, async (_, data) => {
    await signIn('sso', { redirectTo: afterSignIn(data.callbackUrl) });
  });
}

// Without a page to return to, the sign-in page sends the now signed-in person to their role's home.
function afterSignIn(callbackUrl: unknown): string {
  return safeCallback(callbackUrl) ?? '/signin';
}

export async function signOutStaff(): Promise<void> {
  return action({ who: 'anyone', schema: z.undefined(), refuse: () => undefined }, undefined, async () => {
    await signOut({ redirectTo: '/signin' });
  });
}
