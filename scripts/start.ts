// `npm start`: everything on one machine. In demo mode it starts the embedded PostgreSQL, applies migrations,
// seeds the demo data once, builds the app when the sources changed, and serves it. In production it migrates and serves.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { runMigrations } from '@/scripts/migrate';
import { seedDemo, demoStaff, demoLeftovers } from '@/scripts/seed';
import { DEMO_DATABASE_REFUSED } from '@/lib/db/demo-database';
import { startEmbeddedPostgres, type EmbeddedHandle } from '@/lib/db/embedded';
import { env, EnvError, type Env } from '@/lib/env';
import { buildIfNeeded } from './build-if-needed';

const dev = process.argv.includes('--dev');
process.env.NEXT_TELEMETRY_DISABLED = '1';

let config: Env;
try {
  config = env();
} catch (e) {
  if (e instanceof EnvError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

let embedded: EmbeddedHandle | undefined;
const started = Date.now();

async function main() {
  // The one decision about the mode is made here, by lib/env; the server is told it, never left to guess.
  if (config.isDemo) {
    if (config.DATABASE_URL) fail(DEMO_DATABASE_REFUSED);
    console.log('Starting the embedded PostgreSQL (data in %s)…', path.join(config.DATA_DIR, 'pg'));
    embedded = await startEmbeddedPostgres({ dir: path.join(config.DATA_DIR, 'pg'), log: (line) => console.log(line) });
    process.env.DATABASE_URL = embedded.url;
  }
  const url = process.env.DATABASE_URL!;
  await runMigrations(url);
  if (config.isDemo) {
    const seeded = await seedDemo(url);
    console.log(seeded ? 'Demo data seeded.' : 'Demo data already present.');
  } else {
    const leftovers = await demoLeftovers(url);
    if (leftovers.length > 0) {
      fail(`Production refuses to start: this database holds demo data, usable by anyone who read the README: ${leftovers.join(', ')}. Remove them (or use a fresh database).`);
    }
  }

  // Production instances run the build made by `npm run build`; only demo rebuilds when the sources changed.
  if (!dev) buildIfNeeded({ onlyWhenMissing: !config.isDemo });

  // scripts/serve.mjs serves Next (development or the build) and takes the client address from the socket.
  const args = dev ? ['--dev'] : [];
  // Auth.js builds its URLs (sign-in callbacks) from AUTH_URL: the configured public URL, not the Host header.
  // Two malloc arenas: with glibc's default (8 per core) the image pipeline's freed buffers stay spread over many
  // arenas and the process keeps growing under parallel uploads; with two its memory stays flat (tests/bench).
  const child = spawn(process.execPath, [path.resolve('scripts/serve.mjs'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, APP_MODE: config.APP_MODE, NODE_ENV: dev ? 'development' : 'production', PORT: String(config.PORT), AUTH_URL: process.env.AUTH_URL ?? config.APP_URL, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
  });
  let announced = false;
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (!announced && /Ready|started server|Local:/i.test(chunk.toString())) {
      announced = true;
      announce();
    }
  });
  const stop = async (code: number) => {
    if (embedded) await embedded.stop().catch(() => {});
    process.exit(code);
  };
  child.on('exit', (code) => void stop(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}

function announce() {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nIdentity Matching is ready at ${config.APP_URL} (${seconds} s)`);
  if (config.isDemo) {
    console.log('Demo mode — test data only. Staff logins:');
    for (const s of demoStaff) console.log(`  ${s.role.padEnd(10)} ${s.email}  /  ${s.password}`);
    console.log(`Demo mailbox: ${config.APP_URL}/dev/mailbox\n`);
  }
}


function fail(message: string): never {
  throw new StartError(message);
}

class StartError extends Error {}

main().catch(async (e) => {
  console.error(e instanceof Error ? e.message : e);
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(1);
});
