// Time to decision (median and 90th percentile in business days, from submission to approval or rejection) and
// the caseworkers' work: decisions, requests, median handling time and the cases they hold now.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db';
import { evenBins, type Bin } from './histogram';
import { facts, inCurrent, inPrevious, nullablePair, pair, type NullablePair, type Pair, type StatsContext } from './context';

/**
 * percentile_disc over a histogram (value `num`, count `c`) without expanding it: the first value whose
 * cumulative count reaches the fraction. `hist` must be a relation with columns num and c.
 */
function percentileDisc(hist: SQL, fraction: number, partition?: SQL): SQL {
  const over = partition ? sql`partition by ${partition} order by num` : sql`order by num`;
  const total = partition ? sql`partition by ${partition}` : sql``;
  return sql`(select ${partition ? sql`${partition}, ` : sql``}min(num) as v from (
      select ${partition ? sql`${partition}, ` : sql``}num, sum(c) over (${over}) as cum, sum(c) over (${total}) as total from ${hist} h0 where c > 0
    ) x where cum >= ${sql.raw(String(fraction))} * total ${partition ? sql`group by ${partition}` : sql``})`;
}

export type DecisionTime = {
  decisions: Pair;
  median: NullablePair;
  p90: NullablePair;
  /** How many decisions took each number of business days. */
  distribution: { days: number; current: number; previous: number }[];
  /** The same in even bins from day 0, empty bins included: what the chart and its table show. */
  bins: Bin[];
};

export async function getDecisionTime(db: DbOrTx, ctx: StatsContext): Promise<DecisionTime> {
  const hist = sql`(select num, coalesce(sum(n) filter (where ${inCurrent(ctx)}), 0)::int as c, coalesce(sum(n) filter (where ${inPrevious(ctx)}), 0)::int as p
    from ${facts(ctx, ['decision_time'])} f group by num)`;
  const prevHist = sql`(select num, p as c from hist)`;
  const [row] = await db.execute<Record<string, number | null>>(sql`with hist as ${hist}
    select (select coalesce(sum(c), 0)::int from hist) as decisions, (select coalesce(sum(p), 0)::int from hist) as decisions_prev,
      (select v from ${percentileDisc(sql`hist`, 0.5)} m) as median, (select v from ${percentileDisc(prevHist, 0.5)} m) as median_prev,
      (select v from ${percentileDisc(sql`hist`, 0.9)} m) as p90, (select v from ${percentileDisc(prevHist, 0.9)} m) as p90_prev`);
  const distribution = await db.execute<{ days: number; current: number; previous: number }>(
    sql`select num as days, c as current, p as previous from ${hist} h where c > 0 or p > 0 order by num`,
  );
  return { decisions: pair(row!, 'decisions'), median: nullablePair(row!, 'median'), p90: nullablePair(row!, 'p90'), distribution: [...distribution], bins: evenBins(distribution) };
}

export type CaseworkerRow = {
  id: string;
  name: string;
  decisions: number;
  decisionsPrevious: number;
  approvals: number;
  rejections: number;
  requests: number;
  /** Median hours from taking a case to deciding it (tenth-hour resolution), null without decisions. */
  medianHandlingHours: number | null;
  medianHandlingHoursPrevious: number | null;
  assignedNow: number;
};

export async function getCaseworkers(db: DbOrTx, ctx: StatsContext): Promise<CaseworkerRow[]> {
  const cur = inCurrent(ctx);
  const prev = inPrevious(ctx);
  const rows = await db.execute<CaseworkerRow>(sql`with f as ${facts(ctx, ['decided_by', 'info_requested', 'handling'])},
    agg as (
      select actor,
        coalesce(sum(n) filter (where metric = 'decided_by' and ${cur}), 0)::int as decisions,
        coalesce(sum(n) filter (where metric = 'decided_by' and ${prev}), 0)::int as decisions_prev,
        coalesce(sum(n) filter (where metric = 'decided_by' and k1 = 'approved' and ${cur}), 0)::int as approvals,
        coalesce(sum(n) filter (where metric = 'decided_by' and k1 = 'rejected' and ${cur}), 0)::int as rejections,
        coalesce(sum(n) filter (where metric = 'info_requested' and ${cur}), 0)::int as requests
      from f where metric in ('decided_by', 'info_requested') and actor <> '' group by actor
      having sum(n) filter (where ${cur} or ${prev}) > 0
    ),
    hist as (select actor, num, sum(n) filter (where ${cur}) as c, sum(n) filter (where ${prev}) as p from f where metric = 'handling' group by actor, num),
    prev_hist as (select actor, num, p as c from hist),
    med as ${percentileDisc(sql`hist`, 0.5, sql`actor`)},
    med_prev as ${percentileDisc(sql`prev_hist`, 0.5, sql`actor`)},
    assigned as (select assigned_to as actor, count(*)::int as n from applications where state = 'in_review' and assigned_to is not null group by 1),
    people as (
      select id as actor from users where active and role in ('caseworker', 'supervisor')
      union select actor from agg union select actor from assigned
    )
    select u.id, coalesce(u.name, u.email) as name,
      coalesce(agg.decisions, 0) as decisions, coalesce(agg.decisions_prev, 0) as "decisionsPrevious",
      coalesce(agg.approvals, 0) as approvals, coalesce(agg.rejections, 0) as rejections, coalesce(agg.requests, 0) as requests,
      (med.v / 10.0)::float8 as "medianHandlingHours", (med_prev.v / 10.0)::float8 as "medianHandlingHoursPrevious",
      coalesce(assigned.n, 0) as "assignedNow"
    from people p join users u on u.id = p.actor
    left join agg on agg.actor = p.actor left join med on med.actor = p.actor left join med_prev on med_prev.actor = p.actor
    left join assigned on assigned.actor = p.actor
    order by decisions desc, "assignedNow" desc, name`);
  return [...rows];
}
