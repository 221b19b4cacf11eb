// The funnel of a period: eID logins → automatic matches → MitID matches → manual applications → their outcomes,
// the automatic match rate, and the automatic decisions broken down by reason.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db';
import { facts, inCurrent, inPrevious, nullablePair, pair, percent, sums, type NullablePair, type Pair, type StatsContext } from './context';

export const FUNNEL_STAGES = ['logins', 'autoMatches', 'mitidMatches', 'applications', 'approved', 'rejected', 'expired', 'withdrawn'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Outcomes that are a matching decision (rate limits and already-linked identities are not). */
const AUTO_DECIDED = sql`metric = 'attempt' and k1 = 'auto' and k2 in ('match', 'manual', 'no_match', 'not_found')`;
const AUTO_MATCH = sql`metric = 'attempt' and k1 = 'auto' and k2 = 'match'`;

export type Funnel = {
  stages: { stage: FunnelStage; value: Pair }[];
  autoDecisions: Pair;
  autoMatchRate: NullablePair;
};

export async function getFunnel(db: DbOrTx, ctx: StatsContext): Promise<Funnel> {
  const cur = inCurrent(ctx);
  const prev = inPrevious(ctx);
  const [row] = await db.execute<Record<string, number | null>>(sql`select
      ${sums(ctx, sql`metric = 'login'`, 'logins')},
      ${sums(ctx, AUTO_MATCH, 'autoMatches')},
      ${sums(ctx, sql`metric = 'attempt' and k1 = 'mitid' and k2 = 'match'`, 'mitidMatches')},
      ${sums(ctx, sql`metric = 'submitted'`, 'applications')},
      ${sums(ctx, sql`metric = 'decided' and k1 = 'approved'`, 'approved')},
      ${sums(ctx, sql`metric = 'decided' and k1 = 'rejected'`, 'rejected')},
      ${sums(ctx, sql`metric = 'closed' and k1 = 'expired'`, 'expired')},
      ${sums(ctx, sql`metric = 'closed' and k1 = 'withdrawn'`, 'withdrawn')},
      ${sums(ctx, AUTO_DECIDED, 'autoDecisions')},
      ${percent(sql`sum(n) filter (where ${AUTO_MATCH} and ${cur})`, sql`sum(n) filter (where ${AUTO_DECIDED} and ${cur})`)} as "autoMatchRate",
      ${percent(sql`sum(n) filter (where ${AUTO_MATCH} and ${prev})`, sql`sum(n) filter (where ${AUTO_DECIDED} and ${prev})`)} as "autoMatchRate_prev"
    from ${facts(ctx, ['login', 'attempt', 'submitted', 'decided', 'closed'])} f`);
  return {
    stages: FUNNEL_STAGES.map((stage) => ({ stage, value: pair(row!, stage) })),
    autoDecisions: pair(row!, 'autoDecisions'),
    autoMatchRate: nullablePair(row!, 'autoMatchRate'),
  };
}

export type ReasonRow = { reason: string; match: number; manual: number; noMatch: number; total: number; previous: number };

/** Automatic decisions by the reason codes decideMatch gave; an attempt with several reasons counts under each. */
export async function getAutoReasons(db: DbOrTx, ctx: StatsContext): Promise<ReasonRow[]> {
  const cur = inCurrent(ctx);
  const rows = await db.execute<ReasonRow>(sql`select k2 as reason,
      coalesce(sum(n) filter (where k1 = 'match' and ${cur}), 0)::int as match,
      coalesce(sum(n) filter (where k1 = 'manual' and ${cur}), 0)::int as manual,
      coalesce(sum(n) filter (where k1 = 'no_match' and ${cur}), 0)::int as "noMatch",
      coalesce(sum(n) filter (where ${cur}), 0)::int as total,
      coalesce(sum(n) filter (where ${inPrevious(ctx)}), 0)::int as previous
    from ${facts(ctx, ['attempt_reason'])} f
    group by k2 order by total desc, previous desc, k2`);
  return [...rows];
}
