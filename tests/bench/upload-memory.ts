// Measures the memory of the real server while four 12-megapixel photos are uploaded at once (the bar: the
// process stays under 600 MB). Starts its own PostgreSQL and `next start`, samples the server's RSS every 10 ms.
// Run: node --import tsx tests/bench/upload-memory.ts   (builds the app first if the sources changed)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PARALLEL = 4;

const dir = await mkdtemp(path.join(os.tmpdir(), 'im-bench-'));
process.env.APP_MODE = 'demo';
process.env.DATA_DIR = path.join(dir, 'data');
process.env.LOG_LEVEL = 'warn';

const { buildIfNeeded, nextBin } = await import('../../scripts/build-if-needed');
const { startEmbeddedPostgres, freePort } = await import('../../lib/db/embedded');
const { runMigrations } = await import('../../scripts/migrate');
buildIfNeeded();
const pg = await startEmbeddedPostgres({ dir: path.join(process.env.DATA_DIR!, 'pg'), persistent: false });
process.env.DATABASE_URL = pg.url;
await runMigrations(pg.url);

const { getDb, closeDb } = await import('../../lib/db');
const { eidIdentities } = await import('../../db/schema');
const { createJourney, signJourneyId, JOURNEY_COOKIE } = await import('../../lib/journey');
const { env } = await import('../../lib/env');
const { twelveMegapixelPhoto } = await import('../support/test-images');

const port = await freePort();
const baseURL = `http://localhost:${port}`;
const server = spawn(process.execPath, [nextBin(), 'start', '-p', String(port)], {
  // The same malloc setting as `npm start` (scripts/start.ts); MALLOC_ARENA_MAX=8 in the environment shows glibc's default.
  env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2', PORT: String(port), APP_URL: baseURL, JOBS_IN_PROCESS: 'false', NEXT_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});

async function rssOfTree(pid: number): Promise<number> {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = await readFile(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const children = (await readFile(`/proc/${p}/task/${p}/children`, 'utf8')).trim();
      if (children) stack.push(...children.split(/\s+/).map(Number));
    } catch {
      // the process ended
    }
  }
  return total;
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      // not yet
    }
    if (i > 240) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  const db = getDb();
  const [identity] = await db.insert(eidIdentities).values({ personIdentifier: 'DE/DK/BENCH', country: 'DE', givenNames: 'Erika', familyName: 'Mustermann', dateOfBirth: '1985-03-15', levelOfAssurance: 'substantial', issuer: 'bench' }).returning({ id: eidIdentities.id });
  const journey = await createJourney(db, { eidIdentityId: identity!.id });
  const cookie = `${JOURNEY_COOKIE}=${signJourneyId(journey.id)}`;
  const photo = await twelveMegapixelPhoto();

  const upload = async () => {
    const form = new FormData();
    form.append('kind', 'passport_photo');
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
    const started = Date.now();
    const res = await fetch(`${baseURL}/api/v1/uploads`, { method: 'POST', headers: { cookie }, body: form });
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
    return Date.now() - started;
  };

  const idle = await rssOfTree(server.pid!);
  await upload();
  await new Promise((r) => setTimeout(r, 500));
  const warm = await rssOfTree(server.pid!);
  console.log(`12-megapixel photo: ${(photo.length / 1024 / 1024).toFixed(1)} MB JPEG, 4000 × 3000; UPLOAD_CONCURRENCY=${env().UPLOAD_CONCURRENCY}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '2'}`);
  console.log(`server RSS idle ${mb(idle)}, after one upload ${mb(warm)}`);

  const peaks: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await rssOfTree(server.pid!));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const started = Date.now();
    const times = await Promise.all(Array.from({ length: PARALLEL }, upload));
    sampling = false;
    await sampler;
    peaks.push(peak);
    console.log(`round ${round}: ${PARALLEL} parallel uploads in ${Date.now() - started} ms (each ${times.join(', ')} ms), peak RSS ${mb(peak)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(await readFile(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const worst = Math.max(...peaks, hwm);
  console.log(`highest RSS seen ${mb(Math.max(...peaks))}, kernel high-water mark ${mb(hwm)} → ${worst < 600 * 1024 * 1024 ? 'under' : 'OVER'} 600 MB`);
  process.exitCode = worst < 600 * 1024 * 1024 ? 0 : 1;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await closeDb();
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
