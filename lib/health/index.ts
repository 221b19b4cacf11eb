// Readiness of the instance: can it reach the database and the object store?
import { getSql } from '@/lib/db';
import type { Sql } from 'postgres';
import { getStorage, type ObjectStorage } from '@/lib/storage';

export type HealthReport = { status: 'ok' | 'unavailable'; checks: { database: 'ok' | 'down'; storage: 'ok' | 'down' } };

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

export async function checkHealth(deps: { sql?: Sql; storage?: ObjectStorage } = {}): Promise<HealthReport> {
  const sql = deps.sql ?? getSql();
  const store = deps.storage ?? getStorage();
  const [database, storage] = await Promise.all([
    withTimeout(sql`select 1`, 3000).then(() => 'ok' as const, () => 'down' as const),
    withTimeout(store.check(), 3000).then(() => 'ok' as const, () => 'down' as const),
  ]);
  return { status: database === 'ok' && storage === 'ok' ? 'ok' : 'unavailable', checks: { database, storage } };
}
