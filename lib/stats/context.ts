// What every dashboard query shares: the two periods, how far the roll-up reaches, and SQL helpers to filter
// the daily counts to the current or the previous period.
import { sql, type SQL } from 'drizzle-orm';
import { factsSource, type Metric } from './facts';
import type { DashboardRange } from './range';

export type StatsContext = { range: DashboardRange; through: string | null; now: Date };

/** The counts of both periods for the given metrics (per month where whole months allow, else per day). */
export function facts(ctx: StatsContext, metrics: readonly Metric[], options: { monthly?: boolean } = {}): SQL {
  return factsSource(ctx.through, [ctx.range.previous, ctx.range.current], metrics, options);
}

export const inCurrent = (ctx: StatsContext) => sql`day between ${ctx.range.current.from}::date and ${ctx.range.current.to}::date`;
export const inPrevious = (ctx: StatsContext) => sql`day between ${ctx.range.previous.from}::date and ${ctx.range.previous.to}::date`;

/** sum(n) over the rows matching `where` in the current and previous period, as integers. */
export function sums(ctx: StatsContext, where: SQL, name: string): SQL {
  return sql`coalesce(sum(n) filter (where ${where} and ${inCurrent(ctx)}), 0)::int as ${sql.identifier(name)},
    coalesce(sum(n) filter (where ${where} and ${inPrevious(ctx)}), 0)::int as ${sql.identifier(`${name}_prev`)}`;
}

/** A percentage with one decimal, or null when the denominator is zero. */
export const percent = (numerator: SQL, denominator: SQL) => sql`round(100.0 * coalesce(${numerator}, 0) / nullif(${denominator}, 0), 1)::float8`;

/** Current and previous value of a figure. */
export type Pair = { current: number; previous: number };
export type NullablePair = { current: number | null; previous: number | null };

export function pair(row: Record<string, unknown>, name: string): Pair {
  return { current: Number(row[name] ?? 0), previous: Number(row[`${name}_prev`] ?? 0) };
}

export function nullablePair(row: Record<string, unknown>, name: string): NullablePair {
  const c = row[name];
  const p = row[`${name}_prev`];
  return { current: c === null || c === undefined ? null : Number(c), previous: p === null || p === undefined ? null : Number(p) };
}
