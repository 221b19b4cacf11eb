// The backlog: open applications now by state and by age in business days, the oldest one, how many are past the
// service target; and how many were open at the end of each period.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import { addDays, copenhagenDate } from '@/lib/calendar/danish-calendar';
import { factsSource } from './facts';
import type { Pair, StatsContext } from './context';

export const OPEN_STATES = ['submitted', 'in_review', 'awaiting_applicant'] as const;
export const AGE_BUCKETS = ['0-2', '3-5', '6-10', '11+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export type Backlog = {
  byState: { state: (typeof OPEN_STATES)[number]; buckets: Record<AgeBucket, number>; total: number }[];
  totals: Record<AgeBucket, number> & { total: number };
  oldest: { reference: string; submittedAt: Date; ageDays: number } | null;
  pastTarget: number;
  targetDays: number;
  /** Open applications at the end of the current and of the previous period. */
  openAtEnd: Pair;
};

const ageBucket = sql`case when age <= 2 then '0-2' when age <= 5 then '3-5' when age <= 10 then '6-10' else '11+' end`;

export async function getBacklog(db: DbOrTx, ctx: StatsContext): Promise<Backlog> {
  const today = copenhagenDate(ctx.now);
  const targetDays = env().SERVICE_TARGET_DAYS;
  const open = sql`(select a.reference, a.state, a.submitted_at, t.ordinal - s.ordinal as age
    from applications a
    join business_days s on s.day = (a.submitted_at at time zone 'Europe/Copenhagen')::date
    cross join (select ordinal from business_days where day = ${today}::date) t
    where a.state in ('submitted', 'in_review', 'awaiting_applicant'))`;
  const [cells, [oldest], [past]] = await Promise.all([
    // Grouping sets give the cells, the row and column totals and the grand total in one pass.
    db.execute<{ state: string | null; bucket: AgeBucket | null; n: number }>(
      sql`select state, ${ageBucket} as bucket, count(*)::int as n from ${open} o group by grouping sets ((1, 2), (1), (2), ())`,
    ),
    // Raw SQL results keep timestamps as text; ISO 8601 text parses reliably.
    db.execute<{ reference: string; submittedAt: string; ageDays: number }>(
      sql`select reference, to_json(submitted_at) #>> '{}' as "submittedAt", age::int as "ageDays" from ${open} o order by submitted_at, reference limit 1`,
    ),
    db.execute<{ n: number }>(sql`select count(*)::int as n from ${open} o where age > ${targetDays}`),
  ]);
  const cell = (state: string | null, bucket: AgeBucket | null) => cells.find((c) => c.state === state && c.bucket === bucket)?.n ?? 0;
  const bucketsOf = (state: string | null) => Object.fromEntries(AGE_BUCKETS.map((b) => [b, cell(state, b)])) as Record<AgeBucket, number>;
  const byState = OPEN_STATES.map((state) => ({ state, buckets: bucketsOf(state), total: cell(state, null) }));
  const totals = { ...bucketsOf(null), total: cell(null, null) };
  return {
    byState,
    totals,
    oldest: oldest ? { ...oldest, submittedAt: new Date(oldest.submittedAt) } : null,
    pastTarget: past?.n ?? 0,
    targetDays,
    openAtEnd: await openAtEnd(db, ctx, totals.total, today),
  };
}

/** Open at the end of day T = open now − submitted after T + closed after T (approved, rejected, withdrawn, expired). */
async function openAtEnd(db: DbOrTx, ctx: StatsContext, openNow: number, today: string): Promise<Pair> {
  const { current, previous } = ctx.range;
  const from = addDays(previous.to, 1);
  if (from > today) return { current: openNow, previous: openNow };
  const change = (end: string) =>
    sql`coalesce(sum(case when metric = 'submitted' then -n else n end) filter (where day > ${end}::date), 0)::int`;
  // Split at the current period's end so that no monthly row straddles it.
  const spans = current.to >= from && current.to < today ? [{ from, to: current.to }, { from: addDays(current.to, 1), to: today }] : [{ from, to: today }];
  const [row] = await db.execute<{ cur: number; prev: number }>(sql`select ${change(current.to)} as cur, ${change(previous.to)} as prev
    from ${factsSource(ctx.through, spans, ['submitted', 'decided', 'closed'])} f`);
  return { current: openNow + (row?.cur ?? 0), previous: openNow + (row?.prev ?? 0) };
}
