// `npm run rotate-keys`: after DATA_KEY / INDEX_KEY were replaced (old ones moved to DATA_KEYS_OLD / INDEX_KEYS_OLD on
// every instance), moves every stored ciphertext and blind index to the new keys while the app keeps running.
// When it reports nothing left under old keys, the old keys can be removed from the configuration.
import { closeDb, getDb } from '@/lib/db';
import { env, EnvError } from '@/lib/env';
import { rotateKeys, rowsUnderOldKeys } from '@/lib/security/rotate';

try {
  env();
} catch (e) {
  if (e instanceof EnvError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
if (!env().DATABASE_URL) {
  console.error('DATABASE_URL is not set: rotate-keys works on the shared PostgreSQL (in demo mode, keys live in .data/keys.json and are not rotated).');
  process.exit(1);
}
const report = await rotateKeys(getDb());
const left = await rowsUnderOldKeys(getDb());
console.table(Object.entries(report).map(([table, r]) => ({ table, ...r, 'left under old keys': left[table] })));
await closeDb();
const remaining = Object.values(left).reduce((a, b) => a + b, 0);
if (remaining > 0) {
  console.error(`${remaining} rows changed while rotating and are still under an old key: run rotate-keys again.`);
  process.exit(2);
}
console.log('Every ciphertext and blind index is under the current keys; DATA_KEYS_OLD and INDEX_KEYS_OLD may be removed.');
