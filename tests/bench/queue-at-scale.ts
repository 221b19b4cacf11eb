// Measures the caseworker queue at a million applications: seeds a throw-away embedded PostgreSQL, then prints
// EXPLAIN (ANALYZE, BUFFERS) and the time of every queue view, the state counts, "take next" and the expiry scan.
// Run: node --conditions=react-server --import tsx tests/bench/queue-at-scale.ts [rows]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = await mkdtemp(path.join(os.tmpdir(), 'im-bench-'));
process.env.DATA_DIR = dir;
process.env.LOG_LEVEL = 'silent';
process.env.APP_MODE = 'demo';

const { startEmbeddedPostgres } = await import('../../lib/db/embedded');
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), persistent: false });
process.env.DATABASE_URL = pg.url;
try {
  const { runMigrations } = await import('../../scripts/migrate');
  await runMigrations(pg.url);
  const sql = postgres(pg.url, { max: 2, onnotice: () => {} });
  const staff = await sql<{ id: string }[]>`
    insert into users (id, email, name, role) select gen_random_uuid()::text, 'cw' || i || '@bench.example', 'Caseworker ' || i, 'caseworker' from generate_series(1, 20) i returning id`;
  const staffIds = staff.map((s) => s.id);
  const t0 = Date.now();
  // About 6 % open (3 % waiting, 2 % in review, 1 % awaiting the applicant), the rest decided or closed, over three years.
  // Every 50th application carries the CPR number of the one before it (a second claimant), for the queue's marker.
  await sql`
    insert into applications (reference, state, version, country, document_type, given_names, family_name, date_of_birth,
      nationality, document_number, document_expiry, cpr_enc, cpr_index, email, locale, status_token_hash, person_identifier,
      assigned_to, assigned_at, last_activity_at, submitted_at, created_at)
    select 'IM-' || translate(substr(h, 1, 4), '01', 'WX') || '-' || translate(substr(h, 5, 4), '01', 'WX'),
      st, 2, c, case when r2 < 0.6 then 'passport' else 'id_card' end,
      (array['Lukas','Mia','Elsa','Oskar','Jakub','Zuzanna','Daan','Emma','Léa','Hugo','Pablo','Carmen','Giulia','Luca','Inês','Andrei'])[1 + (i % 16)],
      (array['Schneider','Fischer','Johansson','Karlsson','Kowalczyk','Wójcik','Bakker','Visser','Dubois','Moreau','Martínez García','Sánchez','Esposito','Bianchi','Ferreira','Popescu','Kazlauskienė','Sigurðardóttir','O''Brien','Papadopoulou','Dvořák','Kovács','Huber','Mäkinen'])[1 + ((i / 16)::int % 24)] || case when i % 7 = 0 then '' else ' ' || (i % 997)::text end,
      date '1950-01-01' + (i % 20000), c, 'X' || i, date '2030-06-30', md5(i::text), md5('cpr' || (i - (i % 50 = 0)::int)), 'a' || i || '@example.com', 'en',
      md5('tok' || i), c || '/DK/' || i,
      case when st = 'in_review' then (${sql.array(staffIds)}::text[])[1 + (i % ${staffIds.length})] end,
      case when st = 'in_review' then sub + interval '1 hour' end,
      sub + (r2 * interval '10 days'), sub, sub
    from (
      select i, upper(lpad(to_hex(i), 8, '0')) as h, random() as r1, random() as r2,
        (array['DE','SE','PL','NL','FR','ES','IT','PT','RO','LT','IS','IE','GR','CZ','HU','AT','FI','BE','NO','LV','EE','SK','SI','HR'])[1 + (i % 24)] as c,
        now() - random() * interval '1095 days' as sub
      from generate_series(1, ${rows}) i
    ) g, lateral (select case when r1 < 0.03 then 'submitted' when r1 < 0.05 then 'in_review' when r1 < 0.06 then 'awaiting_applicant'
                            when r1 < 0.60 then 'approved' when r1 < 0.85 then 'rejected' when r1 < 0.95 then 'withdrawn' else 'expired' end as st) s`;
  console.log(`seeded ${rows} applications in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // The rows were written without a search name, as rows from before the name search were: the start-up backfill fills them.
  const { backfillSearchNames } = await import('../../scripts/migrate');
  const t1 = Date.now();
  const filled = await backfillSearchNames(sql);
  console.log(`backfilled ${filled} search names in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  await sql`vacuum analyze applications`;

  const { getDb } = await import('../../lib/db');
  const { listQueue, countByState } = await import('../../lib/cases/queue');
  const { parseQueueFilters } = await import('../../lib/cases/queue-filters');
  const db = getDb();
  const me = staffIds[0]!;

  async function explain(label: string, query: { toSQL(): { sql: string; params: unknown[] } }) {
    const q = query.toSQL();
    const plan = await sql.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as never[]);
    const lines = plan.map((r) => r['QUERY PLAN'] as string);
    console.log(`\n### ${label}\n${lines.join('\n')}`);
  }

  async function time(label: string, run: () => Promise<unknown>) {
    await run();
    const t = performance.now();
    const n = 5;
    for (let i = 0; i < n; i++) await run();
    console.log(`${label.padEnd(58)} ${((performance.now() - t) / n).toFixed(1)} ms`);
  }

  const views: [string, Record<string, string>][] = [
    ['default: open, oldest first', {}],
    ['open, newest first', { sort: 'newest' }],
    ['open, last activity', { sort: 'activity' }],
    ['waiting (submitted), oldest', { state: 'submitted' }],
    ['approved, oldest (a closed state)', { state: 'approved' }],
    ['all states, newest', { state: 'all', sort: 'newest' }],
    ['open, country IS', { country: 'IS' }],
    ['all states, country DE, last activity', { state: 'all', country: 'DE', sort: 'activity' }],
    ['rejected, ID card', { state: 'rejected', documentType: 'id_card' }],
    ['open, assigned to me', { assigned: 'me' }],
    ['waiting, assigned to nobody', { state: 'submitted', assigned: 'nobody' }],
    ['open, more than 5 business days old', { olderThan: '5' }],
    ['all states, name prefix "schn"', { state: 'all', q: 'schn' }],
    ['all states, full name prefix "mia fischer 4"', { state: 'all', q: 'mia fischer 4' }],
    ['open, name without accents "dvorak"', { q: 'dvorak' }],
    ['all states, name without accents "sigurdardottir"', { state: 'all', q: 'sigurdardottir' }],
    ['all states, given name without accents "lea"', { state: 'all', q: 'lea' }],
    ['all states, ICAO spelling "maekinen"', { state: 'all', q: 'maekinen' }],
    ['all states, one letter "k"', { state: 'all', q: 'k' }],
    ['all states, reference', { state: 'all', q: 'IM-WWWX-2345' }],
    ['all states, a name prefix nobody has', { state: 'all', q: 'zzy' }],
  ];

  // The SQL of a view is what listQueue sends; capture it through a logging drizzle instance.
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const schema = await import('../../db/schema');
  let captured: { sql: string; params: unknown[] } | null = null;
  const capturing = drizzle(postgres(pg.url, { max: 1, onnotice: () => {} }), {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (q, params) => (captured = { sql: q, params }) },
  });

  for (const [label, params] of views) {
    const filters = parseQueueFilters(params);
    const first = await listQueue(capturing, filters, { staffId: me, targetDays: 5 });
    await explain(label, { toSQL: () => captured! });
    await time(label, () => listQueue(db, filters, { staffId: me, targetDays: 5 }));
    if (first.nextCursor) {
      const next = { ...filters, after: first.nextCursor };
      await listQueue(capturing, next, { staffId: me, targetDays: 5 });
      await explain(`${label}, page 2`, { toSQL: () => captured! });
      await time(`${label}, page 2`, () => listQueue(db, next, { staffId: me, targetDays: 5 }));
    }
  }

  const openCount = `select state, count(*) from applications where state in ('submitted', 'in_review', 'awaiting_applicant') group by state`;
  const closedCount = `select state, count(*) from applications where state in ('approved', 'rejected', 'expired', 'withdrawn') group by state`;
  for (const [label, query] of [['counts of the open states', openCount], ['counts of the closed states', closedCount]] as const) {
    console.log(`\n### ${label}\n${(await sql.unsafe(`explain (analyze, buffers) ${query}`)).map((r) => r['QUERY PLAN']).join('\n')}`);
  }
  // The closed states are recounted at most once a minute; `now` moves on by a minute per call to force it.
  let clock = Date.now();
  await time('counts per state, closed states recounted', () => countByState(db, (clock += 61_000)));
  await time('counts per state, closed states from the one-minute cache', () => countByState(db, clock));

  const takeNext = `select id, version from applications where state = 'submitted' and assigned_to is null
                    order by submitted_at, id limit 1 for update skip locked`;
  console.log(`\n### take next\n${(await sql.unsafe(`explain (analyze, buffers) ${takeNext}`)).map((r) => r['QUERY PLAN']).join('\n')}`);
  await time('take next (select … for update skip locked)', () => sql.begin((tx) => tx.unsafe(takeNext)));

  const expiry = `select id, version from applications where state = 'in_review' and last_activity_at < now() - interval '2 hours'
                  and assigned_at < now() - interval '2 hours' order by last_activity_at limit 200 for update skip locked`;
  console.log(`\n### expiry scan\n${(await sql.unsafe(`explain (analyze, buffers) ${expiry}`)).map((r) => r['QUERY PLAN']).join('\n')}`);
  await time('assignment expiry scan (200 rows)', () => sql.begin((tx) => tx.unsafe(expiry)));
  await sql.end();
  const { closeDb } = await import('../../lib/db');
  await closeDb();
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
