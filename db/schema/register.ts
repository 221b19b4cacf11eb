// The demo CPR register: test persons standing in for the national register.
// Production reads the real register through lib/register's CprRegister adapter instead.
import { boolean, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cprStatuses, sexes } from '../vocabulary';

export const cprRegister = pgTable(
  'cpr_register',
  {
    id: uuid().primaryKey().defaultRandom(),
    cprEnc: text().notNull(),
    cprIndex: text().notNull().unique(),
    /** The index under the previous INDEX_KEY while a rotation is under way (see lib/security/crypto.ts). */
    cprIndexPrev: text().unique(),
    givenNames: text().notNull(),
    middleName: text(),
    familyName: text().notNull(),
    dateOfBirth: date({ mode: 'string' }).notNull(),
    sex: text({ enum: sexes }).notNull(),
    status: text({ enum: cprStatuses }).notNull(),
    nameAddressProtected: boolean().notNull().default(false),
    historicalNames: jsonb().$type<string[]>().notNull().default([]),
    address: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The look-alike search: everybody born on the eID's birth date.
  (t) => [index().on(t.dateOfBirth)],
);
