// `npm run worker`: a process that only runs background jobs; start as many as the load needs.
import { runMigrations } from '@/scripts/migrate';
import { env, EnvError } from '@/lib/env';
import { startJobs, stopJobs } from '@/lib/jobs';
import { logger } from '@/lib/log';

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
  console.error('DATABASE_URL is not set: the worker needs the shared PostgreSQL.');
  process.exit(1);
}
// The schema must be current before jobs touch it (safe beside web instances: migrations take an advisory lock).
await runMigrations(env().DATABASE_URL!);
await startJobs();
logger.info('worker running');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void stopJobs().then(() => process.exit(0));
  });
}
