// The person's own session on /connection: a row in connection_sessions behind an httpOnly cookie that holds only the
// signed row id. It ends after 15 idle minutes, at the latest 2 hours after the login, on "Sign out", and (being a
// browser-session cookie) when the browser is closed, so a shared phone or computer does not keep it.
import { and, eq, gt, sql } from 'drizzle-orm';
import { createHmac } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { connectionSessions } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { safeEqual } from '@/lib/security/crypto';

export const CONNECTION_COOKIE = 'im_connection';
export const CONNECTION_IDLE_SECONDS = 15 * 60;
export const CONNECTION_MAX_SECONDS = 2 * 3600;

export type ConnectionSession = { id: string; personIdentifier: string; eidIdentityId: string };

function mac(id: string): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`connection:${id}`).digest('base64url');
}

export function signConnectionSession(id: string): string {
  return `${id}.${mac(id)}`;
}

/** The session id from a cookie value, or null when it is missing or its signature is wrong. */
export function verifyConnectionCookie(value: string | undefined | null): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return safeEqual(value.slice(dot + 1), mac(id)) ? id : null;
}

/**
 * No Max-Age: the cookie lives only as long as the browser session. Lax rather than Strict, because the session is
 * opened at the end of a redirect chain that starts at the eID broker (a Strict cookie would not be sent on the
 * first page); every request that changes something is a same-origin POST or DELETE.
 */
export function connectionCookieOptions() {
  return {
    httpOnly: true,
    secure: !env().isDemo || env().APP_URL.startsWith('https:'),
    sameSite: 'lax' as const,
    path: '/',
  };
}

export async function openConnectionSession(db: DbOrTx, identity: { id: string; personIdentifier: string }): Promise<string> {
  const [row] = await db
    .insert(connectionSessions)
    .values({ personIdentifier: identity.personIdentifier, eidIdentityId: identity.id })
    .returning({ id: connectionSessions.id });
  return row!.id;
}

/** The live session with this id, its idle clock moved on; null when it ended (idle, too old, signed out). */
export async function touchConnectionSession(db: DbOrTx, id: string): Promise<ConnectionSession | null> {
  const [row] = await db
    .update(connectionSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(connectionSessions.id, id),
        gt(connectionSessions.lastSeenAt, sql`now() - make_interval(secs => ${CONNECTION_IDLE_SECONDS})`),
        gt(connectionSessions.createdAt, sql`now() - make_interval(secs => ${CONNECTION_MAX_SECONDS})`),
      ),
    )
    .returning({ id: connectionSessions.id, personIdentifier: connectionSessions.personIdentifier, eidIdentityId: connectionSessions.eidIdentityId });
  return row ?? null;
}

export async function endConnectionSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(connectionSessions).where(eq(connectionSessions.id, id));
}

/** For a page: the session behind a cookie value, if it is still live. */
export async function connectionSessionFromCookie(db: DbOrTx, value: string | undefined): Promise<ConnectionSession | null> {
  const id = verifyConnectionCookie(value);
  return id ? touchConnectionSession(db, id) : null;
}

/** For a route handler: the request's live session, else 401. */
export async function requireConnectionSession(db: DbOrTx, req: NextRequest): Promise<ConnectionSession> {
  const session = await connectionSessionFromCookie(db, req.cookies.get(CONNECTION_COOKIE)?.value);
  if (!session) throw new AppError('UNAUTHENTICATED', 'connection.sessionEnded');
  return session;
}
