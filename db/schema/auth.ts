// Staff accounts for next-auth (users/accounts/sessions/verification tokens) plus role and active flag.
// A user without a role can sign in but sees nothing until an admin grants one.
import { boolean, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { staffRoles } from '../vocabulary';


export const users = pgTable('users', {
  id: text().primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text(),
  email: text().unique().notNull(),
  emailVerified: timestamp({ mode: 'date', withTimezone: true }),
  image: text(),
  role: text({ enum: staffRoles }),
  active: boolean().notNull().default(true),
  passwordHash: text(),
  lastSignInAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const accounts = pgTable(
  'accounts',
  {
    userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** One row per signed-in staff session: the JWT carries only its id, so sign-out and deactivation act at once. */
export const sessions = pgTable('sessions', {
  sessionToken: text().primaryKey(),
  userId: text().notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** Absolute end (10 hours after sign-in). */
  expires: timestamp({ mode: 'date', withTimezone: true }).notNull(),
  /** Idle timeout is measured from here (30 minutes). */
  lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: timestamp({ mode: 'date', withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
