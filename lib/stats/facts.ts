// The dashboard's daily counts: one SQL per metric, grouped by Copenhagen day. Complete past days are kept in the
// stats_daily roll-up (refreshed by a job); days after it are counted live from the source tables with the same SQL.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db';
import { addDays } from '@/lib/calendar/danish-calendar';
import type { Period } from './range';

export const METRICS = [
  'login',
  'attempt',
  'attempt_reason',
  'link',
  'submitted',
  'decided',
  'decided_by',
  'decision_time',
  'closed',
  'info_requested',
  'requested_item',
  'handling',
] as const;
export type Metric = (typeof METRICS)[number];

const ROLLUP = 'daily';

/** The instant a Copenhagen day starts: an index-friendly bound for timestamptz columns. */
const dayStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Europe/Copenhagen')`;
const dayOf = (column: SQL) => sql`((${column}) at time zone 'Europe/Copenhagen')::date`;

type Bounds = { lo: SQL; hi: SQL };
const within = (column: SQL, b: Bounds) => sql`${column} >= ${b.lo} and ${column} < ${b.hi}`;

// Every select yields (day, metric, country, k1, k2, k3, actor, num, n); what each dimension means per metric:
const metricSql: Record<Metric, (b: Bounds) => SQL> = {
  // eID logins received, by country.
  login: (b) => sql`select ${dayOf(sql`received_at`)} as day, 'login' as metric, country, '' as k1, '' as k2, '' as k3, '' as actor, 0 as num, count(*)::int as n
    from eid_identities where ${within(sql`received_at`, b)} group by 1, 3`,
  // Matching attempts: k1 method, k2 outcome.
  attempt: (b) => sql`select ${dayOf(sql`created_at`)}, 'attempt', country, method, outcome, '', '', 0, count(*)::int
    from match_attempts where ${within(sql`created_at`, b)} group by 1, 3, 4, 5`,
  // Reasons of automatic decisions: k1 outcome, k2 reason code.
  attempt_reason: (b) => sql`select ${dayOf(sql`m.created_at`)}, 'attempt_reason', m.country, m.outcome, r.reason, '', '', 0, count(*)::int
    from match_attempts m cross join lateral jsonb_array_elements_text(m.reasons) as r(reason)
    where m.method = 'auto' and ${within(sql`m.created_at`, b)} group by 1, 3, 4, 5`,
  // Links created, revoked or not: k1 method.
  link: (b) => sql`select ${dayOf(sql`created_at`)}, 'link', country, method, '', '', '', 0, count(*)::int
    from identity_links where ${within(sql`created_at`, b)} group by 1, 3, 4`,
  // Manual applications submitted: k1 document type.
  submitted: (b) => sql`select ${dayOf(sql`submitted_at`)}, 'submitted', country, document_type, '', '', '', 0, count(*)::int
    from applications where ${within(sql`submitted_at`, b)} group by 1, 3, 4`,
  // Approvals and rejections: k1 state, k2 document type, k3 rejection reason.
  decided: (b) => sql`select ${dayOf(sql`decided_at`)}, 'decided', country, state, document_type, coalesce(reject_reason, ''), '', 0, count(*)::int
    from applications where state in ('approved', 'rejected') and ${within(sql`decided_at`, b)} group by 1, 3, 4, 5, 6`,
  // Approvals and rejections per decider: k1 state, actor user id.
  decided_by: (b) => sql`select ${dayOf(sql`decided_at`)}, 'decided_by', '', state, '', '', decided_by, 0, count(*)::int
    from applications where state in ('approved', 'rejected') and decided_by is not null and ${within(sql`decided_at`, b)} group by 1, 4, 7`,
  // Time from submission to approval or rejection: num business days.
  decision_time: (b) => sql`select ${dayOf(sql`a.decided_at`)}, 'decision_time', '', '', '', '', '', d.ordinal - s.ordinal, count(*)::int
    from applications a
    join business_days s on s.day = ${dayOf(sql`a.submitted_at`)}
    join business_days d on d.day = ${dayOf(sql`a.decided_at`)}
    where a.state in ('approved', 'rejected') and ${within(sql`a.decided_at`, b)} group by 1, 8`,
  // Applications that ended without a decision: k1 withdrawn | expired, k2 document type.
  closed: (b) => sql`select ${dayOf(sql`e.created_at`)}, 'closed', a.country, e.type, a.document_type, '', '', 0, count(*)::int
    from application_events e join applications a on a.id = e.application_id
    where e.type in ('withdrawn', 'expired') and ${within(sql`e.created_at`, b)} group by 1, 3, 4, 5`,
  // Requests for more information: actor the caseworker who asked.
  info_requested: (b) => sql`select ${dayOf(sql`created_at`)}, 'info_requested', '', '', '', '', coalesce(requested_by, ''), 0, count(*)::int
    from info_requests where ${within(sql`created_at`, b)} group by 1, 7`,
  // Items asked for: k1 item type, k2 document type, k3 target (which photo or field).
  requested_item: (b) => sql`select ${dayOf(sql`r.created_at`)}, 'requested_item', a.country, i.item ->> 'type', a.document_type, coalesce(i.item ->> 'target', ''), '', 0, count(*)::int
    from info_requests r join applications a on a.id = r.application_id cross join lateral jsonb_array_elements(r.items) as i(item)
    where ${within(sql`r.created_at`, b)} group by 1, 3, 4, 5, 6`,
  // Handling time: from the decider's last taking of the case to the decision, num in tenths of an hour.
  handling: (b) => sql`select ${dayOf(sql`a.decided_at`)}, 'handling', '', '', '', '', a.decided_by, round(extract(epoch from a.decided_at - t.taken_at) / 360)::int, count(*)::int
    from applications a cross join lateral (
      select max(e.created_at) as taken_at from application_events e
      where e.application_id = a.id and e.type = 'taken' and e.actor_id = a.decided_by and e.created_at <= a.decided_at
    ) t
    where a.state in ('approved', 'rejected') and t.taken_at is not null and ${within(sql`a.decided_at`, b)} group by 1, 7, 8`,
};

