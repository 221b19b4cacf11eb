// Links between an eID person identifier and a CPR number: created by the automatic or MitID match (with the attempt,
// the audit event and the confirmation email in one transaction), looked up and revoked through the links API.
import { and, eq, isNull } from 'drizzle-orm';
import { identityLinks, journeys } from '@/db/schema';
import { recordEvent, type Actor } from '@/lib/audit';
import type { Db, DbOrTx } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import type { Locale } from '@/lib/i18n/config';
import { cprIndexColumns, decrypt, encrypt } from '@/lib/security/crypto';
import { recordAttempt } from './attempts';
import type { EidIdentityRow } from './identities';

export type LinkMethod = (typeof identityLinks.$inferSelect)['method'];
export type ActiveLink = { id: string; method: LinkMethod; linkedAt: Date };

export async function findActiveLink(db: DbOrTx, personIdentifier: string): Promise<ActiveLink | null> {
  const [row] = await db
    .select({ id: identityLinks.id, method: identityLinks.method, linkedAt: identityLinks.createdAt })
    .from(identityLinks)
    .where(and(eq(identityLinks.personIdentifier, personIdentifier), isNull(identityLinks.revokedAt)));
  return row ?? null;
}

/** True for the unique-index violation that says "this identifier already has an active link". */
function isActiveLinkConflict(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string };
    if (pg.code === '23505' && (pg.constraint_name ?? pg.constraint) === 'identity_links_one_active_per_identifier') return true;
  }
  return false;
}

export type NewLink = {
  identity: EidIdentityRow;
  cpr: string;
  method: 'auto' | 'mitid';
  reasons: string[];
  email: string;
  locale: Locale;
};

/**
 * Creates the link, its match attempt, its audit event and the confirmation email together. A second submission
 * (double click, reload, back button, a parallel tab) meets the one-active-link index and is answered as already
 * linked, never with a second link.
 */
export async function createLink(db: Db, link: NewLink): Promise<{ created: boolean }> {
  const { identity } = link;
  const { cprIndex, cprIndexPrev } = cprIndexColumns(link.cpr);
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(identityLinks)
        .values({
          personIdentifier: identity.personIdentifier,
          country: identity.country,
          eidIdentityId: identity.id,
          cprEnc: encrypt(link.cpr),
          cprIndex,
          cprIndexPrev,
          method: link.method,
        })
        .returning({ id: identityLinks.id });
      await recordAttempt(tx, { identity, method: link.method, outcome: 'match', reasons: link.reasons, cprIndex });
      await recordEvent(tx, {
        actor: { type: 'applicant', id: identity.id },
        type: 'link_created',
        data: { linkId: row!.id, method: link.method, country: identity.country },
      });
      await enqueueEmail(tx, {
        to: link.email,
        template: 'link_created',
        locale: link.locale,
        data: { name: `${identity.givenNames} ${identity.familyName}`, method: link.method },
      });
      // Linked: what was typed on the way (CPR, email) is no longer needed, and a shared phone must not show it again.
      await tx.update(journeys).set({ typedEnc: null }).where(eq(journeys.eidIdentityId, identity.id));
    });
    return { created: true };
  } catch (e) {
    if (!isActiveLinkConflict(e)) throw e;
    await recordAttempt(db, { identity, method: link.method, outcome: 'already_linked', reasons: [], cprIndex });
    return { created: false };
  }
}

export type LinkAnswer = { linked: true; method: LinkMethod; linkedAt: string; cpr?: string };

/** A relying party's look-up; every look-up, found or not, is recorded. */
export async function lookupLink(db: DbOrTx, party: { id: string; canSeeCpr: boolean }, personIdentifier: string): Promise<LinkAnswer | null> {
  const [row] = await db
    .select({ method: identityLinks.method, linkedAt: identityLinks.createdAt, cprEnc: identityLinks.cprEnc })
    .from(identityLinks)
    .where(and(eq(identityLinks.personIdentifier, personIdentifier), isNull(identityLinks.revokedAt)));
  await recordEvent(db, {
    actor: { type: 'relying_party', id: party.id },
    type: 'link_looked_up',
    data: { personIdentifier, found: Boolean(row), cprShown: Boolean(row && party.canSeeCpr) },
  });
  if (!row) return null;
  return { linked: true, method: row.method, linkedAt: row.linkedAt.toISOString(), ...(party.canSeeCpr ? { cpr: decrypt(row.cprEnc) } : {}) };
}

/** Revokes the active link; null when there is none. A later journey may then link the identifier again. */
export async function revokeLink(db: Db, personIdentifier: string, by: Actor, reason: string | null): Promise<{ revokedAt: string } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(identityLinks)
      .set({ revokedAt: new Date(), revokedBy: `${by.type}:${by.id ?? ''}`, revokeReason: reason })
      .where(and(eq(identityLinks.personIdentifier, personIdentifier), isNull(identityLinks.revokedAt)))
      .returning({ id: identityLinks.id, method: identityLinks.method, revokedAt: identityLinks.revokedAt });
    if (!row) return null;
    await recordEvent(tx, { actor: by, type: 'link_revoked', data: { linkId: row.id, method: row.method, personIdentifier, reason } });
    return { revokedAt: row.revokedAt!.toISOString() };
  });
}
