// Other applications and links that share this application's CPR number (by blind index) or its eID identifier:
// the signs of a repeat application, a second person using one eID, or one eID claiming two CPR numbers.
import 'server-only';
import { and, desc, eq, ne, or } from 'drizzle-orm';
import { applications, identityLinks } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';

export type SharedBy = 'cpr' | 'eid' | 'both';

function sharedBy(row: { cprIndex: string; personIdentifier: string | null }, app: { cprIndex: string; personIdentifier: string | null }): SharedBy {
  const cpr = row.cprIndex === app.cprIndex;
  const eid = Boolean(app.personIdentifier) && row.personIdentifier === app.personIdentifier;
  return cpr && eid ? 'both' : cpr ? 'cpr' : 'eid';
}

export async function listRelated(db: DbOrTx, app: { id: string; cprIndex: string; personIdentifier: string | null }) {
  const sameIdentity = (cprCol: typeof applications.cprIndex | typeof identityLinks.cprIndex, pidCol: typeof applications.personIdentifier | typeof identityLinks.personIdentifier) =>
    app.personIdentifier ? or(eq(cprCol, app.cprIndex), eq(pidCol, app.personIdentifier))! : eq(cprCol, app.cprIndex);

  const [apps, links] = await Promise.all([
    db
      .select({ id: applications.id, reference: applications.reference, state: applications.state, submittedAt: applications.submittedAt, cprIndex: applications.cprIndex, personIdentifier: applications.personIdentifier })
      .from(applications)
      .where(and(ne(applications.id, app.id), sameIdentity(applications.cprIndex, applications.personIdentifier)))
      .orderBy(desc(applications.submittedAt))
      .limit(50),
    db
      .select({ id: identityLinks.id, personIdentifier: identityLinks.personIdentifier, country: identityLinks.country, method: identityLinks.method, applicationId: identityLinks.applicationId, createdAt: identityLinks.createdAt, revokedAt: identityLinks.revokedAt, cprIndex: identityLinks.cprIndex })
      .from(identityLinks)
      .where(sameIdentity(identityLinks.cprIndex, identityLinks.personIdentifier))
      .orderBy(desc(identityLinks.createdAt))
      .limit(50),
  ]);
  return {
    applications: apps.map(({ cprIndex, personIdentifier, ...a }) => ({ ...a, sharedBy: sharedBy({ cprIndex, personIdentifier }, app) })),
    links: links.map(({ cprIndex, ...l }) => ({
      ...l,
      sharedBy: sharedBy({ cprIndex, personIdentifier: l.personIdentifier }, app),
      /** This application's eID identifier, actively linked to a different CPR number: approval would be refused. */
      conflicting: !l.revokedAt && l.personIdentifier === app.personIdentifier && cprIndex !== app.cprIndex,
      fromThisApplication: l.applicationId === app.id,
    })),
  };
}
