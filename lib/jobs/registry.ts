// Every background job of the service in one list: its queue name, its schedule, and what it does.
// Handlers take the database and return a summary that is logged; each must be safe to run twice.
import type { Db } from '@/lib/db';
import { env } from '@/lib/env';
import { deliverPendingEmails, resendSender } from '@/lib/email';
import { refreshRecentStats } from '@/lib/stats/rollup';

export type JobDefinition = {
  name: string;
  /** cron (pg-boss schedule, minute resolution) */
  cron?: string;
  /** a more frequent nudge from each worker process, in seconds */
  everySeconds?: number;
  enabled?: () => boolean;
  run: (db: Db) => Promise<unknown>;
};

export const jobs: JobDefinition[] = [
  {
    name: 'email-deliver',
    cron: '* * * * *',
    everySeconds: 10,
    // Without a Resend key (demo) the outbox is the mailbox: nothing leaves the machine.
    enabled: () => Boolean(env().RESEND_API_KEY),
    run: (db) => deliverPendingEmails(db, resendSender()),
  },
  {
    // The dashboard's daily roll-up: complete days only; today is always counted live.
    name: 'stats-rollup',
    cron: '*/10 * * * *',
    run: (db) => refreshRecentStats(db),
  },
  {
    name: 'stats-rollup-nightly',
    cron: '40 2 * * *',
    run: (db) => refreshRecentStats(db, { days: 40 }),
  },
];
