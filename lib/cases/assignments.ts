// Who works which case, on top of lib/applications' one state-change service: take (a given case or the next one),
// release, a supervisor's reassignment, activity that keeps an assignment alive, and the 2-hour expiry that returns
// idle cases to the queue. Every change of state or assignee is an applyTransition with its event.
import { and, asc, eq, sql } from 'drizzle-orm';
import { applications, users } from '@/db/schema';
import { assertMayDecide, changedMeanwhile, loadCase, staffActor } from '@/lib/applications/case';
import type { CaseInput } from '@/lib/applications/decisions';
import { applyTransition } from '@/lib/applications/transition';
// Not '@/lib/auth': the job worker runs this outside Next, where next-auth cannot load.
import { roleCan } from '@/lib/auth/roles';
import type { Staff } from '@/lib/auth/sessions';
import type { Db, DbOrTx } from '@/lib/db';
import { forbidden, invalidInput } from '@/lib/errors';
import { logger } from '@/lib/log';

export const ASSIGNMENT_IDLE_HOURS = 2;

/** The assignee worked on the case (opened it, viewed a document, wrote a note): the 2-hour clock starts again. */
export async function touchCase(db: DbOrTx, applicationId: string, staffId: string): Promise<void> {
  await db
    .update(applications)
    .set({ lastActivityAt: sql`now()` })
    .where(and(eq(applications.id, applicationId), eq(applications.assignedTo, staffId), eq(applications.state, 'in_review')));
}

/**
 * Assigns the oldest waiting, unassigned application to the caseworker. SKIP LOCKED lets two caseworkers pressing
 * "Take next case" at the same moment each get a different case (or none), never the same one.
 */
export async function takeNextCase(db: Db, staff: Staff): Promise<{ applicationId: string } | null> {
  const taken = await db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: applications.id, state: applications.state, version: applications.version })
      .from(applications)
      // Literal predicates, so the partial index applications_queue_next serves this query.
      .where(sql`${applications.state} = 'submitted' and ${applications.assignedTo} is null`)
      .orderBy(asc(applications.submittedAt), asc(applications.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    await applyTransition(tx, {
      applicationId: next.id,
      transition: 'take',
      actor: staffActor(staff),
      current: next,
      set: { assignedTo: staff.id, assignedAt: sql`now()` },
      eventData: { next: true },
    });
    return { applicationId: next.id };
  });
  if (taken) logger.info({ applicationId: taken.applicationId, staffId: staff.id }, 'case taken');
  return taken;
}

/** Takes one particular waiting case (opened from the queue). */
export async function takeCase(db: Db, input: CaseInput): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.assignedTo) throw await changedMeanwhile(tx, current.id);
    const row = await applyTransition(tx, {
      applicationId: current.id,
      transition: 'take',
      actor: staffActor(input.staff),
      current,
      expectedVersion: input.expectedVersion,
      refuse: () => changedMeanwhile(tx, current.id),
      set: { assignedTo: input.staff.id, assignedAt: sql`now()` },
    });
    return { version: row.version };
  });
}

/** Gives a case back to the queue, unassigned. The assignee may do it, or a supervisor (recorded as an override). */
export async function releaseCase(db: Db, input: CaseInput): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    const { override } = await assertMayDecide(tx, current, input.staff);
    const row = await applyTransition(tx, {
      applicationId: current.id,
      transition: 'release',
      actor: staffActor(input.staff),
      current,
      expectedVersion: input.expectedVersion,
      refuse: () => changedMeanwhile(tx, current.id),
      set: { assignedTo: null, assignedAt: null },
      eventData: { override },
    });
    return { version: row.version };
  });
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
      await applyTransition(tx, {
        applicationId: current.id,
        transition: 'release',
        actor: { type: 'system' },
        current,
        refuse: () => changedMeanwhile(tx, current.id),
        set: { assignedTo: null, assignedAt: null },
        event: { type: 'assignment_expired', data: { from: current.assignedTo, idleHours: ASSIGNMENT_IDLE_HOURS } },
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
export async function reassignCase(db: Db, input: CaseInput & { assignee: string }): Promise<{ version: number }> {
  if (!roleCan(input.staff.role, 'supervisor')) throw forbidden();
  return db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    if (input.assignee) {
      const assignable = await listAssignableStaff(tx);
      if (!assignable.some((u) => u.id === input.assignee)) throw invalidInput({ assignee: ['caseworker.validation.chooseAssignee'] });
    }
    const row = await applyTransition(tx, {
      applicationId: current.id,
      // Empty: back to the queue; otherwise to the new assignee, whether the case was waiting or under review.
      transition: input.assignee ? 'reassign' : 'release',
      actor: staffActor(input.staff),
      current,
      expectedVersion: input.expectedVersion,
      refuse: () => changedMeanwhile(tx, current.id),
      set: input.assignee ? { assignedTo: input.assignee, assignedAt: sql`now()` } : { assignedTo: null, assignedAt: null },
      event: { type: 'reassigned', data: { from: current.assignedTo, to: input.assignee || null } },
    });
    return { version: row.version };
  });
}
