// The person removes their own link: the revocation the relying parties and admins use (one transaction with the
// event and the email to the address on the link), recorded as done by the person.
import type { Db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { REVOKED_BY_PERSON, revokeLink } from '@/lib/linking/links';
import { enforce } from '@/lib/security/rate-limit';
import type { ConnectionSession } from './session';

/** Removal requests one address may send in an hour. */
export const REMOVALS_PER_HOUR = 20;

/** Counts a removal request against the address's hourly limit; called before the body is read, so malformed floods count too. */
export async function limitRemovals(db: Db, ip: string): Promise<void> {
  await enforce(db, `connection:remove:ip:${ip}`, REMOVALS_PER_HOUR, 3600);
}

export async function removeOwnConnection(db: Db, session: ConnectionSession): Promise<{ revokedAt: string }> {
  const revoked = await revokeLink(db, session.personIdentifier, { type: 'applicant', id: session.eidIdentityId }, REVOKED_BY_PERSON);
  if (!revoked) throw notFound('connection.notConnected');
  return revoked;
}
