// Readiness of the instance: can it reach the database and the object store? The CPR register is reported too,
// but does not fail the web tier: with the register down, people can still apply, follow and decide cases.
import { getSql } from '@/lib/db';
import type { Sql } from 'postgres';
import { checkRegister } from '@/lib/register';
import { getStorage, type ObjectStorage } from '@/lib/storage';

type Check = 'ok' | 'down';
export type HealthReport = {
  status: 'ok' | 'unavailable';
  checks: { database: Check; storage: Check; register: Check };
  register: 'table' | 'cpr-direkte';
};

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

export async function checkHealth(
  deps: { sql?: Sql; storage?: ObjectStorage; register?: () => Promise<{ register: 'table' | 'cpr-direkte'; state: Check }> } = {},
): Promise<HealthReport> {
  const sql = deps.sql ?? getSql();
  const store = deps.storage ?? getStorage();
  const [database, storage, register] = await Promise.all([
    withTimeout(sql`select 1`, 3000).then(() => 'ok' as const, () => 'down' as const),
    withTimeout(store.check(), 3000).then(() => 'ok' as const, () => 'down' as const),
    withTimeout((deps.register ?? checkRegister)(), 3500).catch(() => ({ register: 'cpr-direkte' as const, state: 'down' as const })),
  ]);
  return {
    status: database === 'ok' && storage === 'ok' ? 'ok' : 'unavailable',
    checks: { database, storage, register: register.state },
    register: register.register,
  };
}
