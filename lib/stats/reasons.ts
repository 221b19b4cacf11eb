// Why applications were rejected and what caseworkers asked applicants for, by document type and by country.
import { sql } from 'drizzle-orm';
import { rejectReasons } from '@/lib/vocabulary';
import type { DbOrTx } from '@/lib/db';
import { facts, inCurrent, inPrevious, type StatsContext } from './context';

export const REQUEST_ITEM_TYPES = ['photo', 'field', 'question'] as const;

export type ByDocumentRow = { passport: number; idCard: number; total: number; previous: number };
export type RejectionByDocument = ByDocumentRow & { reason: string };
export type RequestedItemByDocument = ByDocumentRow & { type: string; target: string };
export type ByCountry = { country: string; counts: Record<string, number>; total: number; previous: number };

const byDocumentColumns = (ctx: StatsContext) => {
  const cur = inCurrent(ctx);
  return sql`coalesce(sum(n) filter (where k2 = 'passport' and ${cur}), 0)::int as passport,
    coalesce(sum(n) filter (where k2 = 'id_card' and ${cur}), 0)::int as "idCard",
    coalesce(sum(n) filter (where ${cur}), 0)::int as total,
    coalesce(sum(n) filter (where ${inPrevious(ctx)}), 0)::int as previous`;
};

export async function getRejectionsByDocument(db: DbOrTx, ctx: StatsContext): Promise<RejectionByDocument[]> {
  const rows = await db.execute<RejectionByDocument>(sql`select k3 as reason, ${byDocumentColumns(ctx)}
    from ${facts(ctx, ['decided'])} f where k1 = 'rejected' group by k3 order by total desc, previous desc, k3`);
  return [...rows];
}

export async function getRequestedItemsByDocument(db: DbOrTx, ctx: StatsContext): Promise<RequestedItemByDocument[]> {
  const rows = await db.execute<RequestedItemByDocument>(sql`select k1 as type, k3 as target, ${byDocumentColumns(ctx)}
    from ${facts(ctx, ['requested_item'])} f group by k1, k3 order by total desc, previous desc, k1, k3`);
  return [...rows];
}

/** One row per country, one count per key (rejection reason or item type), over the current period. */
async function byCountry(db: DbOrTx, ctx: StatsContext, metric: 'decided' | 'requested_item', keys: readonly string[]): Promise<ByCountry[]> {
  const cur = inCurrent(ctx);
  const keyColumn = metric === 'decided' ? sql`k3` : sql`k1`;
  const where = metric === 'decided' ? sql`k1 = 'rejected'` : sql`true`;
  const rows = await db.execute<Record<string, number | string>>(sql`select country,
      ${sql.join(keys.map((k, i) => sql`coalesce(sum(n) filter (where ${keyColumn} = ${k} and ${cur}), 0)::int as ${sql.identifier(`c${i}`)}`), sql`, `)},
      coalesce(sum(n) filter (where ${cur}), 0)::int as total,
      coalesce(sum(n) filter (where ${inPrevious(ctx)}), 0)::int as previous
    from ${facts(ctx, [metric])} f where ${where} group by country order by total desc, previous desc, country`);
  return rows.map((r) => ({
    country: String(r.country),
    counts: Object.fromEntries(keys.map((k, i) => [k, Number(r[`c${i}`])])),
    total: Number(r.total),
    previous: Number(r.previous),
  }));
}

export const getRejectionsByCountry = (db: DbOrTx, ctx: StatsContext) => byCountry(db, ctx, 'decided', rejectReasons);
export const getRequestedItemsByCountry = (db: DbOrTx, ctx: StatsContext) => byCountry(db, ctx, 'requested_item', REQUEST_ITEM_TYPES);
