// Caseworker decisions on a manual application: take (next or a given case), release, approve, reject.
// Each is one transaction: the versioned state change, its history event and its email commit together or not at all.
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { applications, identityLinks } from '@/db/schema';
import type { rejectReasons } from '@/lib/vocabulary';
import type { Staff } from '@/lib/auth';
import { recordEvent } from '@/lib/audit';
import { applyTransition, assertMayDecide, changedMeanwhile, loadCase } from '@/lib/cases/transition';
import { isUniqueViolation, type Db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { connectionPageUrl } from '@/lib/linking/links';
import { conflict } from '@/lib/errors';
import { logger } from '@/lib/log';
import { getRegister, type CprRegister } from '@/lib/register';
import { cprIndexColumns, decrypt, encrypt, sameCprIndex } from '@/lib/security/crypto';
import { openStates, transitions } from './states';

type CaseInput = { applicationId: string; expectedVersion: number; staff: Staff };

const STATUS_LINK_DAYS_AFTER_DECISION = 30;
const statusLinkExpiry = sql`now() + make_interval(days => ${STATUS_LINK_DAYS_AFTER_DECISION})`;
const staffActor = (staff: Staff) => ({ type: 'staff' as const, id: staff.id });

/**
 * Assigns the oldest waiting, unassigned application to the caseworker. SKIP LOCKED lets two caseworkers pressing
 * "Take next case" at the same moment each get a different case (or none), never the same one.
 */
export async function takeNextCase(db: Db, staff: Staff): Promise<{ applicationId: string } | null> {
  const taken = await db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: applications.id, version: applications.version })
      .from(applications)
      // Literal predicates, so the partial index applications_queue_next serves this query.
      .where(sql`${applications.state} = 'submitted' and ${applications.assignedTo} is null`)
      .orderBy(asc(applications.submittedAt), asc(applications.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    const [updated] = await tx
      .update(applications)
      .set({ state: 'in_review', assignedTo: staff.id, assignedAt: sql`now()`, lastActivityAt: sql`now()`, updatedAt: sql`now()`, version: sql`${applications.version} + 1` })
      .where(and(eq(applications.id, next.id), eq(applications.version, next.version)))
      .returning({ id: applications.id });
    if (!updated) return null;
    await recordEvent(tx, { applicationId: next.id, actor: staffActor(staff), type: transitions.take.event, data: { next: true } });
    return { applicationId: next.id };
  });
  if (taken) logger.info({ applicationId: taken.applicationId, staffId: staff.id }, 'case taken');
  return taken;
}

/** Takes one particular waiting case (opened from the queue). */
export async function takeCase(db: Db, input: CaseInput): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.assignedTo) throw await changedMeanwhile(tx, current.id);
    const row = await applyTransition(tx, current, {
      expectedVersion: input.expectedVersion,
      transition: 'take',
      set: { assignedTo: input.staff.id, assignedAt: sql`now()` },
    });
    await recordEvent(tx, { applicationId: current.id, actor: staffActor(input.staff), type: transitions.take.event });
    return { version: row.version };
  });
}

/** Gives a case back to the queue, unassigned. The assignee may do it, or a supervisor (recorded as an override). */
export async function releaseCase(db: Db, input: CaseInput): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    const { override } = await assertMayDecide(tx, current, input.staff);
    const row = await applyTransition(tx, current, {
      expectedVersion: input.expectedVersion,
      transition: 'release',
      set: { assignedTo: null, assignedAt: null },
    });
    await recordEvent(tx, { applicationId: current.id, actor: staffActor(input.staff), type: transitions.release.event, data: { override } });
    return { version: row.version };
  });
}

/**
 * Approves: links the application's eID identity to its CPR number (method manual) and tells the applicant.
 * Refused when the eID identifier is already linked to another CPR number, or the register has no living person.
 */
