// Personal data of every encrypted kind (register person, link, applications, outbox emails, a draft, a journey's
// typed CPR), written by one process and read back by another: the key-rotation test writes it under the old keys and
// reads it under the new ones, in this process and in one that no longer knows the old keys at all.
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { saveDraft, loadDraft } from '@/lib/applications/drafts';
import { findByStatusToken } from '@/lib/applications/status-token';
import { getCaseView } from '@/lib/cases/case-view';
import type { Db } from '@/lib/db';
import { getMailboxEmail } from '@/lib/email/mailbox';
import { findJourney } from '@/lib/journey';
import { createLink, lookupLink } from '@/lib/linking/links';
import { tableRegister } from '@/lib/register';
import { decryptJson } from '@/lib/security/crypto';
import { APPLICANT_CPR, applicantJourney } from './applicant';
import { caseworker, staffMember, submittedApplication } from './cases';
import { cprOf, seedRegister, seedRelyingParty } from './journey';

export type Written = Awaited<ReturnType<typeof writePersonalData>>;

export async function writePersonalData(db: Db) {
  await seedRegister(db);
  const registerCpr = cprOf('p01');
  const [identity] = await db
    .insert(s.eidIdentities)
    .values({ personIdentifier: `DE/DK/ROTATE${Date.now()}`, country: 'DE', givenNames: 'Anna', familyName: 'Schmidt', dateOfBirth: '1990-05-01', levelOfAssurance: 'substantial', issuer: 'test-eid' })
    .returning();
  await createLink(db, { identity: identity!, cpr: registerCpr, method: 'auto', reasons: [], email: 'anna@example.com', locale: 'en' });
  const first = await submittedApplication();
  const second = await submittedApplication();
  const drafting = await applicantJourney();
  await saveDraft(db, drafting.journeyId, { step: 2, idempotencyKey: crypto.randomUUID(), values: { givenNames: 'Erika', cpr: APPLICANT_CPR } as never });
  const staffId = await caseworker();
  return {
    registerCpr,
    linkedIdentifier: identity!.personIdentifier,
    applications: [first, second].map((a) => ({ applicationId: a.applicationId, reference: a.reference, token: a.token })),
    draftJourneyId: drafting.journeyId,
    staffId,
  };
}

/** Everything a person or a caseworker would see of the written data; throws if any of it cannot be decrypted. */
export async function readPersonalData(db: Db, w: Written) {
  const register = await tableRegister(db).lookup(w.registerCpr);
  const party = await seedRelyingParty(db, { name: `Reader ${crypto.randomUUID()}`, key: crypto.randomUUID() });
  const link = await lookupLink(db, party, w.linkedIdentifier);
  const cases = [];
  for (const a of w.applications) {
    const view = await getCaseView(db, a.applicationId, staffMember(w.staffId));
    cases.push({
      reference: view.application.reference,
      cpr: view.application.cpr,
      related: view.related.applications.map((r) => [r.reference, r.sharedBy]),
      statusLink: (await findByStatusToken(db, a.token)).ok,
    });
  }
  const outbox = await db.select({ id: s.emailOutbox.id }).from(s.emailOutbox);
  const emails = [];
  for (const { id } of outbox) emails.push((await getMailboxEmail(db, id))!.subject);
  const draft = await loadDraft(db, w.draftJourneyId);
  const journey = await findJourney(db, w.draftJourneyId);
  return {
    register: register && { cpr: register.cpr, familyName: register.familyName },
    link: link && { cpr: link.cpr, method: link.method },
    cases,
    emails: emails.sort(),
    draft: draft && { givenNames: draft.values.givenNames, cpr: draft.values.cpr },
    typed: decryptJson<{ cpr: string }>(journey!.typedEnc!).cpr,
  };
}

/** A journey whose typed data was encrypted before ciphertexts carried a key id (format v1), with `key`. */
export async function legacyTypedJourney(db: Db, key: string, legacyEncrypt: (plain: string, key: string) => string) {
  const journey = await applicantJourney();
  await db.update(s.journeys).set({ typedEnc: legacyEncrypt(JSON.stringify({ cpr: APPLICANT_CPR, email: 'old@example.com' }), key) }).where(eq(s.journeys.id, journey.journeyId));
  return journey.journeyId;
}


