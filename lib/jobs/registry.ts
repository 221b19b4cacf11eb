// Every background job of the service in one list: its queue name, its schedule, and what it does.
// Handlers take the database and return a summary that is logged; each must be safe to run twice.
import { expireIdleAssignments } from '@/lib/cases/assignments';
import type { Db } from '@/lib/db';
import { env } from '@/lib/env';
import { removeOrphanUploads } from '@/lib/documents/orphans';
import { deliverPendingEmails, resendSender } from '@/lib/email';
import { remindAndExpire } from '@/lib/applications/expire';
import { purgeExpiredDocuments } from '@/lib/retention';
import { deleteExpiredState } from '@/lib/retention/housekeeping';
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
    // A case taken and then left alone for 2 hours goes back to the queue for someone else.
    name: 'assignment-expiry',
    cron: '*/5 * * * *',
    run: (db) => expireIdleAssignments(db),
  },
  {
    name: 'email-deliver',
    cron: '* * * * *',
    everySeconds: 10,
    // Without a Resend key (demo) the outbox is the mailbox: nothing leaves the machine.
    enabled: () => Boolean(env().RESEND_API_KEY),
    run: (db) => deliverPendingEmails(db, resendSender()),
  },
  {
    // Photos that never became part of a submitted application, 24 hours on (expired drafts go with housekeeping).
    name: 'uploads-remove-orphans',
    cron: '23 * * * *',
    run: (db) => removeOrphanUploads(db),
  },
  {
    name: 'documents-retention',
    cron: '17 3 * * *',
    run: (db) => purgeExpiredDocuments(db, env().RETENTION_DAYS),
  },
  {
    name: 'applications-remind-expire',
    cron: '7 * * * *',
    run: (db) => remindAndExpire(db),
  },
  {
    name: 'housekeeping',
    cron: '*/15 * * * *',
    run: (db) => deleteExpiredState(db),
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
