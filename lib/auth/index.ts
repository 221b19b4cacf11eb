// Staff authentication and authorisation: `requireStaff(capability)` opens every back-office page, action and
// route handler; the proxy only redirects early and is never the check.
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/lib/db';
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

/** For actions and route handlers: the staff member, or UNAUTHENTICATED / FORBIDDEN. */
export async function requireStaff(capability: Capability): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) throw new AppError('UNAUTHENTICATED');
  if (!roleCan(staff.role, capability)) throw new AppError('FORBIDDEN');
  return staff;
}

/** For pages: redirects to sign-in when signed out, and to the no-access page when the role does not allow it. */
export async function requireStaffPage(capability: Capability, returnTo: string): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roleCan(staff.role, capability)) redirect('/no-access');
  return staff;
}