/** Other open applications for the same CPR number: one of them may be the real holder, so approving needs a look. */
async function otherOpenForCpr(tx: Parameters<Parameters<Db['transaction']>[0]>[0], current: { id: string; cprIndex: string }) {
  return tx
    .select({ reference: applications.reference })
    .from(applications)
    .where(and(eq(applications.cprIndex, current.cprIndex), ne(applications.id, current.id), inArray(applications.state, [...openStates])));
}

export async function approveApplication(db: Db, input: CaseInput & { register?: CprRegister; confirmedOthers?: boolean }): Promise<{ linkId: string; version: number }> {
  const result = await db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    const { override } = await assertMayDecide(tx, current, input.staff);
    if (!current.personIdentifier) throw conflict('caseworker.errors.noEidIdentity');
    const cpr = decrypt(current.cprEnc);
    const record = await (input.register ?? getRegister(tx)).lookup(cpr);
    if (!record) throw conflict('caseworker.errors.notInRegister');
    if (record.status === 'deceased') throw conflict('caseworker.errors.registerDeceased');
    const [active] = await tx
      .select({ id: identityLinks.id, cprIndex: identityLinks.cprIndex, cprIndexPrev: identityLinks.cprIndexPrev })
      .from(identityLinks)
      .where(and(eq(identityLinks.personIdentifier, current.personIdentifier), isNull(identityLinks.revokedAt)));
    if (active && !sameCprIndex(active, current)) throw conflict('caseworker.errors.linkedToOtherCpr');
    const others = await otherOpenForCpr(tx, current);
    if (others.length && !input.confirmedOthers) throw conflict('caseworker.errors.confirmOthers');

    const row = await applyTransition(tx, current, {
      expectedVersion: input.expectedVersion,
      transition: 'approve',
      set: { decidedAt: sql`now()`, decidedBy: input.staff.id, statusTokenExpiresAt: statusLinkExpiry },
    });
    let linkId = active?.id;
    if (!linkId) {
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
            linkedBy: input.staff.id,
            email: current.email,
            locale: current.locale,
          })
          .returning({ id: identityLinks.id });
        linkId = link!.id;
      } catch (e) {
        // Another decision linked this eID identifier in the meantime; the one-active-link index refused ours.
        if (isUniqueViolation(e)) throw conflict('caseworker.errors.linkedToOtherCpr');
        throw e;
      }
    }
    await recordEvent(tx, {
      applicationId: current.id,
      actor: staffActor(input.staff),
      type: transitions.approve.event,
      data: { linkId, override, alreadyLinked: Boolean(active), ...(others.length ? { confirmedOthers: others.map((o) => o.reference) } : {}) },
    });
    await enqueueEmail(tx, { to: current.email, personIdentifier: current.personIdentifier, template: 'application-approved', locale: current.locale, data: { reference: current.reference, connectionUrl: connectionPageUrl() } });
    return { linkId, version: row.version };
  });
  logger.info({ applicationId: input.applicationId, staffId: input.staff.id, decision: 'approved' }, 'case decided');
  return result;
}

/** Rejects with a reason code and an explanation; the applicant gets both by email in their language. */
export async function rejectApplication(
  db: Db,
  input: CaseInput & { reason: (typeof rejectReasons)[number]; text: string },
): Promise<{ version: number }> {
  const result = await db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    const { override } = await assertMayDecide(tx, current, input.staff);
    const row = await applyTransition(tx, current, {
      expectedVersion: input.expectedVersion,
      transition: 'reject',
      set: { decidedAt: sql`now()`, decidedBy: input.staff.id, rejectReason: input.reason, decisionText: input.text, statusTokenExpiresAt: statusLinkExpiry },
    });
    await recordEvent(tx, { applicationId: current.id, actor: staffActor(input.staff), type: transitions.reject.event, data: { reason: input.reason, override } });
    await enqueueEmail(tx, {
      to: current.email,
      personIdentifier: current.personIdentifier,
      template: 'application-rejected',
      locale: current.locale,
      data: { reference: current.reference, reason: input.reason, text: input.text },
    });
    return { version: row.version };
  });
  logger.info({ applicationId: input.applicationId, staffId: input.staff.id, decision: 'rejected', reason: input.reason }, 'case decided');
  return result;
}
