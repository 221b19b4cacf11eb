// Caseworker decisions on a manual application: approve and reject. Each is one applyTransition: the versioned state
// change, the link (approve), the history event and the email commit together or not at all.
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { applications, identityLinks } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { isUniqueViolation, type Db, type Tx } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { connectionPageUrl } from '@/lib/linking/links';
import { logger } from '@/lib/log';
import { getRegister, type CprRegister } from '@/lib/register';
import { holdsSameCprAs } from '@/lib/security/cpr-index';
import { cprIndexColumns, decrypt, encrypt, sameCprIndex } from '@/lib/security/crypto';
import type { RejectReason } from '@/lib/vocabulary';
import { assertMayDecide, changedMeanwhile, loadCase, staffActor } from './case';
import { openStates } from './states';
import { applyTransition } from './transition';

export type CaseInput = { applicationId: string; expectedVersion: number; staff: Staff };

/**
 * Other open applications for the same CPR number: one of them may be the real holder, so approving needs a look.
 * Both blind-index columns are asked, so a key rotation under way hides none of them.
 */
async function otherOpenForCpr(tx: Tx, current: { id: string; cprIndex: string; cprIndexPrev: string | null }) {
  return tx
    .select({ reference: applications.reference })
    .from(applications)
    .where(and(holdsSameCprAs(applications, current), ne(applications.id, current.id), inArray(applications.state, [...openStates])));
}

/**
 * Approves: links the application's eID identity to its CPR number (method manual) and tells the applicant.
 * Refused when the eID identifier is already linked to another CPR number, or the register has no living person.
 */
export async function approveApplication(db: Db, input: CaseInput & { register?: CprRegister; confirmedOthers?: boolean }): Promise<{ linkId: string; version: number }> {
  const result = await db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    const { override } = await assertMayDecide(tx, current, input.staff);
    const personIdentifier = current.personIdentifier;
    if (!personIdentifier) throw conflict('caseworker.errors.noEidIdentity');
    const cpr = decrypt(current.cprEnc);
    const record = await (input.register ?? getRegister(tx)).lookup(cpr);
    if (!record) throw conflict('caseworker.errors.notInRegister');
    if (record.status === 'deceased') throw conflict('caseworker.errors.registerDeceased');
    const [active] = await tx
      .select({ id: identityLinks.id, cprIndex: identityLinks.cprIndex, cprIndexPrev: identityLinks.cprIndexPrev })
      .from(identityLinks)
      .where(and(eq(identityLinks.personIdentifier, personIdentifier), isNull(identityLinks.revokedAt)));
    if (active && !sameCprIndex(active, current)) throw conflict('caseworker.errors.linkedToOtherCpr');
    const others = await otherOpenForCpr(tx, current);
    if (others.length && !input.confirmedOthers) throw conflict('caseworker.errors.confirmOthers');

    let linkId = active?.id;
    const row = await applyTransition(tx, {
      applicationId: current.id,
      transition: 'approve',
      actor: staffActor(input.staff),
      current,
      expectedVersion: input.expectedVersion,
      refuse: () => changedMeanwhile(tx, current.id),
      set: { decidedAt: sql`now()`, decidedBy: input.staff.id },
      also: async () => {
        linkId ??= await createManualLink(tx, { ...current, personIdentifier }, cpr, input.staff);
        return { linkId, override, alreadyLinked: Boolean(active), ...(others.length ? { confirmedOthers: others.map((o) => o.reference) } : {}) };
      },
      email: (r) => ({ template: 'application-approved', data: { reference: r.reference, connectionUrl: connectionPageUrl() } }),
    });
    return { linkId: linkId!, version: row.version };
  });
  logger.info({ applicationId: input.applicationId, staffId: input.staff.id, decision: 'approved' }, 'case decided');
  return result;
}

async function createManualLink(tx: Tx, current: Awaited<ReturnType<typeof loadCase>> & { personIdentifier: string }, cpr: string, staff: Staff): Promise<string> {
  try {
    const [link] = await tx
      .insert(identityLinks)
      .values({
        personIdentifier: current.personIdentifier,
        country: current.country,
        eidIdentityId: current.eidIdentityId,
        cprEnc: encrypt(cpr),
        ...cprIndexColumns(cpr),
        method: 'manual',
        applicationId: current.id,
        linkedBy: staff.id,
        email: current.email,
        locale: current.locale,
      })
      .returning({ id: identityLinks.id });
    return link!.id;
  } catch (e) {
    // Another decision linked this eID identifier in the meantime; the one-active-link index refused ours.
    if (isUniqueViolation(e)) throw conflict('caseworker.errors.linkedToOtherCpr');
    throw e;
  }
}

/** Rejects with a reason code and an explanation; the applicant gets both by email in their language. */
export async function rejectApplication(db: Db, input: CaseInput & { reason: RejectReason; text: string }): Promise<{ version: number }> {
  const result = await db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    const { override } = await assertMayDecide(tx, current, input.staff);
    const row = await applyTransition(tx, {
      applicationId: current.id,
      transition: 'reject',
      actor: staffActor(input.staff),
      current,
      expectedVersion: input.expectedVersion,
      refuse: () => changedMeanwhile(tx, current.id),
      set: { decidedAt: sql`now()`, decidedBy: input.staff.id, rejectReason: input.reason, decisionText: input.text },
      eventData: { reason: input.reason, override },
      email: (r) => ({ template: 'application-rejected', data: { reference: r.reference, reason: input.reason, text: input.text } }),
    });
    return { version: row.version };
  });
  logger.info({ applicationId: input.applicationId, staffId: input.staff.id, decision: 'rejected', reason: input.reason }, 'case decided');
  return result;
}
