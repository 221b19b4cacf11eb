// `npm run load`: serves the built app the way `npm start` does (demo mode, a throw-away data folder, a free port on
// loopback), then drives a mixed workload at a steady rate with autocannon for LOAD_SECONDS (default 60) and prints
// errors, status codes, p50/p99 latencies and the server's memory at the start and the end.
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
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn' },
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
    if (/next(\/dist\/bin\/next| start)/.test(names.get(pid) ?? '')) next += rss.get(pid) ?? 0;
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

type Scenario = { name: string; rate: number; request: autocannon.Request };
const scenarios: Scenario[] = [
  { name: 'landing page /', rate: 10, request: { method: 'GET', path: '/' } },
  { name: 'country page /start', rate: 5, request: { method: 'GET', path: '/start' } },
  {
    name: 'journey start (POST /api/v1/journey/start)',
    rate: 5,
    request: { method: 'POST', path: '/api/v1/journey/start', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base }, body: 'country=DE' },
  },
  // An identifier without a link: the look-up still authenticates the party, queries and records the look-up.
  { name: 'link look-up (API key, 404 not linked)', rate: 40, request: { method: 'GET', path: '/api/v1/links/DE%2FDK%2F9100000000', headers: { authorization: 'Bearer demo-tax-portal-key' } } },
  { name: 'health', rate: 2, request: { method: 'GET', path: '/api/health' } },
];

function run(s: Scenario): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: base, connections: Math.max(1, Math.ceil(s.rate / 5)), overallRate: s.rate, duration: seconds, requests: [s.request], timeout: 10 }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

let failed = false;
try {
  await waitForHealth();
  // One request of each kind first, so the first-request compilation of each route is not measured.
  for (const s of scenarios) await fetch(`${base}${s.request.path}`, { method: s.request.method, headers: s.request.headers as Record<string, string>, body: s.request.body as string | undefined, redirect: 'manual' });
  const before = await memoryMb();
  console.log(`Load: ${scenarios.length} request kinds at ${scenarios.reduce((a, s) => a + s.rate, 0)} requests/s together for ${seconds} s against ${base} (demo mode, data in ${dataDir})`);
  const results = await Promise.all(scenarios.map(run));
  const after = await memoryMb();
  const rows = scenarios.map((s, i) => {
    const r = results[i]!;
    const codes = Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => `${code}×${(v as { count: number }).count}`).join(' ');
    return { kind: s.name, 'rate/s': s.rate, requests: r.requests.total, errors: r.errors + r.timeouts, statuses: codes, 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, 'max ms': r.latency.max };
  });
  console.table(rows);
  console.log(`Memory (RSS): Next ${before.next} MB → ${after.next} MB; with launcher and PostgreSQL ${before.total} MB → ${after.total} MB`);
  const errors = rows.reduce((a, r) => a + r.errors, 0);
  const serverErrors = results.reduce((a, r) => a + Object.entries(r.statusCodeStats ?? {}).filter(([c]) => c.startsWith('5')).reduce((b, [, v]) => b + (v as { count: number }).count, 0), 0);
  console.log(errors + serverErrors === 0 ? 'Zero errors.' : `${errors} connection errors or timeouts, ${serverErrors} 5xx answers.`);
  failed = errors + serverErrors > 0;
} finally {
  process.kill(-server.pid!, 'SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
