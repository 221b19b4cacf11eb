// Staff sessions in the database: created at sign-in, checked on every request (absolute 10 h, idle 30 min,
// account still active), ended at sign-out. The JWT cookie only names the session.
import { and, eq, gt, sql } from 'drizzle-orm';
import { sessions, users } from '@/db/schema';
import type { StaffRole } from '@/lib/vocabulary';
import type { DbOrTx } from '@/lib/db';
import { randomToken } from '@/lib/security/crypto';

export const ABSOLUTE_TIMEOUT_SECONDS = 10 * 3600;
export const IDLE_TIMEOUT_SECONDS = 30 * 60;

export type Staff = { id: string; email: string; name: string | null; role: StaffRole | null; sessionId: string };

export async function createStaffSession(db: DbOrTx, userId: string): Promise<string> {
  const sessionToken = randomToken();
  await db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + ABSOLUTE_TIMEOUT_SECONDS * 1000) });
  await db.update(users).set({ lastSignInAt: sql`now()` }).where(eq(users.id, userId));
  return sessionToken;
}

/** The signed-in staff member behind a session id, or null when it ended, idled out, or the account was deactivated. */
export async function resolveStaff(db: DbOrTx, sessionId: string | undefined | null): Promise<Staff | null> {
  if (!sessionId) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.sessionToken, sessionId),
        gt(sessions.expires, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${IDLE_TIMEOUT_SECONDS})`),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  // Refresh the idle clock at most once a minute: one cheap write, not one per request.
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.sessionToken, sessionId));
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId };
}

export async function endStaffSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, sessionId));
}

/** Ends every session of a user, e.g. when an admin deactivates the account. */
export async function endAllStaffSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
