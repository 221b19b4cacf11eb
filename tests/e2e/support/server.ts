// Builds the app if needed and serves it as a newcomer does (`npm start` with nothing set but a port and a data
// folder), on a free port with a fresh data folder and database.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { embeddedPort } from '../../../lib/db/demo-database';
import { freePort } from '../../../lib/db/embedded';
import { buildIfNeeded } from '../../../scripts/build-if-needed';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    dataDir: string;
    /** The app's embedded PostgreSQL, for fixtures and for checking what was recorded. */
    databaseUrl: string;
  }
}

/** The environment of a person who opened a terminal and typed the README's command: PATH and HOME, plus `extra`. */
export function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra } as unknown as NodeJS.ProcessEnv;
}

export default async function setup(project: TestProject) {
  buildIfNeeded();
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'im-e2e-'));
  // A folder PostgreSQL's own user may enter, like a clone's .data (the private-folder case has its own test).
  await chmod(dataDir, 0o755);
  const baseURL = `http://localhost:${port}`;
  const log: string[] = [];
  // Only what the README tells a person to set: a port and a data folder. Anything more would hide the next bug.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: newcomerEnv({ PORT: String(port), DATA_DIR: dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c) => log.push(String(c)));
  child.stderr?.on('data', (c) => log.push(String(c)));

  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${log.join('')}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseURL', baseURL);
  project.provide('dataDir', dataDir);
  const pgPort = embeddedPort(dataDir);
  project.provide('databaseUrl', `postgres://postgres:embedded@localhost:${pgPort}/postgres`);

  return async () => {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000).unref())]);
    await rm(dataDir, { recursive: true, force: true });
  };
}
