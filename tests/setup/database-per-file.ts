// Gives each integration test file its own database (cloned from the migrated template) and its own data folder,
// before any application module reads the configuration.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';
import { withDatabase } from '../../lib/db/embedded';

const base = inject('pgBaseUrl');
const template = inject('pgTemplate');
const name = `im_t_${template.split('_').at(-1)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name} template ${template}`);
await admin.end();

process.env.DATABASE_URL = withDatabase(base, name);
process.env.APP_MODE = 'demo';
process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'im-test-data-'));
process.env.DATA_KEY = Buffer.alloc(32, 7).toString('base64');
process.env.INDEX_KEY = Buffer.alloc(32, 9).toString('base64');
process.env.AUTH_SECRET = 'test-secret-test-secret-test-secret-0123';
process.env.LOG_LEVEL = 'silent';

afterAll(async () => {
  const { closeDb } = await import('../../lib/db');
  await closeDb();
});
