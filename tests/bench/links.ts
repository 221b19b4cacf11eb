// `npm run bench -- links`: the figures a relying party and an applicant on a phone feel, each beside its baseline in
// the same run (absolute times drift on a shared machine; ratios hold). Builds the benchmark build (BENCH_BUILD=1:
// the production app plus the floor route, in .next-bench), starts it in demo mode over a throw-away data folder and
// embedded PostgreSQL, seeds 100,000 links, and measures on localhost only:
//   link look-up (autocannon) vs the floor route in the same app and vs bare node:http + postgres.js with the same SQL;
//   automatic match submit vs the floor; the 12 MP photo route vs bare sharp on the same file;
//   first-load JavaScript and render-blocking CSS of the public pages; Lighthouse 12 (mobile) with Debian's Chromium.
// Prints one table and writes tests/bench/links-results.json. Env: BENCH_SECONDS (default 8), BENCH_ROUNDS (2),
// BENCH_CONNECTIONS (20), BENCH_SKIP_LIGHTHOUSE=1.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import sharp from 'sharp';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const LINKS = 100_000;
const MATCH_JOURNEYS = 1500;
const PHOTO_RUNS = 5;
const loadAtStart = os.loadavg()[0]!;

const dir = await mkdtemp(path.join(os.tmpdir(), 'im-bench-links-'));
process.env.APP_MODE = 'demo';
process.env.DATA_DIR = path.join(dir, 'data');
process.env.LOG_LEVEL = 'warn';
process.env.BENCH_BUILD = '1';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const { buildIfNeeded, nextBin } = await import('../../scripts/build-if-needed');
const { startEmbeddedPostgres, freePort } = await import('../../lib/db/embedded');
const { runMigrations } = await import('../../scripts/migrate');
const { seedDemo, DEMO_RELYING_PARTY_KEY } = await import('../../scripts/seed');

const children: ChildProcess[] = [];
let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;

async function cleanUp() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  const { closeDb } = await import('../../lib/db');
  await closeDb().catch(() => {});
  await pg?.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
}

type Row = { figure: string; value: number; unit: string; baseline: string; baselineValue: number | null; ratio: number | null; target: string; met: boolean | null; note?: string };
const rows: Row[] = [];
const extra: Record<string, unknown> = {};

async function waitFor(url: string, seconds = 120) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

type Load = { rps: number; p50: number; p99: number; mean: number; errors: number; non2xx: number; statuses: Record<string, number> };

