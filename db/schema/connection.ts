// The person's own sessions on /connection ("See or remove your connection"): opened by an eID login, tied to that
// eID person identifier, ended by signing out or after 15 idle minutes. The cookie holds only the signed id.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { eidIdentities } from './identities';

export const connectionSessions = pgTable(
  'connection_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    personIdentifier: text().notNull(),
    /** The login that opened the session. */
    eidIdentityId: uuid().notNull().references(() => eidIdentities.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The idle timeout is measured from here; every page and request of the session moves it on. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.lastSeenAt)],
);
