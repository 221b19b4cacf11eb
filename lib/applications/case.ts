// An application as the back office works it: the row, its fresh state for a refusal ("changed meanwhile", with who
// holds it now), and who may decide it. Used by the decisions here and by lib/cases' assignments.
import { eq, sql } from 'drizzle-orm';
import { applications, users } from '@/db/schema';
// Not '@/lib/auth': the job worker runs this outside Next, where next-auth cannot load.
import { roleCan } from '@/lib/auth/roles';
import type { Staff } from '@/lib/auth/sessions';
import type { DbOrTx } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import type { ApplicationState } from '@/lib/vocabulary';

export type CaseRow = typeof applications.$inferSelect;
export type FreshState = { state: ApplicationState; version: number; assigneeName: string | null };

export async function loadCase(db: DbOrTx, id: string): Promise<CaseRow> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  if (!row) throw notFound('caseworker.errors.caseNotFound');
  return row;
}

export async function freshState(db: DbOrTx, id: string): Promise<FreshState> {
  const [row] = await db
    .select({ state: applications.state, version: applications.version, assigneeName: sql<string | null>`coalesce(${users.name}, ${users.email})` })
    .from(applications)
    .leftJoin(users, eq(users.id, applications.assignedTo))
    .where(eq(applications.id, id));
  if (!row) throw notFound('caseworker.errors.caseNotFound');
  return row;
}

/** The refusal for a step on a case that changed since the caseworker saw it, carrying the case as it is now. */
export async function changedMeanwhile(db: DbOrTx, id: string) {
  return conflict('caseworker.errors.changedMeanwhile', { fresh: await freshState(db, id) });
}

/** Approve, reject and request more information need the case assigned to the caseworker; a supervisor may override. */
export async function assertMayDecide(db: DbOrTx, current: CaseRow, staff: Staff): Promise<{ override: boolean }> {
  if (current.assignedTo === staff.id) return { override: false };
  if (roleCan(staff.role, 'supervisor')) return { override: true };
  throw conflict('caseworker.errors.notAssignedToYou', { fresh: await freshState(db, current.id) });
}

export const staffActor = (staff: Staff) => ({ type: 'staff' as const, id: staff.id });
