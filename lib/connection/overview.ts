// What /connection shows the signed-in person about their own eID identifier: the active link (method, since when,
// the CPR number masked), the relying parties' latest look-ups, and their applications. Every query filters by the
// session's person identifier only, so nobody else's link, application or look-up can appear.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { applicationEvents, applications, identityLinks, relyingParties } from '@/db/schema';
import type { ApplicationState } from '@/lib/vocabulary';
import type { DbOrTx } from '@/lib/db';
import { findEidIdentity } from '@/lib/linking/identities';
import type { LinkMethod } from '@/lib/linking/links';
import { maskedCpr } from '@/lib/matching';
import { decrypt } from '@/lib/security/crypto';
import type { ConnectionSession } from './session';

export const LOOKUPS_SHOWN = 10;

export type OwnLookup = { service: string; at: Date; found: boolean; cprShown: boolean };
export type OwnApplication = { reference: string; state: ApplicationState; submittedAt: Date; decidedAt: Date | null };

export type ConnectionOverview = {
  personIdentifier: string;
  name: string;
  country: string;
  link: { method: LinkMethod; linkedAt: Date; cpr: string } | null;
  lookups: OwnLookup[];
  applications: OwnApplication[];
};

/** The look-ups of this identifier by relying parties, newest first (on the partial index for look-ups). */
export async function listOwnLookups(db: DbOrTx, personIdentifier: string, limit?: number): Promise<OwnLookup[]> {
  const query = db
    .select({
      service: relyingParties.name,
      at: applicationEvents.createdAt,
      found: sql<boolean>`coalesce((${applicationEvents.data} ->> 'found')::boolean, false)`,
      cprShown: sql<boolean>`coalesce((${applicationEvents.data} ->> 'cprShown')::boolean, false)`,
    })
    .from(applicationEvents)
    .innerJoin(relyingParties, sql`${relyingParties.id}::text = ${applicationEvents.actorId}`)
    .where(and(eq(applicationEvents.type, 'link_looked_up'), sql`(${applicationEvents.data} ->> 'personIdentifier') = ${personIdentifier}`))
    .orderBy(desc(applicationEvents.createdAt), desc(applicationEvents.id));
  return limit ? query.limit(limit) : query;
}

export async function listOwnApplications(db: DbOrTx, personIdentifier: string): Promise<OwnApplication[]> {
  return db
    .select({ reference: applications.reference, state: applications.state, submittedAt: applications.submittedAt, decidedAt: applications.decidedAt })
    .from(applications)
    .where(eq(applications.personIdentifier, personIdentifier))
    .orderBy(desc(applications.submittedAt));
}

export async function getConnectionOverview(db: DbOrTx, session: ConnectionSession): Promise<ConnectionOverview> {
  const pid = session.personIdentifier;
  const [identity, [link], lookups, apps] = await Promise.all([
    findEidIdentity(db, session.eidIdentityId),
    db
      .select({ method: identityLinks.method, linkedAt: identityLinks.createdAt, cprEnc: identityLinks.cprEnc })
      .from(identityLinks)
      .where(and(eq(identityLinks.personIdentifier, pid), isNull(identityLinks.revokedAt))),
    listOwnLookups(db, pid, LOOKUPS_SHOWN),
    listOwnApplications(db, pid),
  ]);
  return {
    personIdentifier: pid,
    name: identity ? `${identity.givenNames} ${identity.familyName}` : '',
    country: identity?.country ?? '',
    link: link ? { method: link.method, linkedAt: link.linkedAt, cpr: maskedCpr(decrypt(link.cprEnc)) } : null,
    lookups,
    applications: apps,
  };
}
