// `npm run load`: serves the built app the way `npm start` does (demo mode, a throw-away data folder and database, a
// free port on loopback, as if behind one proxy), prepares its data through the app's own functions (eID logins for
// match attempts and uploads, a signed-in caseworker, a link), then drives a mixed workload at a steady rate with
// autocannon for LOAD_SECONDS (default 60): landing pages, journey starts, automatic match attempts, photo uploads,
// queue and case pages, link look-ups. Prints per kind the status codes, errors (connection errors, timeouts and any
// answer but the expected one), p50/p99 latencies, and the server's memory at the start and the end.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../lib/db/embedded';

const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'im-load-'));
const port = await freePort();
const base = `http://localhost:${port}`;

const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn', TRUSTED_PROXY_HOPS: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let serverOutput = '';
server.stdout!.on('data', (c) => (serverOutput += c));
server.stderr!.on('data', (c) => (serverOutput += c));

/** Resident memory of the launcher and everything it started (Next and the embedded PostgreSQL), in MB. */
async function memoryMb(): Promise<{ total: number; next: number }> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!pid) continue;
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      rss.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
      names.set(pid, (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' '));
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while being read
    }
  }
  let total = 0;
  let next = 0;
  const walk = (pid: number) => {
    total += rss.get(pid) ?? 0;
    // The web process: scripts/serve.mjs (Next behind the socket-address server), or Next's own CLI.
    if (/scripts\/serve\.mjs|next(\/dist\/bin\/next| start)/.test(names.get(pid) ?? '')) next += rss.get(pid) ?? 0;
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(server.pid!);
  return { total: Math.round(total / 1024), next: Math.round(next / 1024) };
}

async function waitForHealth(): Promise<void> {
  // The first start builds the app, which takes minutes on a busy 2-core machine.
  const end = Date.now() + 900_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end || server.exitCode !== null) throw new Error(`the app did not come up:\n${serverOutput}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Everything the workload needs, made in the app's own throw-away database through the app's own functions. */
async function prepare() {
  const { embeddedPort } = await import('../../lib/db/demo-database');
  // The same database and keys as the server (DATA_DIR/keys.json), so cookies and ciphertexts match.
  process.env.DATABASE_URL = `postgres://postgres:embedded@localhost:${embeddedPort(dataDir)}/postgres`;
  process.env.DATA_DIR = dataDir;
  process.env.APP_URL = base;
  process.env.LOG_LEVEL = 'silent';
  const { getDb, getSql } = await import('../../lib/db');
  const s = await import('../../db/schema');
  const { encrypt, blindIndex, sha256 } = await import('../../lib/security/crypto');
  const { createJourney, signJourneyId, JOURNEY_COOKIE } = await import('../../lib/journey');
  const { demoCpr } = await import('../../lib/register/demo-persons');
  const { DEMO_RELYING_PARTY_KEY } = await import('../../scripts/seed');
  const { specimenJpeg } = await import('../../lib/documents/specimen');
  const { eq, inArray } = await import('drizzle-orm');
  const db = getDb();

  // The demo party may look up 600 links a minute; the load asks for more, to measure the look-up rather than 429s.
  await db.update(s.relyingParties).set({ lookupsPerMinute: 100_000_000 }).where(eq(s.relyingParties.apiKeyHash, sha256(DEMO_RELYING_PARTY_KEY)));
  const linkedCpr = '0101901234';
  await db.insert(s.identityLinks).values({ personIdentifier: 'DE/DK/LOAD0001', country: 'DE', cprEnc: encrypt(linkedCpr), cprIndex: blindIndex(linkedCpr), method: 'auto' });

  // Automatic match attempts: a fresh eID login per attempt (each identity has 3 a day). Even ones agree with their
  // register record and link; odd ones have another family name and get the neutral "no automatic match".
  const attempts = Math.ceil(rates.match * seconds * 1.2) + 10;
  const letters = (n: number) => Array.from({ length: 3 }, (_, k) => String.fromCharCode(97 + (Math.floor(n / 26 ** k) % 26))).join('');
  const register: (typeof s.cprRegister.$inferInsert)[] = [];
  const identities: (typeof s.eidIdentities.$inferInsert)[] = [];
  const typed: string[] = [];
  for (let i = 0; i < attempts; i++) {
    const dob = `${1950 + (i % 45)}-${String(1 + (Math.floor(i / 45) % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 540) % 28)).padStart(2, '0')}`;
    const sex = i % 2 ? 'male' : 'female';
    const cpr = demoCpr(dob, sex, 3);
    const familyName = `Load${letters(i)}`;
    register.push({ cprEnc: encrypt(cpr), cprIndex: blindIndex(cpr), givenNames: 'Erika', familyName, dateOfBirth: dob, sex, status: 'emigrated', nameAddressProtected: false });
    identities.push({ personIdentifier: `DE/DK/LOADM${i}`, country: 'DE', givenNames: 'Erika', familyName: i % 2 ? `${familyName}sen` : familyName, dateOfBirth: dob, gender: sex, levelOfAssurance: 'substantial', issuer: 'load' });
    typed.push(JSON.stringify({ cpr, email: `load${i}@example.com` }));
  }
  await db.insert(s.cprRegister).values(register).onConflictDoNothing();
  const made = await db.insert(s.eidIdentities).values(identities).returning({ id: s.eidIdentities.id });
  const journeyCookie = async (eidIdentityId: string) => `${JOURNEY_COOKIE}=${signJourneyId((await createJourney(db, { eidIdentityId, country: 'DE' })).id)}`;
  const matchers: { cookie: string; body: string }[] = [];
  for (const [i, { id }] of made.entries()) matchers.push({ cookie: await journeyCookie(id), body: typed[i]! });

  // Uploads: applicants on the manual form, each within its 60 photos an hour.
  const uploaders: string[] = [];
  for (const { id } of made.slice(0, Math.ceil((rates.upload * seconds) / 50) + 1)) uploaders.push(await journeyCookie(id));
  const photo = await specimenJpeg('passport_photo', { given: 'Erika', family: 'Mustermann' }, 1200);
  const boundary = 'loadboundary';
  const uploadBody = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\npassport_photo\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="passport.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    photo,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

  // A caseworker signed in through the sign-in endpoint, and the waiting cases of the demo data.
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookies.join('; ') },
    body: new URLSearchParams({ email: 'caseworker@demo.example', password: 'demo-password', csrfToken, callbackUrl: `${base}/caseworker` }),
  });
  const session = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`the caseworker could not sign in: ${signedIn.status} ${signedIn.headers.get('location')}`);
  const cases = (await db.select({ id: s.applications.id }).from(s.applications).where(inArray(s.applications.state, ['submitted', 'in_review', 'awaiting_applicant'])).limit(20)).map((r) => r.id);
  if (cases.length === 0) throw new Error('the demo data has no open case to look at');
  await getSql()`analyze`;
  return { matchers, uploaders, uploadBody, uploadType: `multipart/form-data; boundary=${boundary}`, session, cases };
}

