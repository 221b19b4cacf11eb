// One PostgreSQL for the whole run: DATABASE_URL when set, else an embedded one in a temporary folder.
// A template database gets the migrations once; each test file then clones it (fast, fully isolated).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../scripts/migrate';
import { startEmbeddedPostgres, withDatabase, type EmbeddedHandle } from '../../lib/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    pgBaseUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedHandle | undefined;
  let dir: string | undefined;
  let baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'im-test-pg-'));
    embedded = await startEmbeddedPostgres({ dir, persistent: false });
    baseUrl = embedded.url;
  }
  const template = `im_template_${process.pid}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  await runMigrations(withDatabase(baseUrl, template));
  await admin.end();
  project.provide('pgBaseUrl', baseUrl);
  project.provide('pgTemplate', template);

  return async () => {
    const cleanup = postgres(baseUrl!, { max: 1, onnotice: () => {} });
    const dbs = await cleanup<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${`im_t_${process.pid}_`}) or datname = ${template}`;
    for (const { datname } of dbs) await cleanup.unsafe(`drop database if exists ${datname} with (force)`);
    await cleanup.end();
    if (embedded) await embedded.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}
