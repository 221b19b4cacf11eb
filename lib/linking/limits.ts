// Attempt limits of the automatic and MitID match, counted in PostgreSQL so they hold across instances:
// per eID identity (3 automatic attempts per 24 hours) and per client address.
import type { Db } from '@/lib/db';
import { giveBack, hit, peek } from '@/lib/security/rate-limit';

export const AUTO_ATTEMPTS_PER_IDENTITY = 3;
export const ATTEMPT_WINDOW_SECONDS = 24 * 3600;
/** Generous: many applicants can share one address (a household, a company network, a mobile carrier's NAT). */
export const ATTEMPTS_PER_IP = 20;
export const IP_WINDOW_SECONDS = 3600;
export const MITID_ATTEMPTS_PER_IDENTITY = 3;
export const LOGINS_PER_IP = 60;

const identityKey = (method: 'auto' | 'mitid', personIdentifier: string) => `match:${method}:eid:${personIdentifier}`;
const ipKey = (method: 'auto' | 'mitid', ip: string) => `match:${method}:ip:${ip}`;

/** Counts one attempt; false when either limit is exceeded (the attempt is then not made). */
export async function takeAttempt(db: Db, method: 'auto' | 'mitid', personIdentifier: string, ip: string): Promise<boolean> {
  const perIdentity = await hit(db, identityKey(method, personIdentifier), method === 'auto' ? AUTO_ATTEMPTS_PER_IDENTITY : MITID_ATTEMPTS_PER_IDENTITY, ATTEMPT_WINDOW_SECONDS);
  if (!perIdentity.allowed) return false;
  const perIp = await hit(db, ipKey(method, ip), ATTEMPTS_PER_IP, IP_WINDOW_SECONDS);
  return perIp.allowed;
}

/** Returns an attempt that could not be made because the CPR register did not answer: an outage costs no attempt. */
export async function returnAttempt(db: Db, method: 'auto' | 'mitid', personIdentifier: string, ip: string): Promise<void> {
  await giveBack(db, identityKey(method, personIdentifier));
  await giveBack(db, ipKey(method, ip));
}

/** How many automatic attempts this identity has left today (shown to the applicant). */
export async function autoAttemptsLeft(db: Db, personIdentifier: string): Promise<number> {
  return Math.max(0, AUTO_ATTEMPTS_PER_IDENTITY - (await peek(db, identityKey('auto', personIdentifier))));
}

/** How many MitID matches this identity has left today: its own limit, apart from the automatic one. */
export async function mitidAttemptsLeft(db: Db, personIdentifier: string): Promise<number> {
  return Math.max(0, MITID_ATTEMPTS_PER_IDENTITY - (await peek(db, identityKey('mitid', personIdentifier))));
}

/** Logins started from one address per hour: a brake on scripted use of the brokers. */
export async function takeLoginStart(db: Db, ip: string): Promise<boolean> {
  return (await hit(db, `login:ip:${ip}`, LOGINS_PER_IP, IP_WINDOW_SECONDS)).allowed;
}
