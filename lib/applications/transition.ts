// The one way an application's state changes: the pure rule (states.ts) applied with an optimistic version check,
// inside the caller's transaction, with its history event. The caller adds its email to the same transaction.
import { and, eq, sql } from 'drizzle-orm';
import { applications } from '@/db/schema';
import type { ApplicationState } from '@/lib/vocabulary';
import { recordEvent, type Actor } from '@/lib/audit';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '@/lib/db';
import { AppError, notFound } from '@/lib/errors';
import { isClosed, nextState, transitions, type Transition } from './states';
import { linkExpiryAfterClose } from './status-token';

export type ApplicationRow = typeof applications.$inferSelect;

export type TransitionArgs = {
  applicationId: string;
  transition: Transition;
  actor: Actor;
  /** The version the actor saw; when given, a change made by someone else since then is a conflict. */
  expectedVersion?: number;
  /** Other columns changed together with the state (assignment, decision, corrected fields). */
  set?: Partial<Omit<typeof applications.$inferInsert, 'id' | 'state' | 'version'>>;
  /** Extra facts for the history event (never a CPR number or a token). */
  eventData?: Record<string, unknown>;
};

/**
 * Applies `transition` or throws: NOT_FOUND, or CONFLICT when the rule forbids it from the current state or the
 * version moved on (two caseworkers deciding at once: exactly one wins).
 */
export async function applyTransition(tx: Tx, args: TransitionArgs): Promise<ApplicationRow> {
  const [current] = await tx
    .select({ state: applications.state, version: applications.version })
    .from(applications)
    .where(eq(applications.id, args.applicationId));
  if (!current) throw notFound();
  const version = args.expectedVersion ?? current.version;
  if (version !== current.version) throw stale(current.state);
  const to = nextState(current.state, args.transition);
  if (!to) throw new AppError('CONFLICT', 'application.transitionNotAllowed', { state: current.state });
  const updated = await writeState(tx, { applicationId: args.applicationId, expectedVersion: version, to, set: args.set });
  if (!updated) throw stale(current.state);
  await recordEvent(tx, {
    applicationId: args.applicationId,
    actor: args.actor,
    type: transitions[args.transition].event,
    data: { from: current.state, to, ...args.eventData },
  });
  return updated;
}

const stale = (state: ApplicationState) => new AppError('CONFLICT', 'CONFLICT', { state });

/**
 * The single write of a state change, shared by the applicant's and the back office's transitions: new state, version
 * bump, activity time and, when the application closes, the end of the status link. Null when the version moved on.
 */
export async function writeState(
  tx: DbOrTx,
  args: { applicationId: string; expectedVersion: number; to: ApplicationState; set?: TransitionArgs['set'] | PgUpdateSetSource<typeof applications> },
): Promise<ApplicationRow | null> {
  const now = new Date();
  const [updated] = await tx
    .update(applications)
    .set({
      ...args.set,
      state: args.to,
      version: sql`${applications.version} + 1`,
      updatedAt: now,
      lastActivityAt: now,
      // The status link keeps working for 30 days after the application closes, then stops.
      ...(isClosed(args.to) ? { statusTokenExpiresAt: linkExpiryAfterClose(now) } : {}),
    })
    .where(and(eq(applications.id, args.applicationId), eq(applications.version, args.expectedVersion)))
    .returning();
  return updated ?? null;
}
