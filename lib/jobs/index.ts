// Background jobs on pg-boss: started inside the web process (instrumentation.ts) and by `npm run worker`.
// Any number of processes may run them; pg-boss hands each job to one worker.
import PgBoss from 'pg-boss';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { jobs } from './registry';

const globalStore = globalThis as unknown as { __imBoss?: PgBoss; __imTimers?: NodeJS.Timeout[] };

export async function startJobs(): Promise<PgBoss | undefined> {
  if (globalStore.__imBoss) return globalStore.__imBoss;
  const { DATABASE_URL } = env();
  if (!DATABASE_URL) return undefined;
  const boss = new PgBoss({ connectionString: DATABASE_URL, max: 3, schema: 'pgboss' });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  await boss.start();
  globalStore.__imBoss = boss;
  globalStore.__imTimers = [];
  for (const job of jobs) {
    if (job.enabled && !job.enabled()) continue;
    await boss.createQueue(job.name);
    await boss.work(job.name, async () => {
      const result = await job.run(getDb());
      logger.debug({ job: job.name, result }, 'job done');
    });
    if (job.cron) await boss.schedule(job.name, job.cron, undefined, { tz: 'Europe/Copenhagen' });
    if (job.everySeconds) {
      // Once at start: a restarted worker picks up what its predecessor left (an email it died sending) at once.
      await boss.send(job.name, {}, { singletonKey: job.name, singletonSeconds: job.everySeconds });
      const timer = setInterval(() => {
        boss.send(job.name, {}, { singletonKey: job.name, singletonSeconds: job.everySeconds }).catch((err) => logger.warn({ err }, 'job nudge failed'));
      }, job.everySeconds * 1000);
      timer.unref();
      globalStore.__imTimers.push(timer);
    }
  }
  logger.info({ jobs: jobs.filter((j) => !j.enabled || j.enabled()).map((j) => j.name) }, 'jobs started');
  return boss;
}

export async function stopJobs(): Promise<void> {
  for (const t of globalStore.__imTimers ?? []) clearInterval(t);
  await globalStore.__imBoss?.stop({ graceful: true, timeout: 10_000 });
  globalStore.__imBoss = undefined;
}
