// One state-machine step on an application, inside the caller's transaction and guarded by the version the caller
// saw (UPDATE … WHERE id AND version): if anyone changed the case in between, nothing happens and the caller learns the fresh state.
import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { applications, users } from '@/db/schema';
import type { ApplicationState } from '@/lib/vocabulary';
import { nextState, type Transition } from '@/lib/applications/states';
import { writeState } from '@/lib/applications/transition';
// Not '@/lib/auth': the job worker runs this outside Next, where next-auth cannot load.
import { roleCan } from '@/lib/auth/roles';
import type { Staff } from '@/lib/auth/sessions';
import type { DbOrTx } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';

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

/** The refusal for a decision on a case that changed since the caseworker saw it, carrying the case as it is now. */
export async function changedMeanwhile(db: DbOrTx, id: string) {
  return conflict('caseworker.errors.changedMeanwhile', { fresh: await freshState(db, id) });
}

/** Approve, reject and request more information need the case assigned to the caseworker; a supervisor may override. */
export async function assertMayDecide(db: DbOrTx, current: CaseRow, staff: Staff): Promise<{ override: boolean }> {
  if (current.assignedTo === staff.id) return { override: false };
  if (roleCan(staff.role, 'supervisor')) return { override: true };
  throw conflict('caseworker.errors.notAssignedToYou', { fresh: await freshState(db, current.id) });
}

/**
 * Moves the case along `transition` if it is still at `expectedVersion` and the state machine allows it.
 * Returns the updated row; throws CONFLICT (with the fresh state) otherwise.
 */
export async function applyTransition(
  tx: DbOrTx,
  current: CaseRow,
  args: { expectedVersion: number; transition: Transition; set?: PgUpdateSetSource<typeof applications> },
): Promise<CaseRow> {
  if (current.version !== args.expectedVersion) throw await changedMeanwhile(tx, current.id);
  const to = nextState(current.state, args.transition);
  if (!to) throw await changedMeanwhile(tx, current.id);
  const row = await writeState(tx, { applicationId: current.id, expectedVersion: args.expectedVersion, to, set: args.set });
  if (!row) throw await changedMeanwhile(tx, current.id);
  return row;
}
