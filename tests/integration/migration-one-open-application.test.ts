// Upgrading a database that already holds two open applications from one eID: the migration that adds the
// one-open-application index stops with one clear message naming the applications and what to do, withdraws nothing
// and changes nothing; once a caseworker (or the applicant) has closed the extra one, the same start succeeds.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationRefused, runMigrations } from '@/scripts/migrate';
import { withDatabase } from '@/lib/db/embedded';

const name = `im_upgrade_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const url = withDatabase(process.env.DATABASE_URL!, name);
let folder: string;
let sql: postgres.Sql;

/** The migrations as the release before the index shipped them: 0000–0008. */
async function olderRelease(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'im-migrations-'));
  await cp(path.resolve('db/migrations'), dir, { recursive: true });
  const journalPath = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= 8);
  expect(journal.entries.at(-1)!.tag).toBe('0008_cpr_register_by_birth_date');
  await writeFile(journalPath, JSON.stringify(journal));
  return dir;
}

let serial = 0;
function insertApplication(reference: string, personIdentifier: string, state: string, submittedAt: string) {
  serial += 1;
  return sql`insert into applications (reference, state, country, document_type, given_names, family_name, date_of_birth, nationality,
      document_number, document_expiry, cpr_enc, cpr_index, email, status_token_hash, person_identifier, submitted_at)
    values (${reference}, ${state}, 'DE', 'passport', 'Anna', 'Müller', '1985-06-15', 'DE', 'C01X00T47', '2031-01-01',
      ${`enc-${serial}`}, ${`index-${serial}`}, ${`anna.${serial}@example.com`}, ${`token-${serial}`}, ${personIdentifier}, ${submittedAt})`;
}

const states = async () => Object.fromEntries((await sql<{ reference: string; state: string }[]>`select reference, state from applications`).map((r) => [r.reference, r.state]));
const applied = async () => (await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]!.n;
const hasIndex = async () => (await sql`select 1 from pg_indexes where indexname = 'applications_one_open_per_identifier'`).length === 1;

beforeAll(async () => {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  folder = await olderRelease();
  sql = postgres(url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(sql), { migrationsFolder: folder });
});

afterAll(async () => {
  await sql?.end();
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name}`);
  await admin.end();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('upgrading to one open application per eID', () => {
  it('stops with the applications named and what to do, and changes nothing; after one is closed it goes through', async () => {
    // Two open applications from one eID (the older release allowed it), and data the index has no quarrel with.
    await insertApplication('IM-AAAA-2222', 'DE/DK/1', 'submitted', '2026-03-01T10:00:00Z');
    await insertApplication('IM-BBBB-3333', 'DE/DK/1', 'in_review', '2026-03-05T10:00:00Z');
    await insertApplication('IM-CCCC-4444', 'DE/DK/1', 'rejected', '2026-02-01T10:00:00Z');
    await insertApplication('IM-DDDD-5555', 'SE/DK/2', 'submitted', '2026-03-02T10:00:00Z');
    expect(await applied()).toBe(9);

    const refused = await runMigrations(url).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(MigrationRefused);
    const [message, hint] = (refused as Error).message.split('\n');
    expect(message).toBe('One open application per eID: 1 eID identity has more than one open application: IM-AAAA-2222 and IM-BBBB-3333. Nothing was changed.');
    expect(hint).toMatch(/^Keep running the previous version until a caseworker has decided all but one open application of each eID/);
    expect((refused as Error).message).not.toContain('Failed query');
    expect((refused as Error).message).not.toContain('DE/DK/1');

    // Nothing withdrawn, nothing migrated: this migration and every later one are still to do.
    expect(await states()).toEqual({ 'IM-AAAA-2222': 'submitted', 'IM-BBBB-3333': 'in_review', 'IM-CCCC-4444': 'rejected', 'IM-DDDD-5555': 'submitted' });
    expect(await applied()).toBe(9);
    expect(await hasIndex()).toBe(false);

    // A caseworker decides the newer one on the running release; the next start applies everything.
    await sql`update applications set state = 'rejected' where reference = 'IM-BBBB-3333'`;
    await runMigrations(url);
    expect(await hasIndex()).toBe(true);
    expect(await applied()).toBeGreaterThan(9);
    expect(await states()).toEqual({ 'IM-AAAA-2222': 'submitted', 'IM-BBBB-3333': 'rejected', 'IM-CCCC-4444': 'rejected', 'IM-DDDD-5555': 'submitted' });
  });
});
