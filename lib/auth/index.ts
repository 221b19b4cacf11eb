// Staff authentication and authorisation: `requireStaff(capability)` is the one gate of every back-office action and
// route handler (`requireStaffPage` that of pages); the proxy only redirects early and is never the check.
import { getToken } from 'next-auth/jwt';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { auth } from './config';
import { roleCan, type Capability } from './roles';
import { resolveStaff, type Staff } from './sessions';

export { handlers, signIn, signOut } from './config';
export { roleCan, type Capability } from './roles';
export type { Staff } from './sessions';

/** The signed-in staff member of this request (once per request), or null. */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const session = (await auth()) as { sid?: string } | null;
  return resolveStaff(getDb(), session?.sid);
});

/** For pages: redirects to sign-in when signed out, and to the no-access page when the role does not allow it. */
export async function requireStaffPage(capability: Capability, returnTo: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roleCan(staff.role, capability)) redirect('/no-access');
  return staff;
}

const SECURE_SESSION_COOKIE = '__Secure-authjs.session-token';

/**
 * The one staff gate of actions and route handlers: the staff member, or UNAUTHENTICATED / FORBIDDEN when the role
 * lacks any of the capabilities. A route handler passes its request, and the session cookie is read from it rather
 * than from the ambient headers, so a handler can be called (and tested) with any request.
 */
export async function requireStaff(capability: Capability | readonly Capability[], req?: Request): Promise<Staff> {
  const staff = req ? await staffOfRequest(req) : await currentStaff();
  if (!staff) throw new AppError('UNAUTHENTICATED');
  const capabilities: readonly Capability[] = typeof capability === 'string' ? [capability] : capability;
  if (!capabilities.every((c) => roleCan(staff.role, c))) throw new AppError('FORBIDDEN');
  return staff;
}

async function staffOfRequest(req: Request): Promise<Staff | null> {
  const secureCookie = (req.headers.get('cookie') ?? '').includes(SECURE_SESSION_COOKIE);
  const token = await getToken({ req, secret: env().AUTH_SECRET, secureCookie });
  return resolveStaff(getDb(), typeof token?.sid === 'string' ? token.sid : null);
}
