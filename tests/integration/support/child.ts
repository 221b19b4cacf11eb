// Runs one of the crash scripts (tests/integration/support/processes/*) in its own Node process, as the web process or the
// worker would run the library code, so that a test can end it with SIGKILL at a chosen moment: a real crash.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export type Child = { process: ChildProcess; output: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

export function runChild(script: string, env: Record<string, string | undefined> = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/bench/register-hooks.mjs', script], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { process: child, output: () => output, exited };
}

/** Ends the process the hard way (no handler runs, nothing is flushed) and waits until it is gone. */
export async function crash(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  const { signal } = await child.exited;
  if (signal !== 'SIGKILL') throw new Error(`the process ended on its own before the crash:\n${child.output()}`);
}

/** Waits until `check` holds, polling; fails with the child's output after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, child?: Child, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting${child ? `; the process said:\n${child.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
