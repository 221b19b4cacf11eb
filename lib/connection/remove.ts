// The person removes their own link: the revocation the relying parties and admins use (one transaction with the
// event and the email to the address on the link), recorded as done by the person.
import type { Db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { REVOKED_BY_PERSON, revokeLink } from '@/lib/linking/links';
import type { ConnectionSession } from './session';

export async function removeOwnConnection(db: Db, session: ConnectionSession): Promise<{ revokedAt: string }> {
  const revoked = await revokeLink(db, session.personIdentifier, { type: 'applicant', id: session.eidIdentityId }, REVOKED_BY_PERSON);
  if (!revoked) throw notFound('connection.notConnected');
  return revoked;
}
