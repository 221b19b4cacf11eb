// Who works which case: activity that keeps an assignment alive, the 2-hour expiry that returns idle cases to the
// queue, and a supervisor's reassignment.
import { and, eq, sql } from 'drizzle-orm';
import { applications, users } from '@/db/schema';
// Not '@/lib/auth': the job worker runs this outside Next, where next-auth cannot load.
import { roleCan } from '@/lib/auth/roles';
import type { Staff } from '@/lib/auth/sessions';
import { recordEvent } from '@/lib/audit';
import type { Db, DbOrTx } from '@/lib/db';
import { forbidden, invalidInput } from '@/lib/errors';
import { logger } from '@/lib/log';
import { applyTransition, changedMeanwhile, loadCase } from './transition';

export const ASSIGNMENT_IDLE_HOURS = 2;

/** The assignee worked on the case (opened it, viewed a document, wrote a note): the 2-hour clock starts again. */
export async function touchCase(db: DbOrTx, applicationId: string, staffId: string): Promise<void> {
  await db
    .update(applications)
    .set({ lastActivityAt: sql`now()` })
    .where(and(eq(applications.id, applicationId), eq(applications.assignedTo, staffId), eq(applications.state, 'in_review')));
}

/**
 * Returns cases idle for 2 hours to the queue. Rows are locked with SKIP LOCKED, so several job workers (or a
 * caseworker deciding at that moment) never collide; each release is versioned like any other transition.
 */
export async function expireIdleAssignments(db: Db, limit = 200): Promise<{ released: number }> {
  const released = await db.transaction(async (tx) => {
    const idle = await tx
      .select()
      .from(applications)
      .where(
        sql`${applications.state} = 'in_review'
          and ${applications.lastActivityAt} < now() - make_interval(hours => ${ASSIGNMENT_IDLE_HOURS})
          and coalesce(${applications.assignedAt}, '-infinity') < now() - make_interval(hours => ${ASSIGNMENT_IDLE_HOURS})`,
      )
      .orderBy(applications.lastActivityAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const current of idle) {
      await applyTransition(tx, current, { expectedVersion: current.version, transition: 'release', set: { assignedTo: null, assignedAt: null } });
      await recordEvent(tx, {
        applicationId: current.id,
        actor: { type: 'system' },
        type: 'assignment_expired',
        data: { from: current.assignedTo, idleHours: ASSIGNMENT_IDLE_HOURS },
      });
    }
    return idle.length;
  });
  if (released) logger.info({ released }, 'idle case assignments expired');
  return { released };
}

/** Staff a case can be given to: active, with a role that works cases. */
export async function listAssignableStaff(db: DbOrTx): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .select({ id: users.id, name: sql<string>`coalesce(${users.name}, ${users.email})`, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(users.name);
  return rows.filter((u) => roleCan(u.role, 'caseworker')).map(({ id, name }) => ({ id, name }));
}

/** A supervisor gives a waiting or in-review case to another caseworker, or back to the queue (assignee ''). */
export async function reassignCase(
  db: Db,
  input: { applicationId: string; expectedVersion: number; staff: Staff; assignee: string },
): Promise<{ version: number }> {
  if (!roleCan(input.staff.role, 'supervisor')) throw forbidden();
  return db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    const actor = { type: 'staff' as const, id: input.staff.id };
    const data = { from: current.assignedTo, to: input.assignee || null };
    if (!input.assignee) {
      const row = await applyTransition(tx, current, { expectedVersion: input.expectedVersion, transition: 'release', set: { assignedTo: null, assignedAt: null } });
      await recordEvent(tx, { applicationId: current.id, actor, type: 'reassigned', data });
      return { version: row.version };
    }
    const assignable = await listAssignableStaff(tx);
    if (!assignable.some((u) => u.id === input.assignee)) throw invalidInput({ assignee: ['caseworker.validation.chooseAssignee'] });
    if (current.state === 'submitted') {
      const row = await applyTransition(tx, current, { expectedVersion: input.expectedVersion, transition: 'take', set: { assignedTo: input.assignee, assignedAt: sql`now()` } });
      await recordEvent(tx, { applicationId: current.id, actor, type: 'reassigned', data });
      return { version: row.version };
    }
    if (current.state !== 'in_review') throw await changedMeanwhile(tx, current.id);
    // Same state, new assignee: not a state-machine step, but versioned all the same.
    const [row] = await tx
      .update(applications)
      .set({ assignedTo: input.assignee, assignedAt: sql`now()`, lastActivityAt: sql`now()`, updatedAt: sql`now()`, version: sql`${applications.version} + 1` })
      .where(and(eq(applications.id, current.id), eq(applications.version, input.expectedVersion)))
      .returning({ version: applications.version });
    if (!row) throw await changedMeanwhile(tx, current.id);
    await recordEvent(tx, { applicationId: current.id, actor, type: 'reassigned', data });
    return { version: row.version };
  });
}

