// The applicant's private status link: a random token sent only by email, stored only as a hash, valid while the
// application is open and for 30 days after it closes. Attempts are counted per address, right ones given back, and refused past the limit.
import { eq, or, sql } from 'drizzle-orm';
import type { NextRequest } from 'next/server';
import { applications, statusLinks } from '@/db/schema';
import type { Db, DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { giveBack, hit } from '@/lib/security/rate-limit';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { isClosed } from './states';

/** Holds the token after the link was opened, so it leaves the address bar (and never reaches a server log). */
export const STATUS_COOKIE = 'im_status';
export const STATUS_SESSION_SECONDS = 2 * 3600;
export const LINK_DAYS_AFTER_CLOSE = 30;
export const WRONG_TOKEN_LIMIT = 10;
export const WRONG_TOKEN_WINDOW_SECONDS = 15 * 60;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newStatusToken(): { token: string; hash: string } {
  let token = randomToken(32);
  // Emails refuse anything that looks like a CPR number; a token with ten digits in a row (odds ~1e-8) is redrawn.
  while (/\d{6}[-\s]?\d{4}/.test(token)) token = randomToken(32);
  return { token, hash: sha256(token) };
}

/** The link in emails. The token sits in the fragment, which browsers never send to a server or in a Referer. */
export function statusLink(token: string): string {
  return `${env().APP_URL}/status#${token}`;
}

export function linkExpiryAfterClose(closedAt: Date): Date {
  return new Date(closedAt.getTime() + LINK_DAYS_AFTER_CLOSE * 24 * 3600_000);
}

export type TokenLookup = { ok: true; applicationId: string } | { ok: false; reason: 'invalid' | 'expired' };

export async function findByStatusToken(db: DbOrTx, token: string | undefined | null, now = new Date()): Promise<TokenLookup> {
  if (!token || !TOKEN_SHAPE.test(token)) return { ok: false, reason: 'invalid' };
  const [row] = await db
    .select({ id: applications.id, state: applications.state, expiresAt: applications.statusTokenExpiresAt, decidedAt: applications.decidedAt, updatedAt: applications.updatedAt })
    .from(applications)
    // The application's own link, or one a reminder added (both hashed; either opens the same application).
    .where(or(eq(applications.statusTokenHash, sha256(token)), sql`${applications.id} = (select ${statusLinks.applicationId} from ${statusLinks} where ${statusLinks.tokenHash} = ${sha256(token)})`));
  if (!row) return { ok: false, reason: 'invalid' };
  // A closed application without a stored expiry (closed by older code) still expires 30 days after it closed.
  const expiresAt = row.expiresAt ?? (isClosed(row.state) ? linkExpiryAfterClose(row.decidedAt ?? row.updatedAt) : null);
  if (expiresAt && expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, applicationId: row.id };
}

/**
 * Exchanges a token from a link for a session. Every attempt is counted against the address first, in one atomic
 * statement, and a right token gives its count back: past the limit every attempt (even a right one) is refused
 * until the window ends, however many arrive at once, so tokens cannot be guessed by trying.
 */
export async function openStatusSession(db: Db, token: string, ip: string): Promise<string> {
  const key = `status-token:${ip}`;
  const counted = await hit(db, key, WRONG_TOKEN_LIMIT, WRONG_TOKEN_WINDOW_SECONDS);
  if (!counted.allowed) throw new AppError('RATE_LIMITED', 'application.statusLinkRateLimited', { retryAfter: counted.retryAfterSeconds });
  const found = await findByStatusToken(db, token);
  if (!found.ok) throw new AppError('NOT_FOUND', found.reason === 'expired' ? 'application.statusLinkExpired' : 'application.statusLinkInvalid');
  await giveBack(db, key);
  return found.applicationId;
}

export function statusCookieOptions() {
  return {
    httpOnly: true,
    secure: !env().isDemo || env().APP_URL.startsWith('https:'),
    // Strict: the cookie is set by the page's own request, and no other site can make the browser use it.
    sameSite: 'strict' as const,
    path: '/',
    maxAge: STATUS_SESSION_SECONDS,
  };
}

/** The application of the request's status session; a session whose link expired meanwhile is refused too. */
export async function requireStatusSession(db: DbOrTx, req: NextRequest): Promise<string> {
  const found = await findByStatusToken(db, req.cookies.get(STATUS_COOKIE)?.value);
  if (!found.ok) throw new AppError('UNAUTHENTICATED', found.reason === 'expired' ? 'application.statusLinkExpired' : 'application.statusSessionEnded');
  return found.applicationId;
}
