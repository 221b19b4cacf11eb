// What `npm start` refuses before it serves anything: demo mode on a database that is not its own, and production on a
// database that still holds the demo's accounts or API key (anyone who read the README could use them).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoStaff } from '@/scripts/seed';
import { users } from '@/db/schema';
import { getDb } from '@/lib/db';

const root = path.resolve(import.meta.dirname, '../..');

function launch(vars: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...vars } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const production = () => ({
  APP_MODE: 'production',
  DATABASE_URL: process.env.DATABASE_URL!,
  APP_URL: 'https://identity.example',
  AUTH_SECRET: 'production-secret-production-secret-0123',
  DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
  INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  S3_BUCKET: 'documents',
  RESEND_API_KEY: 're_test',
  CPR_REGISTER: 'table',
  DATA_DIR: process.env.DATA_DIR!,
});

describe('npm start refuses to mix demo and real components', () => {
  it('stops demo mode pointed at a database of its own, naming demo mode and the database', async () => {
    const { code, output } = await launch({ APP_MODE: 'demo', DATABASE_URL: process.env.DATABASE_URL!, DATA_DIR: process.env.DATA_DIR! });
    expect(code).toBe(1);
    expect(output).toContain('Demo mode refuses DATABASE_URL');
    expect(output).toContain('embedded PostgreSQL');
    expect(output).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('stops production while demo staff accounts are in its database, naming them', async () => {
    await getDb().insert(users).values({ email: demoStaff[0].email, name: 'Demo', role: 'caseworker', passwordHash: DEMO_PASSWORD });
    const { code, output } = await launch(production());
    expect(code).toBe(1);
    expect(output).toContain('Production refuses to start');
    expect(output).toContain(`staff account ${demoStaff[0].email}`);
    expect(output).not.toMatch(/\n\s+at /);
  }, 60_000);
});
