// The digital services an applicant comes from: where we may send them back, and who may look links up.
import { boolean, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const relyingParties = pgTable('relying_parties', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** sha256 of the API key; the key itself is shown once and never stored. */
  apiKeyHash: text().notNull().unique(),
  allowedReturnUrls: jsonb().$type<string[]>().notNull().default([]),
  canSeeCpr: boolean().notNull().default(false),
  canRevoke: boolean().notNull().default(false),
  active: boolean().notNull().default(true),
  /** Link look-ups allowed per minute; past it the party gets 429 with Retry-After. */
  lookupsPerMinute: integer().notNull().default(600),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Link look-ups per relying party and minute, spread over a few shards: each look-up adds one to a random shard and
 * reads the sum of all of them, so parallel look-ups of one party rarely wait for the same row lock.
 */
export const linkLookupCounts = pgTable(
  'link_lookup_counts',
  {
    relyingPartyId: uuid().notNull().references(() => relyingParties.id),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    shard: smallint().notNull(),
    hits: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.relyingPartyId, t.windowStart, t.shard] })],
);
