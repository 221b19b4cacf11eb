import { NextRequest } from 'next/server';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { freePort } from '@/lib/db/embedded';
import { checkHealth } from '@/lib/health';
import { createLocalStorage } from '@/lib/storage';

describe('GET /api/health', () => {
  it('answers 200 with the database and storage checks when both are up', async () => {
    const res = await GET(new NextRequest('http://localhost:3000/api/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'ok', storage: 'ok', register: 'ok' }, register: 'table' });
  });

  it('reports the database as down when it cannot be reached', async () => {
    const dead = postgres(`postgres://postgres:x@localhost:${await freePort()}/none`, { max: 1, connect_timeout: 1, onnotice: () => {} });
    const report = await checkHealth({ sql: dead, storage: createLocalStorage(process.env.DATA_DIR!) });
    expect(report).toEqual({ status: 'unavailable', checks: { database: 'down', storage: 'ok', register: 'ok' }, register: 'table' });
    await dead.end({ timeout: 1 });
  });
});
