// eID assertions, the journeys that carry them, every matching attempt and the resulting links.
// A link is the product: one active link per eID person identifier (partial unique index).
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { genders, levelsOfAssurance, linkMethods } from '../vocabulary';
import { relyingParties } from './relying-parties';
import { users } from './auth';


export const eidIdentities = pgTable(
  'eid_identities',
  {
    id: uuid().primaryKey().defaultRandom(),
    personIdentifier: text().notNull(),
    country: text().notNull(),
    givenNames: text().notNull(),
    familyName: text().notNull(),
    dateOfBirth: text().notNull(),
    birthName: text(),
    gender: text({ enum: genders }),
    levelOfAssurance: text({ enum: levelsOfAssurance }).notNull(),
    issuer: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.personIdentifier), index().on(t.receivedAt)],
);

/** Server-side state of one applicant's visit, keyed by the signed, httpOnly journey cookie. */
export const journeys = pgTable(
  'journeys',
  {
    id: uuid().primaryKey().defaultRandom(),
    eidIdentityId: uuid().references(() => eidIdentities.id),
    relyingPartyId: uuid().references(() => relyingParties.id),
    returnTo: text(),
    country: text(),
    /** Encrypted JSON of what the applicant typed (CPR, email), carried into MitID and the manual application. */
    typedEnc: text(),
    state: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);

export const matchAttempts = pgTable(
  'match_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    eidIdentityId: uuid().references(() => eidIdentities.id),
    personIdentifier: text().notNull(),
    country: text().notNull(),
    method: text({ enum: ['auto', 'mitid'] }).notNull(),
    outcome: text({ enum: ['match', 'manual', 'no_match', 'not_found', 'mitid_mismatch', 'rate_limited', 'already_linked'] }).notNull(),
    reasons: jsonb().$type<string[]>().notNull().default([]),
    cprIndex: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.personIdentifier, t.createdAt), index().on(t.createdAt), index().on(t.country, t.createdAt)],
);

export const identityLinks = pgTable(
  'identity_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    personIdentifier: text().notNull(),
    country: text().notNull(),
    eidIdentityId: uuid().references(() => eidIdentities.id),
    cprEnc: text().notNull(),
    cprIndex: text().notNull(),
    /** The index under the previous INDEX_KEY while a rotation is under way (see lib/security/crypto.ts). */
    cprIndexPrev: text(),
    method: text({ enum: linkMethods }).notNull(),
    applicationId: uuid(),
    linkedBy: text().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: text(),
    revokeReason: text(),
    /** Where the person is told about the link and its removal, in their language (null on links made before this). */
    email: text(),
    locale: text({ enum: ['en', 'da'] }),
  },
  (t) => [
    uniqueIndex('identity_links_one_active_per_identifier').on(t.personIdentifier).where(sql`${t.revokedAt} is null`),
    index().on(t.cprIndex),
    index().on(t.cprIndexPrev),
    index().on(t.createdAt),
  ],
);
