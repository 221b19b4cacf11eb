import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '@/scripts/migrate';
import { GET as health } from '@/app/api/health/route';
import { NextRequest } from 'next/server';
import { GET as lookUp } from '@/app/api/v1/links/[...identifier]/route';
import { getDb } from '@/lib/db';
import { freePort, startEmbeddedPostgres, type EmbeddedHandle } from '@/lib/db/embedded';
import { deliverPendingEmails, enqueueEmail } from '@/lib/email';
import { RP_KEY, seedRelyingParty } from './support/journey';

// This file's own PostgreSQL, stopped and started again under the running app: requests meanwhile get a translated
// 503 with Retry-After, and afterwards the same process answers normally again, without a restart.
let dir: string;
let port: number;
let pg: EmbeddedHandle;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'im-outage-pg-'));
  port = await freePort();
  pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port });
  process.env.DATABASE_URL = pg.url;
  await runMigrations(pg.url);
  await seedRelyingParty(getDb());
}, 120_000);
afterAll(async () => {
  const { closeDb } = await import('@/lib/db');
  await closeDb();
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
});

const withAuth = () => lookUp(new NextRequest('http://localhost:3000/api/v1/links/DE/DK/1', { headers: { authorization: `Bearer ${RP_KEY}` } }), { params: Promise.resolve({ identifier: ['DE', 'DK', '1'] }) } as never);

describe('when PostgreSQL goes away and comes back', () => {
  it('answers 503 while it is down and recovers without a restart', async () => {
    expect((await withAuth()).status).toBe(404);
    expect((await health(new NextRequest('http://localhost:3000/api/health'))).status).toBe(200);

    await pg.stop();
    const down = await withAuth();
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(((await down.json()) as { error: { message: string } }).error.message).toBe('The service is temporarily unavailable. Please try again in a moment.');
    expect((await health(new NextRequest('http://localhost:3000/api/health'))).status).toBe(503);

    pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port });
    expect((await withAuth()).status).toBe(404);
    expect((await health(new NextRequest('http://localhost:3000/api/health'))).status).toBe(200);
  }, 120_000);

  it('delivers the email queued before the outage once the database is back', async () => {
    const id = await enqueueEmail(getDb(), { to: 'ana@example.com', template: 'test', locale: 'en', data: { name: 'Ana' } });
    await pg.stop();
    const sent: string[] = [];
    await expect(deliverPendingEmails(getDb(), async (m) => (sent.push(m.id), { providerId: 'p' }))).rejects.toThrow();
    pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port });
    expect(await deliverPendingEmails(getDb(), async (m) => (sent.push(m.id), { providerId: 'p' }))).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual([id]);
  }, 120_000);
});
