// Other applications and links that share this application's CPR number (by blind index) or its eID identifier:
// the signs of a repeat application, a second person using one eID, or one eID claiming two CPR numbers.
import 'server-only';
import { and, desc, eq, ne, or } from 'drizzle-orm';
import { applications, identityLinks } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import { holdsSameCprAs } from '@/lib/security/cpr-index';
import { sameCprIndex } from '@/lib/security/crypto';

export type SharedBy = 'cpr' | 'eid' | 'both';

type Indexed = { cprIndex: string; cprIndexPrev: string | null; personIdentifier: string | null };

function sharedBy(row: Indexed, app: Indexed): SharedBy {
  const cpr = sameCprIndex(row, app);
  const eid = Boolean(app.personIdentifier) && row.personIdentifier === app.personIdentifier;
  return cpr && eid ? 'both' : cpr ? 'cpr' : 'eid';
}

export async function listRelated(db: DbOrTx, app: Indexed & { id: string }) {
  const sameIdentity = (table: typeof applications | typeof identityLinks) =>
    app.personIdentifier ? or(holdsSameCprAs(table, app), eq(table.personIdentifier, app.personIdentifier))! : holdsSameCprAs(table, app);

  const [apps, links] = await Promise.all([
    db
      .select({ id: applications.id, reference: applications.reference, state: applications.state, submittedAt: applications.submittedAt, cprIndex: applications.cprIndex, cprIndexPrev: applications.cprIndexPrev, personIdentifier: applications.personIdentifier })
      .from(applications)
      .where(and(ne(applications.id, app.id), sameIdentity(applications)))
      .orderBy(desc(applications.submittedAt))
      .limit(50),
    db
      .select({ id: identityLinks.id, personIdentifier: identityLinks.personIdentifier, country: identityLinks.country, method: identityLinks.method, applicationId: identityLinks.applicationId, createdAt: identityLinks.createdAt, revokedAt: identityLinks.revokedAt, cprIndex: identityLinks.cprIndex, cprIndexPrev: identityLinks.cprIndexPrev })
      .from(identityLinks)
      .where(sameIdentity(identityLinks))
      .orderBy(desc(identityLinks.createdAt))
      .limit(50),
  ]);
  return {
    applications: apps.map(({ cprIndex, cprIndexPrev, personIdentifier, ...a }) => ({ ...a, sharedBy: sharedBy({ cprIndex, cprIndexPrev, personIdentifier }, app) })),
    links: links.map(({ cprIndex, cprIndexPrev, ...l }) => ({
      ...l,
      sharedBy: sharedBy({ cprIndex, cprIndexPrev, personIdentifier: l.personIdentifier }, app),
      /** This application's eID identifier, actively linked to a different CPR number: approval would be refused. */
      conflicting: !l.revokedAt && l.personIdentifier === app.personIdentifier && !sameCprIndex({ cprIndex, cprIndexPrev }, app),
      fromThisApplication: l.applicationId === app.id,
    })),
  };
}
