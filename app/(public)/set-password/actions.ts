'use server';
// Setting a staff password from a one-time link: through the action door for anyone (the link's token is the
// credential), validated with the shared schema, the link used up with the change.
import { getDb } from '@/lib/db';
import { action, type ActionResult } from '@/lib/http/action';
import { setPasswordWithLink } from '@/lib/staff/invites';
import { setPasswordSchema } from '@/lib/staff/schemas';

export type SetPasswordState = ActionResult<{ done: true }> | null;

export async function setPasswordAction(_prev: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  return action({ who: 'anyone', schema: setPasswordSchema, form: ['token', 'password', 'confirm'] }, form, async (_caller, input) => {
    await setPasswordWithLink(getDb(), input.token, input.password);
    return { done: true as const };
  });
}
