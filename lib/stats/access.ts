// Access oversight: the record-view log made visible. Document views outside the viewer's own cases, days with
// unusually many views by one person, and CSV exports, for a supervisor to review.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db';
import type { Period } from './range';

/** A day is unusual above three times the median person-day of the period, and never at 20 views or fewer. */
export const HEAVY_MULTIPLIER = 3;
export const HEAVY_MINIMUM = 20;
export const ACCESS_LIST_LIMIT = 100;

const inPeriod = (column: string, p: Period) =>
  sql`${sql.raw(column)} >= (${p.from}::date::timestamp at time zone 'Europe/Copenhagen') and ${sql.raw(column)} < ((${p.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`;

export type UnassignedView = { id: number; at: Date; viewerId: string | null; viewer: string | null; reference: string | null; document: string | null; heldBy: string | null };

// Every event that changes who holds a case. Taking it gives it to the taker, a reassignment to the person named
// (or to nobody), and everything else here leaves it with nobody: a release, the 2-hour idle expiry, a decision, a
// request for more information (the case waits unassigned), an answer, a withdrawal or an expiry.
const ASSIGNMENT_EVENTS = sql`('taken', 'reassigned', 'released', 'assignment_expired', 'approved', 'rejected', 'info_requested', 'answered', 'withdrawn', 'expired')`;

/**
 * Document views where the viewer did not hold the case at that moment. The holder is read from the latest
 * assignment event before the view (ties broken by id: a supervisor's reassignment writes its event after the state
 * change in the same transaction).
 */
export async function listUnassignedDocumentViews(db: DbOrTx, period: Period): Promise<{ rows: UnassignedView[]; total: number }> {
  const views = sql`(select v.id, v.created_at, v.actor_id, v.application_id, v.data, hold.holder
    from application_events v
    left join lateral (
      select case e.type when 'taken' then e.actor_id when 'reassigned' then nullif(e.data ->> 'to', '') end as holder
      from application_events e
      where e.application_id = v.application_id and e.type in ${ASSIGNMENT_EVENTS}
        and (e.created_at, e.id) <= (v.created_at, v.id)
      order by e.created_at desc, e.id desc limit 1
    ) hold on true
    where v.type = 'document_viewed' and ${inPeriod('v.created_at', period)}
      and hold.holder is distinct from v.actor_id)`;
  // One pass: the total comes with the rows (a window over all matching views) before the limit; names are joined
  // to the hundred rows shown only.
  const rows = await db.execute<Omit<UnassignedView, 'at'> & { at: string; total: number }>(sql`select v.id, to_json(v.created_at) #>> '{}' as at,
      v.actor_id as "viewerId", coalesce(u.name, u.email) as viewer, a.reference, coalesce(v.data ->> 'kind', d.kind) as document,
      coalesce(h.name, h.email) as "heldBy", v.total
    from (select *, count(*) over ()::int as total from ${views} x order by created_at desc, id desc limit ${sql.raw(String(ACCESS_LIST_LIMIT))}) v
    left join users u on u.id = v.actor_id
    left join applications a on a.id = v.application_id
    left join documents d on d.id::text = v.data ->> 'documentId'
    left join users h on h.id = v.holder
    order by v.created_at desc, v.id desc`);
  return { rows: rows.map(({ total: _total, ...r }) => ({ ...r, at: new Date(r.at) })), total: rows[0]?.total ?? 0 };
}

export type HeavyViewerDay = { day: string; viewerId: string | null; viewer: string | null; views: number; applications: number };

export async function listHeavyViewerDays(db: DbOrTx, period: Period): Promise<{ rows: HeavyViewerDay[]; threshold: number }> {
  const rows = await db.execute<HeavyViewerDay & { threshold: number }>(sql`with per_day as (
      select actor_id, (created_at at time zone 'Europe/Copenhagen')::date as day, count(*)::int as views, count(distinct application_id)::int as applications
      from application_events where type = 'document_viewed' and ${inPeriod('created_at', period)} group by 1, 2
    ), limit_ as (
      select greatest(${sql.raw(String(HEAVY_MINIMUM))}, ${sql.raw(String(HEAVY_MULTIPLIER))} * percentile_disc(0.5) within group (order by views))::int as threshold from per_day
    )
    select p.day::text as day, p.actor_id as "viewerId", coalesce(u.name, u.email) as viewer, p.views, p.applications, l.threshold
    from limit_ l left join per_day p on p.views > l.threshold left join users u on u.id = p.actor_id
    order by p.views desc nulls last, p.day desc`);
  return { rows: rows.filter((r) => r.day !== null).map(({ threshold: _t, ...r }) => r), threshold: rows[0]?.threshold ?? HEAVY_MINIMUM };
}

export type ExportEvent = { id: number; at: Date; who: string | null; table: string; from: string | null; to: string | null; rows: number | null };

export async function listExports(db: DbOrTx, period: Period): Promise<{ rows: ExportEvent[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db.execute<Omit<ExportEvent, 'at'> & { at: string }>(sql`select e.id, to_json(e.created_at) #>> '{}' as at, coalesce(u.name, u.email) as who, e.data ->> 'table' as table,
        e.data ->> 'from' as "from", e.data ->> 'to' as "to", (e.data ->> 'rows')::int as rows
      from application_events e left join users u on u.id = e.actor_id
      where e.type = 'export' and ${inPeriod('e.created_at', period)}
      order by e.created_at desc, e.id desc limit ${sql.raw(String(ACCESS_LIST_LIMIT))}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from application_events e where e.type = 'export' and ${inPeriod('e.created_at', period)}`),
  ]);
  return { rows: rows.map((r) => ({ ...r, at: new Date(r.at) })), total: count?.n ?? 0 };
}
