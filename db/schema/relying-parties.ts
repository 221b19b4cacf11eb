// The digital services an applicant comes from: where we may send them back, and who may look links up.
import { boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const relyingParties = pgTable('relying_parties', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** sha256 of the API key; the key itself is shown once and never stored. */
  apiKeyHash: text().notNull().unique(),
  allowedReturnUrls: jsonb().$type<string[]>().notNull().default([]),
  canSeeCpr: boolean().notNull().default(false),
  canRevoke: boolean().notNull().default(false),
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
