// Manual applications with their documents, requests for more information, notes and history.
// application_events is append-only: it is the history shown to people and the audit trail (including document views).
import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applicationStates, documentKinds, documentTypes, rejectReasons } from '../vocabulary';
import { users } from './auth';
import { eidIdentities, journeys } from './identities';


export const applications = pgTable(
  'applications',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    state: text({ enum: applicationStates }).notNull().default('submitted'),
    /** Optimistic concurrency: every update is WHERE id = $1 AND version = $2. */
    version: integer().notNull().default(1),
    eidIdentityId: uuid().references(() => eidIdentities.id),
    personIdentifier: text(),
    country: text().notNull(),
    documentType: text({ enum: documentTypes }).notNull(),
    givenNames: text().notNull(),
    familyName: text().notNull(),
    /** The name as the queue searches it (lib/matching/search-key), written with the name; null only until backfilled. */
    searchName: text(),
    dateOfBirth: date({ mode: 'string' }).notNull(),
    nationality: text().notNull(),
    documentNumber: text().notNull(),
    documentExpiry: date({ mode: 'string' }).notNull(),
    cprEnc: text().notNull(),
    cprIndex: text().notNull(),
    /** The index under the previous INDEX_KEY while a rotation is under way (see lib/security/crypto.ts). */
    cprIndexPrev: text(),
    email: text().notNull(),
    phone: text(),
    locale: text({ enum: ['en', 'da'] }).notNull().default('en'),
    /** Reasons of the failed automatic match that led here, for the caseworker. */
    matchReasons: jsonb().$type<string[]>().notNull().default([]),
    statusTokenHash: text().notNull().unique(),
    statusTokenExpiresAt: timestamp({ withTimezone: true }),
    idempotencyKey: text().unique(),
    assignedTo: text().references(() => users.id),
    assignedAt: timestamp({ withTimezone: true }),
    lastActivityAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: text().references(() => users.id),
    rejectReason: text({ enum: rejectReasons }),
    decisionText: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The queue pages by keyset on (sort column, id); see tests/bench/queue-at-scale.ts for the plans.
    index().on(t.state, t.submittedAt, t.id),
    index().on(t.assignedTo, t.state),
    index().on(t.state, t.lastActivityAt, t.id),
    index().on(t.submittedAt, t.id),
    index().on(t.lastActivityAt, t.id),
    index('applications_open_by_submitted').on(t.submittedAt, t.id).where(sql`${t.state} in ('submitted', 'in_review', 'awaiting_applicant')`),
    index('applications_open_by_activity').on(t.lastActivityAt, t.id).where(sql`${t.state} in ('submitted', 'in_review', 'awaiting_applicant')`),
    // Accent-free search at any word start of the name: LIKE '% TERM%' on trigrams (pg_trgm).
    index('applications_search_name_trgm').using('gin', t.searchName.op('gin_trgm_ops')),
    // Rows still to be given a search name (none once the start-up backfill has run).
    index('applications_search_name_missing').on(t.id).where(sql`${t.searchName} is null`),
    index().on(t.cprIndex),
    index().on(t.cprIndexPrev),
    // The queue marks open applications that share a CPR number with another open one: a look-up per row of a page.
    index('applications_open_by_cpr_index').on(t.cprIndex).where(sql`${t.state} in ('submitted', 'in_review', 'awaiting_applicant')`),
    index('applications_open_by_cpr_index_prev').on(t.cprIndexPrev).where(sql`${t.state} in ('submitted', 'in_review', 'awaiting_applicant')`),
    index().on(t.personIdentifier),
    // One open application per eID identity: a second one could only end in a contradictory decision.
    uniqueIndex('applications_one_open_per_identifier').on(t.personIdentifier).where(sql`${t.state} in ('submitted', 'in_review', 'awaiting_applicant')`),
    index().on(t.createdAt),
    index().on(t.decidedAt),
    // Statistics and the CSV export read applications by the time they were submitted.
    index().on(t.submittedAt),
    index().on(t.country, t.submittedAt),
    // Take-next reads the oldest unassigned submitted case.
    index('applications_queue_next').on(t.submittedAt, t.id).where(sql`${t.state} = 'submitted' and ${t.assignedTo} is null`),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid().references(() => applications.id),
    /** Set while the file belongs to an unsubmitted draft; a job removes orphans after 24 hours. */
    journeyId: uuid().references(() => journeys.id),
    /** Set while a photo sent in answer to a request for more information waits for the answer to be sent. */
    pendingApplicationId: uuid().references(() => applications.id),
    kind: text({ enum: documentKinds }).notNull(),
    /** 1 for the first submission, 2+ for photos sent in answer to a request for more information. */
    round: integer().notNull().default(1),
    storageKey: text().notNull(),
    thumbKey: text().notNull(),
    sha256: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: integer().notNull(),
    qualityHints: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Null while the images are being written: the row is committed before the first byte reaches storage, so a crash
     * in between leaves a row the orphan sweep finds (and deletes with its keys), never images nothing points to.
     */
    storedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.applicationId), index().on(t.journeyId, t.createdAt), index('documents_unstored').on(t.createdAt).where(sql`${t.storedAt} is null`)],
);

export const infoRequests = pgTable(
  'info_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid().notNull().references(() => applications.id),
    requestedBy: text().references(() => users.id),
    items: jsonb().$type<{ type: 'photo' | 'field' | 'question'; target?: string }[]>().notNull(),
    message: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp({ withTimezone: true }),
    answerMessage: text(),
    answerChanges: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index().on(t.applicationId), index().on(t.createdAt)],
);

export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    applicationId: uuid().references(() => applications.id),
    actorType: text({ enum: ['applicant', 'staff', 'system', 'relying_party'] }).notNull(),
    actorId: text(),
    type: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.applicationId, t.createdAt),
    index().on(t.type, t.createdAt),
    index().on(t.actorId, t.createdAt),
    // The person's own page lists the relying parties' look-ups of their identifier, newest first.
    index('application_events_lookups_by_identifier')
      .on(sql`(${t.data} ->> 'personIdentifier')`, t.createdAt)
      .where(sql`${t.type} = 'link_looked_up'`),
  ],
);

export const notes = pgTable(
  'notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    applicationId: uuid().notNull().references(() => applications.id),
    authorId: text().notNull().references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);

/** The manual form's progress, kept server-side for 24 hours so a reload or a lost connection loses nothing. */
/**
 * Further status links sent by reminders, beside the application's own `status_token_hash`: a reminder adds a link
 * and never ends the one the applicant may be using. They share the application's link expiry; a caseworker's request
 * for more information replaces them all with one fresh link.
 */
export const statusLinks = pgTable(
  'status_links',
  {
    tokenHash: text().primaryKey(),
    applicationId: uuid().notNull().references(() => applications.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.applicationId)],
);

export const applicationDrafts = pgTable('application_drafts', {
  journeyId: uuid().primaryKey().references(() => journeys.id),
  dataEnc: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});
