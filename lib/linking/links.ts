// Links between an eID person identifier and a CPR number: created by the automatic or MitID match (with the attempt,
// the audit event and the confirmation email in one transaction), looked up through the links API, and revoked by a
// relying party, an admin or the person themself (with the event and an email to the address on the link).
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { applications, identityLinks, journeys } from '@/db/schema';
import { recordEvent, type Actor } from '@/lib/audit';
import { isUniqueViolation, type Db, type DbOrTx } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { cprIndexColumns, decrypt, encrypt } from '@/lib/security/crypto';
import { recordAttempt } from './attempts';
import type { EidIdentityRow } from './identities';
import type { RelyingParty } from './relying-parties';

export type LinkMethod = (typeof identityLinks.$inferSelect)['method'];
export type ActiveLink = { id: string; method: LinkMethod; linkedAt: Date };

export async function findActiveLink(db: DbOrTx, personIdentifier: string): Promise<ActiveLink | null> {
  const [row] = await db
    .select({ id: identityLinks.id, method: identityLinks.method, linkedAt: identityLinks.createdAt })
    .from(identityLinks)
    .where(and(eq(identityLinks.personIdentifier, personIdentifier), isNull(identityLinks.revokedAt)));
  return row ?? null;
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
          email: link.email,
          locale: link.locale,
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
        personIdentifier: identity.personIdentifier,
        template: 'link_created',
        locale: link.locale,
        data: { name: `${identity.givenNames} ${identity.familyName}`, method: link.method, connectionUrl: connectionPageUrl() },
      });
      // Linked: what was typed on the way (CPR, email) is no longer needed, and a shared phone must not show it again.
      await tx.update(journeys).set({ typedEnc: null }).where(eq(journeys.eidIdentityId, identity.id));
    });
    return { created: true };
  } catch (e) {
    // The unique index that says "this identifier already has an active link".
    if (!isUniqueViolation(e, 'identity_links_one_active_per_identifier')) throw e;
    await recordAttempt(db, { identity, method: link.method, outcome: 'already_linked', reasons: [], cprIndex });
    return { created: false };
  }
}

export type LinkAnswer = { linked: true; method: LinkMethod; linkedAt: string; cpr?: string };

/** Shards of a party's per-minute look-up counter (link_lookup_counts). */
export const LOOKUP_COUNTER_SHARDS = 16;

type LookupParty = Pick<RelyingParty, 'id' | 'canSeeCpr' | 'lookupsPerMinute'>;

/** The look-up's one statement (also run by the benchmark's bare baseline, tests/bench/bare-lookup-server.ts). */
export function lookupStatement(party: LookupParty, personIdentifier: string, shard: number): SQL {
  return sql`
    with counted as (
      insert into link_lookup_counts as c (relying_party_id, window_start, shard, hits)
      values (${party.id}, date_trunc('minute', now()), ${shard}, 1)
      on conflict (relying_party_id, window_start, shard) do update set hits = c.hits + 1
      returning hits
    ), usage as (
      select ((select hits from counted) + coalesce((select sum(hits) from link_lookup_counts
                where relying_party_id = ${party.id} and window_start = date_trunc('minute', now()) and shard <> ${shard}), 0))::int as used
    ), link as (
      select method, created_at, cpr_enc from identity_links
       where person_identifier = ${personIdentifier} and revoked_at is null
         and (select used from usage) <= ${party.lookupsPerMinute}
    ), recorded as (
      insert into application_events (actor_type, actor_id, type, data)
      select 'relying_party', ${party.id}, 'link_looked_up',
             jsonb_build_object('personIdentifier', ${personIdentifier}::text, 'found', exists (select 1 from link),
                                'cprShown', ${party.canSeeCpr}::boolean and exists (select 1 from link))
        from usage where used <= ${party.lookupsPerMinute}
    )
    select u.used, ceil(60 - extract(epoch from now() - date_trunc('minute', now())))::int as retry_after,
           l.method, l.created_at as linked_at, l.cpr_enc
      from usage u left join link l on true`;
}

export type LookupRow = { used: number; retry_after: number; method: LinkMethod | null; linked_at: Date | string | null; cpr_enc: string | null };

/**
 * A relying party's look-up, in one statement: it counts the look-up against the party's per-minute limit, finds the
 * active link and records the look-up (found or not) in the audit trail. Past the limit nothing is read or recorded
 * and RATE_LIMITED (429 with Retry-After) is thrown. The count goes to one of a few shards picked at random, so
 * parallel look-ups of one party do not queue behind one row lock. The limit holds on the sum of the shards as
 * committed when the statement starts, so it may let through one extra look-up per other look-up in flight.
 */
export async function lookupLink(db: DbOrTx, party: LookupParty, personIdentifier: string): Promise<LinkAnswer | null> {
  const rows = await db.execute<LookupRow>(lookupStatement(party, personIdentifier, Math.floor(Math.random() * LOOKUP_COUNTER_SHARDS)));
  const row = rows[0]!;
  if (row.used > party.lookupsPerMinute) throw new AppError('RATE_LIMITED', 'RATE_LIMITED', { retryAfter: Math.max(1, row.retry_after) });
  if (!row.method || !row.linked_at || !row.cpr_enc) return null;
  return { linked: true, method: row.method, linkedAt: new Date(row.linked_at).toISOString(), ...(party.canSeeCpr ? { cpr: decrypt(row.cpr_enc) } : {}) };
}

/** What the person removing their own link is recorded as having said. */
export const REVOKED_BY_PERSON = 'revoked by the person';

/** The page where the person sees or removes their own link (in the link's emails). */
export function connectionPageUrl(): string {
  return `${env().APP_URL}/connection`;
}

/**
 * Revokes the active link, with its event and an email to the address on the link, in one transaction; null when
 * there is none. A later journey may then link the identifier again.
 */
export async function revokeLink(db: Db, personIdentifier: string, by: Actor, reason: string | null): Promise<{ revokedAt: string } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(identityLinks)
      .set({ revokedAt: new Date(), revokedBy: `${by.type}:${by.id ?? ''}`, revokeReason: reason })
      .where(and(eq(identityLinks.personIdentifier, personIdentifier), isNull(identityLinks.revokedAt)))
      .returning({ id: identityLinks.id, method: identityLinks.method, revokedAt: identityLinks.revokedAt, email: identityLinks.email, locale: identityLinks.locale, applicationId: identityLinks.applicationId });
    if (!row) return null;
    await recordEvent(tx, { actor: by, type: 'link_revoked', data: { linkId: row.id, method: row.method, personIdentifier, reason } });
    const to = row.email ? { email: row.email, locale: row.locale ?? 'en' } : await applicationAddress(tx, row.applicationId);
    if (to) {
      await enqueueEmail(tx, {
        to: to.email,
        personIdentifier,
        template: 'link_revoked',
        locale: to.locale,
        data: { by: by.type === 'applicant' ? 'person' : by.type === 'relying_party' ? 'service' : 'agency', connectionUrl: connectionPageUrl() },
      });
    }
    return { revokedAt: row.revokedAt!.toISOString() };
  });
}

/** A link made by a caseworker before links kept their address: the approved application's. */
async function applicationAddress(tx: DbOrTx, applicationId: string | null): Promise<{ email: string; locale: Locale } | null> {
  if (!applicationId) return null;
  const [app] = await tx.select({ email: applications.email, locale: applications.locale }).from(applications).where(eq(applications.id, applicationId));
  return app ?? null;
}
