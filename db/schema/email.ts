// The email outbox: written in the same transaction as the change it reports, delivered by a job.
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    template: text().notNull(),
    locale: text({ enum: ['en', 'da'] }).notNull(),
    /** Encrypted JSON of the template data: status links are secrets too. */
    dataEnc: text().notNull(),
    status: text({ enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    providerId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    /** The eID person identifier the email is about, so the person's own data copy can list it (staff mail: null). */
    personIdentifier: text(),
  },
  (t) => [index().on(t.status, t.nextAttemptAt), index().on(t.createdAt), index().on(t.personIdentifier, t.createdAt)],
);
