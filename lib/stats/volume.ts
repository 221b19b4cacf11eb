// Volume over time: per day (or per ISO week for long periods) logins, links by method, applications submitted
// and decided. Every day or week of the period is listed, also those without any activity.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/lib/db';
import { inCurrent, type StatsContext } from './context';
import { factsSource } from './facts';

export type VolumeRow = {
  /** First day of the bucket (the Monday for weeks, which may lie before the period starts). */
  bucket: string;
  logins: number;
  autoLinks: number;
  mitidLinks: number;
  manualLinks: number;
  submitted: number;
  decided: number;
};

export async function getVolume(db: DbOrTx, ctx: StatsContext): Promise<VolumeRow[]> {
  const { current, bucket } = ctx.range;
  const bucketOf = bucket === 'week' ? sql`date_trunc('week', day)::date` : sql`day`;
  const series =
    bucket === 'week'
      ? sql`generate_series(date_trunc('week', ${current.from}::date), ${current.to}::date, interval '7 days')`
      : sql`generate_series(${current.from}::date, ${current.to}::date, interval '1 day')`;
  const rows = await db.execute<VolumeRow>(sql`with counts as (
      select ${bucketOf} as bucket,
        sum(n) filter (where metric = 'login') as logins,
        sum(n) filter (where metric = 'link' and k1 = 'auto') as auto_links,
        sum(n) filter (where metric = 'link' and k1 = 'mitid') as mitid_links,
        sum(n) filter (where metric = 'link' and k1 = 'manual') as manual_links,
        sum(n) filter (where metric = 'submitted') as submitted,
        sum(n) filter (where metric = 'decided') as decided
      from ${factsSource(ctx.through, [current], ['login', 'link', 'submitted', 'decided'], { monthly: false })} f
      where ${inCurrent(ctx)}
      group by 1
    )
    select g::date::text as bucket,
      coalesce(c.logins, 0)::int as logins, coalesce(c.auto_links, 0)::int as "autoLinks",
      coalesce(c.mitid_links, 0)::int as "mitidLinks", coalesce(c.manual_links, 0)::int as "manualLinks",
      coalesce(c.submitted, 0)::int as submitted, coalesce(c.decided, 0)::int as decided
    from ${series} as g left join counts c on c.bucket = g::date
    order by g`);
  return [...rows];
}