const rates = { landing: 10, start: 5, journeyStart: 3, match: 3, upload: 1, queue: 2, casePage: 2, lookup: 30, health: 2 };

type Scenario = { name: string; rate: number; method: 'GET' | 'POST'; path: (i: number) => string; headers?: (i: number) => Record<string, string>; body?: (i: number) => string | Buffer; ok: number[] };

/**
 * Behind one proxy (TRUSTED_PROXY_HOPS=1) that appends each client's address: the limits per address see many
 * applicants, as in production, instead of one machine that would be refused after its first twenty attempts.
 */
const client = (i: number) => ({ 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });

function scenarios(p: Awaited<ReturnType<typeof prepare>>): Scenario[] {
  const form = { 'content-type': 'application/x-www-form-urlencoded', origin: base };
  return [
    { name: 'landing page /', rate: rates.landing, method: 'GET', path: () => '/', ok: [200] },
    { name: 'country page /start', rate: rates.start, method: 'GET', path: () => '/start', ok: [200] },
    { name: 'journey start (POST, to the eID login)', rate: rates.journeyStart, method: 'POST', path: () => '/api/v1/journey/start', headers: (i) => ({ ...form, ...client(i) }), body: () => 'country=DE', ok: [303] },
    {
      name: 'automatic match attempt (CPR + email)',
      rate: rates.match,
      method: 'POST',
      path: () => '/api/v1/journey/match',
      headers: (i) => ({ cookie: p.matchers[i % p.matchers.length]!.cookie, 'content-type': 'application/json', origin: base, ...client(100_000 + i) }),
      body: (i) => p.matchers[i % p.matchers.length]!.body,
      ok: [200],
    },
    {
      name: 'photo upload (1200 px JPEG)',
      rate: rates.upload,
      method: 'POST',
      path: () => '/api/v1/uploads',
      headers: (i) => ({ cookie: p.uploaders[i % p.uploaders.length]!, 'content-type': p.uploadType, origin: base }),
      body: () => p.uploadBody,
      ok: [201],
    },
    { name: 'queue page (caseworker)', rate: rates.queue, method: 'GET', path: () => '/caseworker', headers: () => ({ cookie: p.session }), ok: [200] },
    { name: 'case page (caseworker)', rate: rates.casePage, method: 'GET', path: (i) => `/caseworker/cases/${p.cases[i % p.cases.length]}`, headers: () => ({ cookie: p.session }), ok: [200] },
    // Every other look-up finds a link; the rest ask for an identifier without one (still authenticated, queried, recorded).
    {
      name: 'link look-up (API key)',
      rate: rates.lookup,
      method: 'GET',
      path: (i) => (i % 2 ? '/api/v1/links/DE%2FDK%2F9100000000' : '/api/v1/links/DE%2FDK%2FLOAD0001'),
      headers: () => ({ authorization: 'Bearer demo-tax-portal-key' }),
      ok: [200, 404],
    },
    { name: 'health', rate: rates.health, method: 'GET', path: () => '/api/health', ok: [200] },
  ];
}

