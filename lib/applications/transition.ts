// The one way an application's state changes. applyTransition applies the pure rule (states.ts) with an optimistic
// version check, inside the caller's transaction, together with the step's own writes, its history event and its
// email: they commit together or not at all. Every state write (applicant, caseworker, supervisor, job) goes
// through here; nothing else updates `state`, `version` or the assignment of an application.
import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { applications } from '@/db/schema';
import { recordEvent, type Actor } from '@/lib/audit';
import type { Tx } from '@/lib/db';
import { enqueueEmail, type TemplateName } from '@/lib/email';
import { AppError, notFound } from '@/lib/errors';
import type { ApplicationState } from '@/lib/vocabulary';
import { isClosed, nextState, transitions, type Transition } from './states';
import { linkExpiryAfterClose } from './status-token';

export type ApplicationRow = typeof applications.$inferSelect;

export type TransitionEmail = { template: TemplateName; data?: Record<string, string> };

export type TransitionArgs = {
  applicationId: string;
  transition: Transition;
  actor: Actor;
  /** The version the actor saw; when given, a change made by someone else since then is a conflict. */
  expectedVersion?: number;
  /** State and version as the caller already read them in this transaction (saves reading them again). */
  current?: { state: ApplicationState; version: number };
  /** Other columns changed together with the state (assignment, decision, corrected fields). */
  set?: Partial<Omit<typeof applications.$inferInsert, 'id' | 'state' | 'version'>> | PgUpdateSetSource<typeof applications>;
  /** Extra facts for the history event (never a CPR number or a token). */
  eventData?: Record<string, unknown>;
  /**
   * The history event when it is not the transition's own (a reassignment, an expired assignment): recorded with
   * exactly this data. The transition's own event carries `{ from, to }` states and `eventData`.
   */
  event?: { type: string; data: Record<string, unknown> };
  /** Writes that belong to this step (a link, an information request), after the state write and before the event; what it returns joins the event's data. */
  also?: (row: ApplicationRow) => Promise<Record<string, unknown> | void>;
  /** The email of this step, to the address on the application in its language. */
  email?: (row: ApplicationRow) => TransitionEmail;
  /** The refusal when the version moved on or the rule forbids the step (default: CONFLICT carrying the state). */
  refuse?: (reason: 'changed' | 'not_allowed', state: ApplicationState) => Promise<Error> | Error;
};

const defaultRefusal = (reason: 'changed' | 'not_allowed', state: ApplicationState) =>
  reason === 'changed' ? new AppError('CONFLICT', 'CONFLICT', { state }) : new AppError('CONFLICT', 'application.transitionNotAllowed', { state });

/**
 * Applies `transition` or throws: NOT_FOUND, or CONFLICT when the rule forbids it from the current state or the
 * version moved on (two caseworkers deciding at once: exactly one wins). Returns the updated row.
 */
export async function applyTransition(tx: Tx, args: TransitionArgs): Promise<ApplicationRow> {
  const refuse = args.refuse ?? defaultRefusal;
  const current = args.current ?? (await readState(tx, args.applicationId));
  const version = args.expectedVersion ?? current.version;
  if (version !== current.version) throw await refuse('changed', current.state);
  const to = nextState(current.state, args.transition);
  if (!to) throw await refuse('not_allowed', current.state);
  const row = await writeState(tx, { applicationId: args.applicationId, expectedVersion: version, to, set: args.set });
  if (!row) throw await refuse('changed', current.state);
  const more = (await args.also?.(row)) ?? {};
  await recordEvent(tx, {
    applicationId: args.applicationId,
    actor: args.actor,
    ...(args.event
      ? { type: args.event.type, data: { ...args.event.data, ...more } }
      : { type: transitions[args.transition].event, data: { from: current.state, to, ...args.eventData, ...more } }),
  });
  if (args.email) {
    const email = args.email(row);
    await enqueueEmail(tx, { to: row.email, personIdentifier: row.personIdentifier, locale: row.locale, template: email.template, data: email.data });
  }
  return row;
}

async function readState(tx: Tx, applicationId: string): Promise<{ state: ApplicationState; version: number }> {
  const [current] = await tx.select({ state: applications.state, version: applications.version }).from(applications).where(eq(applications.id, applicationId));
  if (!current) throw notFound();
  return current;
}

/**
 * The single write of a state change: new state, version bump, activity time and, when the application closes, the
 * end of the status link (30 days on). Null when the version moved on.
 */
async function writeState(
  tx: Tx,
  args: { applicationId: string; expectedVersion: number; to: ApplicationState; set?: TransitionArgs['set'] },
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
