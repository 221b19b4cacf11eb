// The database connection: one postgres.js pool per process, over DATABASE_URL.
// In demo mode the launcher (scripts/start.ts) starts the embedded PostgreSQL and sets DATABASE_URL before Next starts.
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import { env } from '@/lib/env';

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction handle: every query function takes `Db | Tx` first, so callers choose the transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; sql: postgres.Sql };

const globalStore = globalThis as unknown as { __imDb?: Handle; __imReadDb?: Handle };

export function connect(url: string, max: number): Handle {
  const sql = postgres(url, { max, onnotice: () => {}, idle_timeout: 30, connect_timeout: 10 });
  return { sql, db: drizzle(sql, { schema, casing: 'snake_case' }) };
}

function primary(): Handle {
  if (!globalStore.__imDb) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = env();
    if (!DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it in demo mode)');
    globalStore.__imDb = connect(DATABASE_URL, DATABASE_POOL_MAX);
  }
  return globalStore.__imDb;
}

export function getDb(): Db {
  return primary().db;
}

export function getSql(): postgres.Sql {
  return primary().sql;
}

/** Statistics may read from a replica when DATABASE_READ_URL is set. */
export function getReadDb(): Db {
  const { DATABASE_READ_URL, DATABASE_POOL_MAX } = env();
  if (!DATABASE_READ_URL) return getDb();
  globalStore.__imReadDb ??= connect(DATABASE_READ_URL, DATABASE_POOL_MAX);
  return globalStore.__imReadDb.db;
}

export async function closeDb(): Promise<void> {
  await Promise.all([globalStore.__imDb?.sql.end({ timeout: 5 }), globalStore.__imReadDb?.sql.end({ timeout: 5 })]);
  globalStore.__imDb = undefined;
  globalStore.__imReadDb = undefined;
}

/**
 * True when the error (or an error it wraps: drizzle wraps the driver's) is PostgreSQL's unique violation (23505),
 * and, with `constraint`, one whose constraint name contains it.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string };
    if (pg.code === '23505') return constraint === undefined || String(pg.constraint_name ?? pg.constraint ?? '').includes(constraint);
  }
  return false;
}
