// Staff accounts for admins: list, create with a set-password link, change role, deactivate and reactivate.
// Every change is one transaction with its audit event; no change may leave the service without an active admin.
import { and, desc, eq, sql } from 'drizzle-orm';
import { applicationEvents, applications, users } from '@/db/schema';
import type { StaffRole } from '@/lib/vocabulary';
import { recordEvent } from '@/lib/audit';
import type { Staff } from '@/lib/auth/sessions';
import { endAllStaffSessions } from '@/lib/auth/sessions';
import type { Db, DbOrTx, Tx } from '@/lib/db';
import { conflict, invalidInput, notFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { assertAdmin } from './guard';
import { revokeSetPasswordLinks, sendSetPasswordLink } from './invites';

const summary = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  passwordSet: sql<boolean>`${users.passwordHash} is not null`,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

export type StaffSummary = { id: string; name: string | null; email: string; role: StaffRole | null; active: boolean; passwordSet: boolean; lastSignInAt: Date | null; createdAt: Date };

export async function listStaff(db: DbOrTx): Promise<StaffSummary[]> {
  return db.select(summary).from(users).orderBy(desc(users.active), sql`lower(coalesce(${users.name}, ${users.email}))`);
}

export async function getStaffMember(db: DbOrTx, id: string): Promise<StaffSummary | null> {
  const [row] = await db.select(summary).from(users).where(eq(users.id, id));
  return row ?? null;
}

export type RecentAction = { id: number; type: string; createdAt: Date; reference: string | null; data: Record<string, unknown> };

/** What the person did lately, from the audit log. */
export async function listRecentActions(db: DbOrTx, userId: string, limit = 20): Promise<RecentAction[]> {
  return db
    .select({ id: applicationEvents.id, type: applicationEvents.type, createdAt: applicationEvents.createdAt, reference: applications.reference, data: applicationEvents.data })
    .from(applicationEvents)
    .leftJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .where(and(eq(applicationEvents.actorType, 'staff'), eq(applicationEvents.actorId, userId)))
    .orderBy(desc(applicationEvents.createdAt), desc(applicationEvents.id))
    .limit(limit);
}

export async function createStaff(db: Db, actor: Staff, input: { name: string; email: string; role: StaffRole }, locale: Locale): Promise<{ id: string }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(users).values({ name: input.name, email: input.email, role: input.role }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
    if (!created) throw invalidInput({ email: ['emailTaken'] });
    await recordEvent(tx, { actor: { type: 'staff', id: actor.id }, type: 'staff_created', data: { userId: created.id, email: input.email, role: input.role } });
    await sendSetPasswordLink(tx, { id: created.id, email: input.email, name: input.name, role: input.role }, { type: 'staff', id: actor.id }, locale);
    return created;
  });
}

/** Locks the active admins and the target, so two admins demoting each other at once cannot both succeed. */
async function lockForChange(tx: Tx, userId: string) {
  const admins = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true))).for('update');
  const [target] = await tx.select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).for('update');
  if (!target) throw notFound();
  const isLastAdmin = target.role === 'admin' && target.active && admins.length <= 1;
  return { target, isLastAdmin };
}

export async function changeStaffRole(db: Db, actor: Staff, userId: string, role: StaffRole): Promise<void> {
  assertAdmin(actor);
  await db.transaction(async (tx) => {
    const { target, isLastAdmin } = await lockForChange(tx, userId);
    if (target.role === role) return;
    if (isLastAdmin) throw conflict('lastAdmin');
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await recordEvent(tx, { actor: { type: 'staff', id: actor.id }, type: 'staff_role_changed', data: { userId, from: target.role, to: role } });
  });
}

/** Deactivation ends every session at once, so the person's next request is refused; reactivation lets them sign in again. */
export async function setStaffActive(db: Db, actor: Staff, userId: string, active: boolean): Promise<void> {
  assertAdmin(actor);
  await db.transaction(async (tx) => {
    const { target, isLastAdmin } = await lockForChange(tx, userId);
    if (target.active === active) return;
    if (!active && isLastAdmin) throw conflict('lastAdmin');
    await tx.update(users).set({ active }).where(eq(users.id, userId));
    if (!active) {
      await endAllStaffSessions(tx, userId);
      await revokeSetPasswordLinks(tx, userId);
    }
    await recordEvent(tx, { actor: { type: 'staff', id: actor.id }, type: active ? 'staff_reactivated' : 'staff_deactivated', data: { userId } });
  });
}

export async function resendSetPasswordLink(db: Db, actor: Staff, userId: string, locale: Locale): Promise<{ email: string }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).for('update');
    if (!target) throw notFound();
    if (!target.active) throw conflict('CONFLICT');
    await sendSetPasswordLink(tx, target, { type: 'staff', id: actor.id }, locale);
    return { email: target.email };
  });
}
