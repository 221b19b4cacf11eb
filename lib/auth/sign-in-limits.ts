// Limits on staff password sign-in, counted in PostgreSQL so every instance shares them: failures per account from any
// address (a guesser cannot spread attempts over addresses), and attempts per address over all accounts.
// Each attempt is counted atomically before the password hash is computed, so parallel guesses cannot slip through.
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import { recordEvent } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { defaultLocale } from '@/lib/i18n/config';
import { logger } from '@/lib/log';
import { hit, giveBack, resetLimit } from '@/lib/security/rate-limit';

export const SIGN_IN_LIMITS = { perAccount: 5, perIp: 30, windowSeconds: 15 * 60 } as const;

export type SignInAdmission =
  | { admitted: true; lastTry: boolean; lockSeconds: number }
  | { admitted: false; reason: 'account_locked' | 'rate_limited'; retryAfterSeconds: number };

const accountKey = (email: string) => `signin:account:${email}`;
const addressKey = (ip: string) => `signin:ip:${ip}`;

/**
 * Counts this attempt against the address, then against the account, and admits it only within both limits.
 * The count is taken first and given back on success, so a limit holds however many attempts arrive at once.
 */
export async function admitSignIn(db: Db, email: string, ip: string): Promise<SignInAdmission> {
  const address = await hit(db, addressKey(ip), SIGN_IN_LIMITS.perIp, SIGN_IN_LIMITS.windowSeconds);
  if (!address.allowed) return { admitted: false, reason: 'rate_limited', retryAfterSeconds: address.retryAfterSeconds };
  const account = await hit(db, accountKey(email), SIGN_IN_LIMITS.perAccount, SIGN_IN_LIMITS.windowSeconds);
  if (!account.allowed) return { admitted: false, reason: 'account_locked', retryAfterSeconds: account.retryAfterSeconds };
  return { admitted: true, lastTry: account.remaining === 0, lockSeconds: account.retryAfterSeconds };
}

/** A good password clears the account's failures and gives the address its attempt back. */
export async function signInSucceeded(db: Db, email: string, ip: string): Promise<void> {
  await Promise.all([resetLimit(db, accountKey(email)), giveBack(db, addressKey(ip))]);
}

/**
 * A refused password. When it used up the account's last try, the account is locked for the rest of the window and
 * its owner is told by email (once per lock: only one attempt can be the last try), with the time it opens again.
 */
export async function signInFailed(db: Db, email: string, admission: { lastTry: boolean; lockSeconds: number }): Promise<void> {
  logger.info({ event: 'staff_sign_in_failed' }, 'staff sign-in refused');
  if (!admission.lastTry) return;
  const minutes = String(Math.ceil(admission.lockSeconds / 60));
  await db.transaction(async (tx) => {
    const [owner] = await tx.select({ id: users.id, email: users.email, name: users.name, active: users.active }).from(users).where(eq(users.email, email));
    if (!owner?.active) return;
    await recordEvent(tx, { actor: { type: 'system' }, type: 'staff_account_locked', data: { userId: owner.id, minutes: Number(minutes) } });
    await enqueueEmail(tx, { to: owner.email, template: 'staff-account-locked', locale: defaultLocale, data: { name: owner.name ?? owner.email, minutes } });
  });
  logger.warn({ event: 'staff_account_locked' }, 'staff account locked after failed sign-ins');
}
