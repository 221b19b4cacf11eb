// The README's two commands, exactly as a newcomer types them: a fresh clone in a private (mode 700) folder, as
// root's home is, an environment of only PATH, HOME and PORT, `npm ci` (the lock file's `npm install`), `npm start`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/db/embedded';
import { newcomerEnv } from './support/server';

const repo = path.resolve(import.meta.dirname, '../..');
let home: string;
let clone: string;
let app: ChildProcess | undefined;
let log = '';

beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'im-newcomer-'));
  expect(statSync(home).mode & 0o777).toBe(0o700);
  clone = path.join(home, 'identity-matching');
  run('git', ['clone', '--quiet', repo, clone], home);
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], clone);
}, 600_000);

afterAll(async () => {
  if (app && app.exitCode === null) {
    // npm, the launcher, Next and PostgreSQL: stop the whole group, and wait until PostgreSQL has removed its pid file.
    process.kill(-app.pid!, 'SIGTERM');
    const pid = path.join(clone, '.data', 'pg', 'postmaster.pid');
    for (let i = 0; i < 60 && existsSync(pid); i++) await new Promise((r) => setTimeout(r, 500));
  }
  // As root the database may live outside the clone (linked from .data/pg): remove it with the clone.
  const pg = path.join(clone, '.data', 'pg');
  try {
    if (lstatSync(pg).isSymbolicLink()) rmSync(path.dirname(realpathSync(pg)), { recursive: true, force: true });
  } catch {
    // never started
  }
  rmSync(home, { recursive: true, force: true });
});

function run(cmd: string, args: string[], cwd: string, extra: Record<string, string> = {}) {
  const res = spawnSync(cmd, args, { cwd, env: newcomerEnv(extra), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}):\n${res.stdout}\n${res.stderr}`);
  return res;
}

/** Runs `npm start` in the clone and resolves with its exit code and output, or kills it after `ms`. */
function startAndWaitForExit(extra: Record<string, string>, ms: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['start'], { cwd: clone, env: newcomerEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('a newcomer following the README', () => {
  it('gets the demo from `npm start` with nothing set but the port: landing page with the banner, sign-in, health', async () => {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    app = spawn('npm', ['start'], { cwd: clone, env: newcomerEnv({ PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    app.stdout!.on('data', (c) => (log += c));
    app.stderr!.on('data', (c) => (log += c));
    const deadline = Date.now() + 400_000;
    while (!log.includes('Identity Matching is ready')) {
      if (app.exitCode !== null) throw new Error(`npm start exited (${app.exitCode}):\n${log}`);
      if (Date.now() > deadline) throw new Error(`npm start did not get ready:\n${log}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(log).not.toMatch(/EACCES|\n\s+at /);

    const landing = await fetch(`${base}/`);
    expect(landing.status).toBe(200);
    const html = await landing.text();
    expect(html).toContain('Demo — test data only');
    expect(html).toContain('Use your non-Danish eID for Danish public self-services');
    expect((await fetch(`${base}/signin`)).status).toBe(200);
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(log).not.toContain('must be set explicitly');
  }, 600_000);

  // A newcomer sets only what the README names: a DATABASE_URL (as for `npm test`) left in the shell, then `npm start`.
  // The launcher never guesses the mode against a real database (demo would seed known staff into it); the mode itself
  // refusing a database is the launcher's own test (tests/integration/launcher-modes.test.ts).
  it('is refused, within seconds and in words, when `npm start` finds a DATABASE_URL and no mode', async () => {
    const { code, output } = await startAndWaitForExit({ DATABASE_URL: 'postgres://app:secret@db.example:5432/identity' }, 60_000);
    expect(code).not.toBe(0);
    expect(output).toContain('APP_MODE: must be set explicitly (production or demo) when DATABASE_URL');
    expect(output).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('runs the test suite’s own PostgreSQL from the private folder too', () => {
    const res = run('npx', ['vitest', 'run', 'tests/integration/health.test.ts'], clone);
    expect(res.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+2 passed/);
  }, 300_000);
});