async function load(opts: { url: string; path: () => string; method?: 'GET' | 'POST'; headers?: () => Record<string, string>; body?: () => string; seconds?: number; amount?: number; okStatuses?: number[] }): Promise<Load> {
  const statuses: Record<string, number> = {};
  const result = await autocannon({
    url: opts.url,
    connections: CONNECTIONS,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds ?? SECONDS }),
    requests: [
      {
        method: opts.method ?? 'GET',
        setupRequest: (req) => ({ ...req, path: opts.path(), ...(opts.headers ? { headers: { ...req.headers, ...opts.headers() } } : {}), ...(opts.body ? { body: opts.body() } : {}) }),
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  const ok = new Set(opts.okStatuses ?? [200]);
  const bad = Object.entries(statuses).filter(([s]) => !ok.has(Number(s))).reduce((n, [, c]) => n + c, 0);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average, errors: result.errors + result.timeouts + bad, non2xx: result.non2xx, statuses };
}

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

function add(row: Omit<Row, 'ratio'> & { ratio?: number | null }) {
  const ratio = row.ratio !== undefined ? row.ratio : row.baselineValue ? row.value / row.baselineValue : null;
  rows.push({ ...row, ratio: ratio === null ? null : Math.round(ratio * 100) / 100 });
}

try {
  console.log('Building the benchmark build when the sources changed (.next-bench)…');
  buildIfNeeded();
  pg = await startEmbeddedPostgres({ dir: path.join(process.env.DATA_DIR!, 'pg'), persistent: false });
  process.env.DATABASE_URL = pg.url;
  await runMigrations(pg.url);
  await seedDemo(pg.url, { applications: 20 });

  const { getDb, getSql } = await import('../../lib/db');
  const s = await import('../../db/schema');
  const { encrypt, blindIndex, sha256 } = await import('../../lib/security/crypto');
  const { createJourney, signJourneyId, JOURNEY_COOKIE } = await import('../../lib/journey');
  const { demoCpr } = await import('../../lib/register/demo-persons');
  const { twelveMegapixelPhoto } = await import('../support/test-images');
  const { eq } = await import('drizzle-orm');
  const db = getDb();
  const sql = getSql();

  // The demo party's limit is raised so that the load measures the look-up, not 429s.
  const [party] = await db
    .update(s.relyingParties)
    .set({ lookupsPerMinute: 100_000_000 })
    .where(eq(s.relyingParties.apiKeyHash, sha256(DEMO_RELYING_PARTY_KEY)))
    .returning({ id: s.relyingParties.id, canSeeCpr: s.relyingParties.canSeeCpr, lookupsPerMinute: s.relyingParties.lookupsPerMinute });

  console.log(`Seeding ${LINKS.toLocaleString('en')} links…`);
  const cpr = '0101901234';
  await sql`
    insert into identity_links (person_identifier, country, cpr_enc, cpr_index, method, created_at)
    select 'DE/DK/B' || i, 'DE', ${encrypt(cpr)}, ${blindIndex(cpr)}, 'auto', now() - (i || ' seconds')::interval
      from generate_series(1, ${LINKS}) i`;

  // The automatic match: one eID identity, journey and matching register record per request (so no attempt limit).
  const matchers: { cookie: string; body: string }[] = [];
  const register: (typeof s.cprRegister.$inferInsert)[] = [];
  const identities: (typeof s.eidIdentities.$inferInsert)[] = [];
  const letters = (n: number) => Array.from({ length: 3 }, (_, k) => String.fromCharCode(97 + (Math.floor(n / 26 ** k) % 26))).join('');
  for (let i = 0; i < MATCH_JOURNEYS; i++) {
    const dob = `${1960 + (i % 40)}-${String(1 + (Math.floor(i / 40) % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 480) % 28)).padStart(2, '0')}`;
    const sex = i % 2 ? 'male' : 'female';
    const personCpr = demoCpr(dob, sex, 7);
    const familyName = `Bench${letters(i)}`;
    register.push({ cprEnc: encrypt(personCpr), cprIndex: blindIndex(personCpr), givenNames: 'Erika', familyName, dateOfBirth: dob, sex, status: 'emigrated', nameAddressProtected: false });
    const id = crypto.randomUUID();
    identities.push({ id, personIdentifier: `DE/DK/M${i}`, country: 'DE', givenNames: 'Erika', familyName, dateOfBirth: dob, levelOfAssurance: 'substantial', issuer: 'bench' });
    matchers.push({ cookie: id, body: JSON.stringify({ cpr: personCpr, email: `bench${i}@example.com` }) });
  }
  await db.insert(s.cprRegister).values(register);
  await db.insert(s.eidIdentities).values(identities);
  for (const m of matchers) m.cookie = `${JOURNEY_COOKIE}=${signJourneyId((await createJourney(db, { eidIdentityId: m.cookie, country: 'DE' })).id)}`;
  await sql`analyze`;

  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const server = spawn(process.execPath, [nextBin(), 'start', '-p', String(port)], {
    // TRUSTED_PROXY_HOPS=1: the bench stands in for the proxy, giving each automatic match its own client address, so the
    // per-address attempt limit does not turn the measurement into 429s.
    env: { ...process.env, MALLOC_ARENA_MAX: '2', PORT: String(port), APP_URL: baseURL, AUTH_URL: baseURL, JOBS_IN_PROCESS: 'false', TRUSTED_PROXY_HOPS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(server);
  const barePort = await freePort();
  const bare = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/bench/register-hooks.mjs', 'tests/bench/bare-lookup-server.ts'], {
    env: { ...process.env, PORT: String(barePort), BENCH_PARTY: JSON.stringify(party) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(bare);
  await waitFor(`${baseURL}/api/health`);
  await waitFor(`http://localhost:${barePort}/health`);
  if ((await fetch(`${baseURL}/api/bench/floor`)).status !== 200) throw new Error('the floor route does not answer: not the benchmark build');

  const auth = { authorization: `Bearer ${DEMO_RELYING_PARTY_KEY}` };
  const randomLink = () => `DE%2FDK%2FB${1 + Math.floor(Math.random() * LINKS)}`;
  const check = await fetch(`${baseURL}/api/v1/links/${randomLink()}`, { headers: auth });
  if (check.status !== 200) throw new Error(`look-up answered ${check.status}: ${await check.text()}`);

  // Warm-up: JIT, plans, pools.
  await load({ url: baseURL, path: () => '/api/bench/floor', seconds: 2 });
  await load({ url: baseURL, path: () => `/api/v1/links/${randomLink()}`, headers: () => auth, seconds: 2 });
  await load({ url: `http://localhost:${barePort}`, path: () => `/links/${randomLink()}`, seconds: 2 });

  const floor: Load[] = [];
  const lookup: Load[] = [];
  const bareLookup: Load[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    console.log(`Round ${r + 1}/${ROUNDS}: floor, look-up, bare look-up (${SECONDS} s each, ${CONNECTIONS} connections)…`);
    floor.push(await load({ url: baseURL, path: () => '/api/bench/floor' }));
    lookup.push(await load({ url: baseURL, path: () => `/api/v1/links/${randomLink()}`, headers: () => auth }));
    bareLookup.push(await load({ url: `http://localhost:${barePort}`, path: () => `/links/${randomLink()}` }));
  }
  const f = { rps: avg(floor.map((x) => x.rps)), p99: avg(floor.map((x) => x.p99)), mean: avg(floor.map((x) => x.mean)) };
  const l = { rps: avg(lookup.map((x) => x.rps)), p99: avg(lookup.map((x) => x.p99)), errors: lookup.reduce((n, x) => n + x.errors, 0) };
  const b = { rps: avg(bareLookup.map((x) => x.rps)), p99: avg(bareLookup.map((x) => x.p99)) };
  extra.lookup = { floor, lookup, bareLookup };
  add({ figure: 'link look-up, throughput', value: Math.round(l.rps), unit: 'req/s', baseline: 'floor route', baselineValue: Math.round(f.rps), target: '≥ 0.8 × floor', met: l.rps >= 0.8 * f.rps });
  add({ figure: 'link look-up, p99', value: l.p99, unit: 'ms', baseline: 'floor route', baselineValue: f.p99, target: '≤ 2 × floor', met: l.p99 <= 2 * f.p99 });
  add({ figure: 'link look-up, errors', value: l.errors, unit: 'responses', baseline: '—', baselineValue: null, target: '0', met: l.errors === 0 });
  add({ figure: 'link look-up, throughput', value: Math.round(l.rps), unit: 'req/s', baseline: 'bare node:http + postgres', baselineValue: Math.round(b.rps), target: '(reference)', met: null });
  add({ figure: 'floor route, throughput', value: Math.round(f.rps), unit: 'req/s', baseline: 'bare node:http + postgres look-up', baselineValue: Math.round(b.rps), target: '(reference)', met: null });

  // The automatic match: every request a fresh journey whose CPR + email match (link, attempt, event, email).
  console.log('Automatic match submit…');
  let next = 0;
  const match = await load({
    url: baseURL,
    method: 'POST',
    amount: Math.min(MATCH_JOURNEYS, CONNECTIONS * 30),
    path: () => '/api/v1/journey/match',
    headers: () => {
      const m = matchers[next % matchers.length]!;
      return { cookie: m.cookie, 'content-type': 'application/json', 'x-forwarded-for': `10.9.${Math.floor(next / 250) % 250}.${next % 250}` };
    },
    body: () => matchers[next++ % matchers.length]!.body,
  });
  const { MIN_ANSWER_MS } = await import('../../lib/linking/auto-match');
  const aboveFloor = Math.max(0, match.mean - MIN_ANSWER_MS);
  extra.match = match;
  add({ figure: 'match submit, time above the 300 ms answer floor (mean)', value: Math.round(aboveFloor * 10) / 10, unit: 'ms', baseline: 'floor route mean latency', baselineValue: Math.round(f.mean * 10) / 10, target: '≤ 3 × floor, 0 errors', met: aboveFloor <= 3 * f.mean && match.errors === 0, note: `${match.errors} errors; statuses ${JSON.stringify(match.statuses)}` });

  // The photo route against bare sharp doing the same outputs on the same file.
  console.log('Photo route vs bare sharp…');
  const photo = await twelveMegapixelPhoto();
  const route: number[] = [];
  for (let i = 0; i < PHOTO_RUNS + 1; i++) {
    const journey = await createJourney(db, { eidIdentityId: identities[1000 + i]!.id!, country: 'DE' });
    const form = new FormData();
    form.append('kind', 'passport_photo');
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
    const started = performance.now();
    const res = await fetch(`${baseURL}/api/v1/uploads`, { method: 'POST', headers: { cookie: `${JOURNEY_COOKIE}=${signJourneyId(journey.id)}` }, body: form });
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
    if (i > 0) route.push(performance.now() - started);
  }
  sharp.cache(false);
  sharp.concurrency(1);
  const { measureQuality } = await import('../../lib/documents/pipeline');
  const bareSharp: number[] = [];
  for (let i = 0; i < PHOTO_RUNS + 1; i++) {
    const started = performance.now();
    await sharp(photo).metadata();
    const review = await sharp(photo, { sequentialRead: true, failOn: 'truncated' }).autoOrient().resize({ width: 3000, height: 3000, fit: 'inside', withoutEnlargement: true }).flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer();
    // The thumbnail and the quality measure (greyscale copies, a median, the edge count) as the route makes them.
    await Promise.all([sharp(review).resize({ width: 400, height: 400, fit: 'inside' }).webp({ quality: 75 }).toBuffer(), measureQuality(review)]);
    createHash('sha256').update(photo).digest('hex');
    if (i > 0) bareSharp.push(performance.now() - started);
  }
  extra.photo = { route, bareSharp, bytes: photo.length };
  add({ figure: '12 MP photo through the upload route (median)', value: Math.round(median(route)), unit: 'ms', baseline: 'bare sharp, same outputs, same file', baselineValue: Math.round(median(bareSharp)), target: '≤ 1.3 × bare sharp', met: median(route) <= 1.3 * median(bareSharp) });

  // The public pages: first-load JavaScript (gzip) and render-blocking CSS.
  const eidJourney = await createJourney(db, { eidIdentityId: identities[MATCH_JOURNEYS - 1]!.id!, country: 'DE' });
  const cookie = `${JOURNEY_COOKIE}=${signJourneyId(eidJourney.id)}`;
  const pages = [
    { path: '/', limit: 100 },
    { path: '/start', limit: 150 },
    { path: '/connect', limit: 150 },
    { path: '/apply', limit: 150, label: '/apply (step 1)' },
  ];
  const weights: Record<string, { js: number; jsFiles: number; css: number; cssFiles: number }> = {};
  const gzipOf = async (src: string) => gzipSync(Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, '&'), baseURL))).arrayBuffer())).length;
  // The framework's own first-load JavaScript (React, the Next.js runtime): what every page of the app downloads.
  const { readFileSync } = await import('node:fs');
  const manifest = JSON.parse(readFileSync(path.resolve('.next-bench/build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
  const framework = (await Promise.all(manifest.rootMainFiles.map((f) => gzipOf(`/_next/${f}`)))).reduce((a, b) => a + b, 0);
  for (const page of pages) {
    const res = await fetch(`${baseURL}${page.path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${page.path} answered ${res.status}`);
    const html = await res.text();
    // nomodule scripts (the legacy polyfills) are not downloaded by the browsers that run modules.
    const scripts = [...html.matchAll(/<script[^>]+>/g)].map((m) => m[0]).filter((tag) => !/noModule|nomodule/.test(tag)).map((tag) => /src="([^"]+)"/.exec(tag)?.[1]).filter((h): h is string => Boolean(h));
    const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1]).filter((h): h is string => Boolean(h));
    const js = (await Promise.all([...new Set(scripts)].map(gzipOf))).reduce((a, b) => a + b, 0);
    const css = (await Promise.all([...new Set(styles)].map(gzipOf))).reduce((a, b) => a + b, 0);
    weights[page.path] = { js, jsFiles: new Set(scripts).size, css, cssFiles: new Set(styles).size };
    add({ figure: `first-load JS (gzip), ${page.label ?? page.path}`, value: kb(js), unit: 'KB', baseline: 'framework runtime alone', baselineValue: kb(framework), target: `≤ ${page.limit} KB`, met: js <= page.limit * 1024, note: `render-blocking CSS ${kb(css)} KB gzip in ${new Set(styles).size} file(s)` });
  }
  extra.weights = weights;

  if (process.env.BENCH_SKIP_LIGHTHOUSE !== '1') {
    console.log('Lighthouse (mobile) with /usr/bin/chromium…');
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const scores: Record<string, unknown> = {};
      for (const page of pages) {
        const result = await lighthouse(`${baseURL}${page.path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'], extraHeaders: { Cookie: cookie } });
        const lhr = result!.lhr;
        const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
        const audit = (a: string) => lhr.audits[a];
        const entry = {
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          fcpMs: Math.round(audit('first-contentful-paint')?.numericValue ?? 0),
          lcpMs: Math.round(audit('largest-contentful-paint')?.numericValue ?? 0),
          tbtMs: Math.round(audit('total-blocking-time')?.numericValue ?? 0),
          unusedCssBytes: Math.round((audit('unused-css-rules')?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes ?? 0),
          renderBlockingMs: Math.round((audit('render-blocking-resources')?.details as { overallSavingsMs?: number } | undefined)?.overallSavingsMs ?? 0),
          consoleErrors: (audit('errors-in-console')?.details as { items?: unknown[] } | undefined)?.items?.length ?? 0,
          bestPracticesMissed: (lhr.categories['best-practices']?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => lhr.audits[ref.id]?.title ?? ref.id),
          consoleErrorTexts: ((audit('errors-in-console')?.details as { items?: { source?: string; description?: string; url?: string }[] } | undefined)?.items ?? []).map(
            (i) => `${i.source ?? '?'}: ${i.description ?? ''}${i.url ? ` (${i.url})` : ''}`,
          ),
        };
        scores[page.path] = entry;
        const label = page.label ?? page.path;
        add({ figure: `Lighthouse mobile ${label}: performance`, value: entry.performance, unit: '', baseline: '—', baselineValue: null, target: '≥ 95', met: entry.performance >= 95, note: `FCP ${entry.fcpMs} ms, LCP ${entry.lcpMs} ms, TBT ${entry.tbtMs} ms, unused CSS ${kb(entry.unusedCssBytes)} KB` });
        add({ figure: `Lighthouse mobile ${label}: accessibility / best practices`, value: entry.accessibility, unit: `/ ${entry.bestPractices}`, baseline: '—', baselineValue: null, target: '100 / 100', met: entry.accessibility === 100 && entry.bestPractices === 100, note: `${entry.bestPracticesMissed.length ? `best practices missed: ${entry.bestPracticesMissed.join('; ')}; ` : ''}${entry.consoleErrors} console errors${entry.consoleErrorTexts.length ? `: ${entry.consoleErrorTexts.join('; ')}` : ''}` });
      }
      extra.lighthouse = scores;
    } finally {
      await chrome.kill();
    }
  }

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${loadAtStart.toFixed(1)} at start, ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at end`;
  const header = '| figure | value | baseline (same run) | ratio | target | met? |';
  const lines = [header, '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const met = r.met === null ? '—' : r.met ? 'yes' : '**no**';
    lines.push(`| ${r.figure} | ${r.value} ${r.unit} | ${r.baselineValue === null ? r.baseline : `${r.baseline}: ${r.baselineValue}`} | ${r.ratio ?? '—'} | ${r.target} | ${met}${r.note ? ` (${r.note})` : ''} |`);
  }
  const when = new Date().toISOString();
  console.log(`\n${when} — ${machine}\n${lines.join('\n')}`);
  await writeFile(path.resolve('tests/bench/links-results.json'), `${JSON.stringify({ when, machine, seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, rows, details: extra }, null, 2)}\n`);
  console.log('\nWritten to tests/bench/links-results.json');
} finally {
  await cleanUp();
}
process.exit(0);