type Outcome = { result: autocannon.Result; statuses: Record<number, number>; unexpected: number };

function run(s: Scenario, offset: number): Promise<Outcome> {
  const statuses: Record<number, number> = {};
  let unexpected = 0;
  let i = offset;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base,
        // Enough connections to keep the rate while answers take up to a second; the rate itself is the limit.
        connections: Math.max(2, Math.ceil(s.rate)),
        overallRate: s.rate,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            method: s.method,
            setupRequest: (req) => {
              const n = i++;
              // autocannon sends a Buffer body as it is (its option takes one); the type of this hook names strings only.
              return { ...req, path: s.path(n), headers: { ...req.headers, ...s.headers?.(n) }, ...(s.body ? { body: s.body(n) as string } : {}) };
            },
            onResponse: (status) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
              if (!s.ok.includes(status)) unexpected++;
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, statuses, unexpected })),
    );
  });
}

let failed = false;
try {
  await waitForHealth();
  const prepared = await prepare();
  const list = scenarios(prepared);
  // One request of each kind first (from their own part of the data), so the first-request compilation of each
  // route is not measured.
  for (const [k, s] of list.entries()) {
    const n = 900_000 + k;
    const res = await fetch(`${base}${s.path(n)}`, { method: s.method, headers: s.headers?.(n), body: s.body?.(n) as unknown as BodyInit | undefined, redirect: 'manual' });
    await res.arrayBuffer();
    if (!s.ok.includes(res.status)) throw new Error(`${s.name}: the first request answered ${res.status}`);
  }
  const before = await memoryMb();
  console.log(`Load: ${list.length} request kinds at ${list.reduce((a, s) => a + s.rate, 0)} requests/s together for ${seconds} s against ${base} (demo mode, data in ${dataDir})`);
  const outcomes = await Promise.all(list.map((s) => run(s, 0)));
  const after = await memoryMb();
  const rows = list.map((s, k) => {
    const { result: r, statuses, unexpected } = outcomes[k]!;
    const codes = Object.entries(statuses).map(([code, count]) => `${code}×${count}`).join(' ');
    return { kind: s.name, 'rate/s': s.rate, requests: r.requests.total, errors: r.errors + r.timeouts + unexpected, statuses: codes, 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, 'max ms': r.latency.max };
  });
  // A steady rate means the answers kept up: a kind answered less than 90 % of its requests in the time did not.
  const behind = rows.filter((r) => r.requests < 0.9 * r['rate/s'] * seconds);
  console.table(rows);
  console.log(`Memory (RSS): Next ${before.next} MB → ${after.next} MB; with launcher and PostgreSQL ${before.total} MB → ${after.total} MB`);
  const errors = rows.reduce((a, r) => a + r.errors, 0);
  console.log(errors === 0 ? 'Zero errors.' : `${errors} errors: connection errors, timeouts or answers other than each kind's expected status.`);
  for (const r of behind) console.log(`Did not keep its rate: ${r.kind}, ${r.requests} answers of ${r['rate/s'] * seconds}.`);
  failed = errors > 0 || behind.length > 0;
} finally {
  const { closeDb } = await import('../../lib/db');
  await closeDb().catch(() => {});
  process.kill(-server.pid!, 'SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
