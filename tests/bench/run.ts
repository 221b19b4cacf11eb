// `npm run bench`: the dashboard's server time over one million applications and five million matching attempts in
// an embedded PostgreSQL. Reports medians of repeated loads of the same lib/stats functions the page and the CSV
// downloads call. Not part of `npm test` (it seeds for minutes and needs a few GB of disk).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// BENCH_DIR keeps the seeded database between runs (seeding takes minutes); without it everything is temporary.
const keep = process.env.BENCH_DIR;
const dir = keep ? path.resolve(keep) : await mkdtemp(path.join(os.tmpdir(), 'im-bench-'));
process.env.APP_MODE = 'demo';
process.env.DATA_DIR = path.join(dir, 'data');
process.env.LOG_LEVEL = 'silent';

const { runMigrations } = await import('@/scripts/migrate');
const { connect } = await import('@/lib/db');
const { startEmbeddedPostgres, withDatabase } = await import('@/lib/db/embedded');
const { getDashboard } = await import('@/lib/stats/dashboard');
const { exportApplications, exportDashboardTable } = await import('@/lib/stats/export');
const { listExports, listHeavyViewerDays, listUnassignedDocumentViews } = await import('@/lib/stats/access');
const { parseRange } = await import('@/lib/stats/range');
const { refreshRecentStats } = await import('@/lib/stats/rollup');
const { buildTables } = await import('@/lib/stats/tables');
const { translator } = await import('@/lib/i18n/messages');
const { seedVolume, VOLUME } = await import('./seed-volume');

const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};

async function median(label: string, repeats: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: plans and caches, as on a running server
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(times.length / 2)]!;
  say(`| ${label} | ${m.toFixed(0)} ms | ${times[0]!.toFixed(0)}–${times.at(-1)!.toFixed(0)} ms | ${repeats} |`);
  return m;
}

const pg = await startEmbeddedPostgres({ dir: path.join(process.env.DATA_DIR!, 'pg'), persistent: Boolean(keep) });
try {
  const url = withDatabase(pg.url, 'postgres');
  await runMigrations(url);
  const { db, sql } = connect(url, 10);
  const seedStarted = performance.now();
  const [state] = await sql<{ seeded: boolean }[]>`select exists (select 1 from applications) as seeded`;
  if (!state?.seeded) {
    console.log('Seeding…');
    await seedVolume(sql, (step, ms, rows) => console.log(`  ${step}: ${rows ?? ''} rows in ${(ms / 1000).toFixed(1)} s`));
  }
  const counts = await sql<{ t: string; n: number }[]>`select 'applications' as t, count(*)::int as n from applications
    union all select 'match_attempts', count(*)::int from match_attempts union all select 'eid_identities', count(*)::int from eid_identities
    union all select 'identity_links', count(*)::int from identity_links union all select 'application_events', count(*)::int from application_events`;
  const size = await sql<{ size: string }[]>`select pg_size_pretty(pg_database_size(current_database())) as size`;
  say(`Seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s: ${counts.map((c) => `${c.n.toLocaleString('en')} ${c.t}`).join(', ')}; database ${size[0]!.size}.`);
  say(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, PostgreSQL embedded (shared_buffers 256MB).`);

  const rollupStarted = performance.now();
  const filled = await refreshRecentStats(db);
  const rollupRows = 'rows' in filled ? filled.rows : 0;
  say(`Roll-up first fill (three years): ${((performance.now() - rollupStarted) / 1000).toFixed(1)} s, ${rollupRows.toLocaleString('en')} rows.`);
  const recentStarted = performance.now();
  await refreshRecentStats(db);
  say(`Roll-up job run (last three days): ${(performance.now() - recentStarted).toFixed(0)} ms.`);
  say('');
  say('| measurement | median | range | loads |');
  say('|---|---|---|---|');

  const staff = (await sql<{ id: string }[]>`select id from users where role = 'supervisor' limit 1`)[0]!;
  const supervisor = { id: staff.id, email: 'sup@bench.example', name: 'Supervisor', role: 'supervisor' as const, sessionId: 'bench' };
  const t = translator('en', 'supervisor');
  const page = async (params: Record<string, string>) => {
    const { range } = parseRange(params);
    buildTables(await getDashboard(db, range), t, 'en');
  };
  const today = new Date();
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString().slice(0, 10);

  await median('Dashboard, last 7 days', REPEATS, () => page({ range: '7d' }));
  await median('Dashboard, last 30 days (default)', REPEATS, () => page({ range: '30d' }));
  await median('Dashboard, this quarter', REPEATS, () => page({ range: 'quarter' }));
  await median('Dashboard, last 365 days (weekly)', REPEATS, () => page({ range: 'custom', from: daysAgo(364), to: daysAgo(0) }));
  await median('Dashboard, all three years (weekly)', Math.max(5, Math.floor(REPEATS / 3)), () => page({ range: 'custom', from: daysAgo(1094), to: daysAgo(0) }));
  const range30 = parseRange({ range: '30d' }).range;
  await median('CSV of one dashboard table (countries), 30 days', REPEATS, () => exportDashboardTable(db, supervisor, 'countries', range30, 'en'));
  let applicationsRows = 0;
  let applicationsBytes = 0;
  await median('CSV of the applications, 30 days (streamed)', Math.max(5, Math.floor(REPEATS / 3)), async () => {
    const file = await exportApplications(db, sql, supervisor, range30, 'en');
    applicationsRows = file.rows;
    applicationsBytes = (await new Response(file.stream).arrayBuffer()).byteLength;
  });
  await median('Access oversight, 30 days', REPEATS, () =>
    Promise.all([listUnassignedDocumentViews(db, range30.current), listHeavyViewerDays(db, range30.current), listExports(db, range30.current)]),
  );

  // Without the roll-up every figure is counted from the source tables: what the roll-up saves.
  await sql`update stats_rollup set through = null`;
  await median('Dashboard, last 30 days, without the roll-up', 3, () => page({ range: '30d' }));
  say('');
  say(`Applications CSV for 30 days: ${applicationsRows.toLocaleString('en')} rows, ${(applicationsBytes / 1024).toFixed(0)} KiB. Volume: ${VOLUME.applications.toLocaleString('en')} applications seeded.`);
  await sql.end({ timeout: 5 });
  await writeFile(path.join(import.meta.dirname, 'RESULTS.md'), `# Dashboard benchmark (last run)\n\n${lines.join('\n')}\n`);
} finally {
  await pg.stop();
  if (!keep) await rm(dir, { recursive: true, force: true });
}