/** The counts of [from, to] (Copenhagen dates) computed from the source tables. */
export function liveFacts(from: string, to: string, metrics: readonly Metric[] = METRICS): SQL {
  const b = { lo: dayStart(from), hi: dayStart(addDays(to, 1)) };
  const union = sql.join(
    metrics.map((m) => sql`(${metricSql[m](b)})`),
    sql` union all `,
  );
  return sql`select * from (${union}) as live (day, metric, country, k1, k2, k3, actor, num, n)`;
}

/** The last day the roll-up holds, or null when it was never filled. */
export async function rollupThrough(db: DbOrTx): Promise<string | null> {
  const rows = await db.execute<{ through: string | null }>(sql`select through::text as through from stats_rollup where name = ${ROLLUP}`);
  return rows[0]?.through ?? null;
}

const COLUMNS = sql`day, metric, country, k1, k2, k3, actor, num, n`;

function rolled(table: 'stats_daily' | 'stats_monthly', metrics: readonly Metric[], from: string, to: string): SQL {
  return sql`select ${COLUMNS} from ${sql.raw(table)}
    where metric in (${sql.join(metrics.map((m) => sql`${m}`), sql`, `)}) and day between ${from}::date and ${to}::date`;
}

const monthStart = (day: string) => `${day.slice(0, 8)}01`;
const nextMonthStart = (day: string) => monthStart(addDays(monthStart(day), 32));

/**
 * A subquery of the counts of some periods for some metrics: roll-up rows up to `through` (a row per month for the
 * months wholly inside a period when `monthly`, else per day), live counts after it. Columns: day, metric, country,
 * k1, k2, k3, actor, num, n. A monthly row is dated the first of its month, which lies inside its period.
 */
export function factsSource(through: string | null, periods: readonly Period[], metrics: readonly Metric[], { monthly = true } = {}): SQL {
  const parts: SQL[] = [];
  for (const { from, to } of periods) {
    const rolledTo = through && through < to ? through : to;
    if (through && from <= rolledTo) {
      const firstFull = from === monthStart(from) ? from : nextMonthStart(from);
      const lastFullEnd = addDays(rolledTo, 1) === monthStart(addDays(rolledTo, 1)) ? rolledTo : addDays(monthStart(rolledTo), -1);
      if (monthly && firstFull < lastFullEnd) {
        if (from < firstFull) parts.push(rolled('stats_daily', metrics, from, addDays(firstFull, -1)));
        parts.push(rolled('stats_monthly', metrics, firstFull, lastFullEnd));
        if (lastFullEnd < rolledTo) parts.push(rolled('stats_daily', metrics, addDays(lastFullEnd, 1), rolledTo));
      } else {
        parts.push(rolled('stats_daily', metrics, from, rolledTo));
      }
    }
    const liveFrom = through && through >= from ? addDays(through, 1) : from;
    if (liveFrom <= to) parts.push(liveFacts(liveFrom, to, metrics));
  }
  if (parts.length === 0) return sql`(select ${COLUMNS} from stats_daily where false)`;
  return sql`(${sql.join(parts, sql` union all `)})`;
}

/**
 * Recounts [from, to] into the roll-up in one transaction and moves `through` forward to `to` if it is further.
 * Safe to run twice or concurrently (an advisory lock serialises refreshes).
 */
export async function refreshDailyStats(db: DbOrTx, from: string, to: string): Promise<{ rows: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727276)`);
    await tx.execute(sql`delete from stats_daily where day between ${from}::date and ${to}::date`);
    const inserted = await tx.execute<{ n: number }>(sql`with ins as (
      insert into stats_daily (${COLUMNS}) ${liveFacts(from, to)} returning 1
    ) select count(*)::int as n from ins`);
    // Re-sum the months the window touches from their daily rows.
    const months = { from: monthStart(from), to: addDays(nextMonthStart(to), -1) };
    await tx.execute(sql`delete from stats_monthly where day between ${months.from}::date and ${months.to}::date`);
    await tx.execute(sql`insert into stats_monthly (${COLUMNS})
      select date_trunc('month', day)::date, metric, country, k1, k2, k3, actor, num, sum(n)::int from stats_daily
      where day between ${months.from}::date and ${months.to}::date group by 1, 2, 3, 4, 5, 6, 7, 8`);
    await tx.execute(sql`insert into stats_rollup (name, through, refreshed_at) values (${ROLLUP}, ${to}::date, now())
      on conflict (name) do update set through = greatest(stats_rollup.through, excluded.through), refreshed_at = now()`);
    return { rows: inserted[0]?.n ?? 0 };
  });
}

/** The first day with any data, so the first refresh knows where to start. */
export async function firstDataDay(db: DbOrTx): Promise<string | null> {
  const [row] = await db.execute<{ day: string | null }>(sql`select (least(
      (select min(received_at) from eid_identities), (select min(created_at) from match_attempts),
      (select min(submitted_at) from applications), (select min(created_at) from identity_links)
    ) at time zone 'Europe/Copenhagen')::date::text as day`);
  return row?.day ?? null;
}
