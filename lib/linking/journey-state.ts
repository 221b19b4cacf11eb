// What the automatic-match journey keeps in journeys.state, and the atomic updates of it. `matchReasons` is read
// by the manual application (the caseworker sees why the automatic match failed); `pending` is a login in flight.
import { eq, sql } from 'drizzle-orm';
import { journeys } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import type { BrokerKind, LoginRequest } from '@/lib/identity';
import type { Journey } from '@/lib/journey';

/** A login older than this is refused at the callback: the applicant starts it again. */
export const LOGIN_MAX_SECONDS = 15 * 60;

export type PendingLogin = LoginRequest & { kind: BrokerKind; startedAt: number };

export type JourneyState = {
  /** Set when the login was started from /connection: the callback opens the person's own session, not the match. */
  purpose?: 'connection';
  matchReasons?: string[];
  /** Set when the automatic match did not link: what the next page offers. */
  autoOutcome?: 'not_matched' | 'limited';
  pending?: PendingLogin;
};

export function journeyState(journey: Pick<Journey, 'state'>): JourneyState {
  return (journey.state ?? {}) as JourneyState;
}

/** Merges keys into the state (jsonb ||), so keys written by other steps of the journey survive. */
export async function mergeJourneyState(db: DbOrTx, journeyId: string, patch: JourneyState, extra: { typedEnc?: string } = {}): Promise<void> {
  await db
    .update(journeys)
    .set({ state: sql`${journeys.state} || ${JSON.stringify(patch)}::jsonb`, ...extra })
    .where(eq(journeys.id, journeyId));
}

export async function beginLogin(db: DbOrTx, journeyId: string, kind: BrokerKind, request: LoginRequest): Promise<void> {
  await mergeJourneyState(db, journeyId, { pending: { ...request, kind, startedAt: Date.now() } });
}

/**
 * Takes the pending login that this callback answers, exactly once: the row is updated only when kind and state
 * match, so a replayed or forged callback finds nothing, even when two arrive at the same moment.
 */
export async function consumeLogin(db: DbOrTx, journeyId: string, kind: BrokerKind, state: string): Promise<PendingLogin | null> {
  if (!state) return null;
  const rows = await db.execute<{ pending: PendingLogin }>(sql`
    with old as (select state -> 'pending' as pending from journeys where id = ${journeyId} and expires_at > now() for update)
    update journeys set state = journeys.state - 'pending'
    from old
    where journeys.id = ${journeyId} and old.pending ->> 'kind' = ${kind} and old.pending ->> 'state' = ${state}
    returning old.pending`);
  const pending = rows[0]?.pending;
  if (!pending || Date.now() - pending.startedAt > LOGIN_MAX_SECONDS * 1000) return null;
  return pending;
}
