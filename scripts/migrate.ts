// Applies the committed SQL migrations over one connection; safe to run on every start and from several instances.
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { nameSearchKey } from '@/lib/matching/search-key';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');

export async function runMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // An advisory lock keeps two instances starting at once from migrating twice.
    await sql`select pg_advisory_lock(727274)`;
    await migrate(drizzle(sql), { migrationsFolder }).catch((e: unknown) => {
      throw refusal(e) ?? e;
    });
    await backfillSearchNames(sql);
    await sql`select pg_advisory_unlock(727274)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** A migration that refused to run on this database's data (RAISE EXCEPTION in its SQL): nothing was changed. */
export class MigrationRefused extends Error {
  override name = 'MigrationRefused';
}

/**
 * The refusal a migration raised, as its own message and hint, instead of drizzle's "Failed query:" with the whole
 * statement; undefined for any other failure.
 */
function refusal(error: unknown): MigrationRefused | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; message?: string; hint?: string };
    if (pg.code === 'P0001' && pg.message) return new MigrationRefused(pg.hint ? `${pg.message}\n${pg.hint}` : pg.message);
  }
  return undefined;
}

/**
 * Gives every application written before the name search existed its search name, in batches, with the same
 * normaliser the application uses on insert and update. Only rows still missing one are read (a partial index), so
 * on every later start this is one empty index look-up.
 */
export async function backfillSearchNames(sql: postgres.Sql, batch = 5000): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await sql<{ id: string; given_names: string; family_name: string }[]>`
      select id, given_names, family_name from applications where search_name is null order by id limit ${batch}`;
    if (rows.length === 0) return done;
    // A row whose name changed meanwhile already carries its new search name: "is null" leaves it alone.
    await sql`update applications a set search_name = v.key
      from unnest(${sql.array(rows.map((r) => r.id))}::uuid[], ${sql.array(rows.map((r) => nameSearchKey(r.given_names, r.family_name)))}::text[]) as v(id, key)
      where a.id = v.id and a.search_name is null`;
    done += rows.length;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set');
    process.exit(1);
  }
  await runMigrations(url);
  console.log('migrations applied');
}
