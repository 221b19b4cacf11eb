'use server';
// Setting a staff password from a one-time link: validated with the shared schema, the link used up with the change.
import { getDb } from '@/lib/db';
import { parseForm, stateFromError, type FormState } from '@/lib/staff/action-state';
import { setPasswordWithLink } from '@/lib/staff/invites';
import { setPasswordSchema } from '@/lib/staff/schemas';

export async function setPasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    const input = parseForm(setPasswordSchema, form, ['token', 'password', 'confirm']);
    await setPasswordWithLink(getDb(), input.token, input.password);
    return { done: true };
  } catch (e) {
    return stateFromError(e);
  }
}
