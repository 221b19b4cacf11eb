// Rate limits shared by every instance: fixed windows counted in PostgreSQL with one atomic upsert.
// (rate-limiter-flexible's Postgres store needs node-postgres; one statement over our own pool does the same job.)
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { blindIndex } from './crypto';

export type LimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

// Keys are keyed hashes (HMAC), so identifiers and addresses cannot be recovered from the table by guessing.
const hashKey = (key: string) => blindIndex(`rate-limit:${key}`);

/**
 * Counts one hit on `key` within a window of `windowSeconds` and says whether it is within `points`.
 * Takes the pool, never a transaction: a rolled-back transaction must not roll back the count.
 */
export async function hit(db: Db, key: string, points: number, windowSeconds: number): Promise<LimitResult> {
  const hashed = hashKey(key);
  const rows = await db.execute<{ points: number; retry: number }>(sql`
    insert into rate_limits (key, points, expires_at)
    values (${hashed}, 1, now() + make_interval(secs => ${windowSeconds}))
    on conflict (key) do update set
      points = case when rate_limits.expires_at <= now() then 1 else rate_limits.points + 1 end,
      expires_at = case when rate_limits.expires_at <= now() then now() + make_interval(secs => ${windowSeconds}) else rate_limits.expires_at end
    returning points, ceil(extract(epoch from expires_at - now()))::int as retry`);
  const row = rows[0]!;
  return { allowed: row.points <= points, remaining: Math.max(0, points - row.points), retryAfterSeconds: Math.max(1, row.retry) };
}

/** How many hits `key` has in its current window, without counting one. */
export async function peek(db: Db, key: string): Promise<number> {
  const rows = await db.execute<{ points: number }>(sql`select points from rate_limits where key = ${hashKey(key)} and expires_at > now()`);
  return rows[0]?.points ?? 0;
}

/** Takes back one hit counted on `key` in its current window (an attempt that could not be made, or turned out legitimate). */
export async function giveBack(db: Db, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set points = greatest(points - 1, 0) where key = ${hashKey(key)} and expires_at > now()`);
}

export async function resetLimit(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${hashKey(key)}`);
}

/** Throws RATE_LIMITED (429, with Retry-After) when the limit is exceeded. */
export async function enforce(db: Db, key: string, points: number, windowSeconds: number): Promise<void> {
  const result = await hit(db, key, points, windowSeconds);
  if (!result.allowed) throw new AppError('RATE_LIMITED', 'RATE_LIMITED', { retryAfter: result.retryAfterSeconds });
}
