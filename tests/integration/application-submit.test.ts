import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { POST as submit } from '@/app/api/v1/applications/route';
import { PUT as saveDraftRoute } from '@/app/api/v1/applications/draft/route';
import { applicationDrafts, applicationEvents, applications, documents, emailOutbox, journeys } from '@/db/schema';
import type { ApplicantJourney } from '@/lib/applications/access';
import { loadDraft, saveDraft } from '@/lib/applications/drafts';
import { formStart } from '@/lib/applications/prefill';
import { referencePattern } from '@/lib/applications/reference';
import { getDb } from '@/lib/db';
import { getMailboxEmail } from '@/lib/email/mailbox';
import { findJourney } from '@/lib/journey';
import { decrypt, decryptJson } from '@/lib/security/crypto';
import { APPLICANT_CPR, applicantJourney, BASE, jsonRequest, uploadPhoto, validValues } from './support/applicant';

const ctx = undefined as never;
const key = () => crypto.randomUUID();

async function post(cookie: string, body: unknown) {
  const res = await submit(jsonRequest('/api/v1/applications', body, { cookie }), ctx);
  return { status: res.status, body: (await res.json()) as { reference?: string; error?: { code: string; message: string; fields?: Record<string, string[]>; step?: number } } };
}

describe('submitting the manual application', () => {
  it('creates the application in one go: submitted, photo attached, history, receipt email with reference and status link', async () => {
    const applicant = await applicantJourney();
    const photo = await uploadPhoto(applicant.cookie);
    const { status, body } = await post(applicant.cookie, { idempotencyKey: key(), values: validValues({ passport_photo: photo }) });
    expect(status).toBe(201);
    expect(body.reference).toMatch(referencePattern);

    const db = getDb();
    const [app] = await db.select().from(applications).where(eq(applications.reference, body.reference!));
    expect(app).toMatchObject({
      state: 'submitted',
      version: 1,
      eidIdentityId: applicant.eidIdentityId,
      country: 'DE',
      documentType: 'passport',
      givenNames: 'Erika',
      familyName: 'Mustermann',
      dateOfBirth: '1985-03-15',
      documentNumber: 'C01X00T47',
      email: 'erika@example.com',
      phone: null,
      locale: 'en',
      matchReasons: ['name_fuzzy_family'],
      statusTokenExpiresAt: null,
    });
    expect(decrypt(app!.cprEnc)).toBe('1503851234');
    expect(app!.statusTokenHash).toMatch(/^[0-9a-f]{64}$/);

    const docs = await db.select().from(documents).where(eq(documents.applicationId, app!.id));
    expect(docs.map((d) => [d.id, d.kind, d.round])).toEqual([[photo, 'passport_photo', 1]]);
    const events = await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, app!.id));
    expect(events.map((e) => [e.type, e.actorType])).toEqual([['submitted', 'applicant']]);

    const [outbox] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'erika@example.com'));
    const email = await getMailboxEmail(db, outbox!.id);
    expect(email!.subject).toBe(`We have received your application ${body.reference}`);
    expect(email!.text).toContain(`Your reference number is ${body.reference}`);
    expect(email!.html).toMatch(/href="http:\/\/localhost:\d+\/status#[A-Za-z0-9_-]{43}"/);
    expect(email!.text).not.toMatch(/1503851234|150385-1234/);

    // The draft is gone and the journey remembers the application, for the receipt after a reload.
    expect(await db.select().from(applicationDrafts).where(eq(applicationDrafts.journeyId, applicant.journeyId))).toEqual([]);
    const [journey] = await db.select().from(journeys).where(eq(journeys.id, applicant.journeyId));
    expect(journey!.state).toMatchObject({ applicationId: app!.id, matchReasons: ['name_fuzzy_family'] });
  });

  it('returns the same application for a retried submit, never a second one (also when the retries race)', async () => {
    const applicant = await applicantJourney();
    const photo = await uploadPhoto(applicant.cookie);
    const body = { idempotencyKey: key(), values: validValues({ passport_photo: photo }) };
    const results = await Promise.all([post(applicant.cookie, body), post(applicant.cookie, body), post(applicant.cookie, body)]);
    const references = new Set(results.map((r) => r.body.reference));
    expect(references.size).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const again = await post(applicant.cookie, body);
    expect(again).toEqual({ status: 200, body: { reference: results[0]!.body.reference } });

    const db = getDb();
    const apps = await db.select().from(applications).where(eq(applications.eidIdentityId, applicant.eidIdentityId!));
    expect(apps).toHaveLength(1);
    const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'applicationReceived'));
    const forThisOne = emails.filter((e) => decryptJson<{ reference: string }>(e.dataEnc).reference === apps[0]!.reference);
    expect(forThisOne).toHaveLength(1);
  });

  it('does not hand out an application to another applicant who sends the same key', async () => {
    const first = await applicantJourney();
    const other = await applicantJourney();
    const idempotencyKey = key();
    expect((await post(first.cookie, { idempotencyKey, values: validValues({ passport_photo: await uploadPhoto(first.cookie) }) })).status).toBe(201);
    const res = await post(other.cookie, { idempotencyKey, values: validValues({ passport_photo: await uploadPhoto(other.cookie) }) });
    expect(res.status).toBe(409);
    expect(res.body.reference).toBeUndefined();
  });

  it('refuses a submit with a photo missing, and says to go back to the photos step', async () => {
    const applicant = await applicantJourney();
    const res = await post(applicant.cookie, { idempotencyKey: key(), values: validValues({}) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', step: 3, fields: { 'photos.passport_photo': ['Add a photo of your document.'] } });

    const idCard = await post(applicant.cookie, { idempotencyKey: key(), values: validValues({ id_front: await uploadPhoto(applicant.cookie, 'id_front') }, { documentType: 'id_card' }) });
    expect(idCard.body.error).toMatchObject({ step: 3, fields: { 'photos.id_back': ['Add a photo of your document.'] } });
    expect(await getDb().select().from(applications).where(eq(applications.eidIdentityId, applicant.eidIdentityId!))).toEqual([]);
  });

  it('refuses a photo uploaded by someone else', async () => {
    const thief = await applicantJourney();
    const victim = await applicantJourney();
    const theirs = await uploadPhoto(victim.cookie);
    const res = await post(thief.cookie, { idempotencyKey: key(), values: validValues({ passport_photo: theirs }) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ step: 3, fields: { 'photos.passport_photo': ['Add a photo of your document.'] } });
  });

  it('lists every wrong field with its translated message and the first step to fix', async () => {
    const applicant = await applicantJourney();
    const photo = await uploadPhoto(applicant.cookie);
    const res = await post(applicant.cookie, {
      idempotencyKey: key(),
      values: validValues(
        { passport_photo: photo },
        { givenNames: ' ', cpr: '320185-1234', emailConfirm: 'other@example.com', documentExpiry: { day: '1', month: '1', year: '2020' }, dateOfBirth: { day: '31', month: '2', year: '1990' }, phone: 'call me' },
      ),
    });
    expect(res.status).toBe(400);
    expect(res.body.error!.step).toBe(2);
    expect(res.body.error!.fields).toEqual({
      givenNames: ['This field is required.'],
      cpr: ['The first six digits of a CPR number are a date (day, month, year). Please check the number.'],
      emailConfirm: ['The two email addresses are not the same.'],
      documentExpiry: ['This document has expired. Please apply with a passport or ID card that is still valid.'],
      dateOfBirth: ['Enter a real date, for example 27 3 1985.'],
      phone: ['Enter a phone number with digits only, for example +45 12 34 56 78.'],
    });
  });

  it('refuses a submit without consent, a submit without an eID login, and malformed JSON', async () => {
    const applicant = await applicantJourney();
    const photo = await uploadPhoto(applicant.cookie);
    const noConsent = await post(applicant.cookie, { idempotencyKey: key(), values: validValues({ passport_photo: photo }, { consent: false }) });
    expect(noConsent.body.error).toMatchObject({ step: 4, fields: { consent: ['Confirm that the information is correct and that we may process it.'] } });
    const noEid = await applicantJourney({ eid: false });
    expect((await post(noEid.cookie, { idempotencyKey: key(), values: validValues({ passport_photo: photo }) })).status).toBe(403);
    const malformed = await submit(new NextRequest(`${BASE}/api/v1/applications`, { method: 'POST', headers: { cookie: applicant.cookie, 'content-type': 'application/json' }, body: '{"idempotencyKey": ' }), ctx);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { message: string } }).error.message).toBe('The request could not be read.');
  });
});

describe('where the form starts', () => {
  it('starts from the eID login and what was typed in the automatic step', async () => {
    const applicant = await applicantJourney();
    const journey = (await findJourney(getDb(), applicant.journeyId)) as ApplicantJourney;
    const start = await formStart(getDb(), journey);
    expect(start.step).toBe(1);
    expect(start.values).toMatchObject({
      country: 'DE',
      nationality: 'DE',
      givenNames: 'Erika',
      familyName: 'Mustermann',
      dateOfBirth: { day: '15', month: '3', year: '1985' },
      cpr: APPLICANT_CPR,
      email: 'erika@example.com',
      emailConfirm: '',
    });
  });

  it('continues from the draft, with only the photos that still belong to this journey', async () => {
    const applicant = await applicantJourney();
    const stranger = await applicantJourney();
    const mine = await uploadPhoto(applicant.cookie);
    const theirs = await uploadPhoto(stranger.cookie, 'id_front');
    const db = getDb();
    const idempotencyKey = key();
    await saveDraft(db, applicant.journeyId, { step: 3, idempotencyKey, values: { documentType: 'passport', familyName: 'Mustermann-Schmidt', photos: { passport_photo: mine, id_front: theirs } } });
    const start = await formStart(db, (await findJourney(db, applicant.journeyId)) as ApplicantJourney);
    expect(start).toMatchObject({ step: 3, idempotencyKey, values: { documentType: 'passport', familyName: 'Mustermann-Schmidt', givenNames: 'Erika', photos: { passport_photo: mine } } });
    expect(start.photos).toEqual({ passport_photo: { id: mine, kind: 'passport_photo', qualityHints: [] } });
  });
});

describe('the draft', () => {
  it('keeps the form as typed for 24 hours under the journey, encrypted', async () => {
    const applicant = await applicantJourney();
    const draft = { step: 3, idempotencyKey: key(), values: { country: 'DE', documentType: 'passport', cpr: APPLICANT_CPR, givenNames: 'Erika', dateOfBirth: { day: '15', month: '3', year: '1985' } } };
    const res = await saveDraftRoute(jsonRequest('/api/v1/applications/draft', draft, { cookie: applicant.cookie, method: 'PUT' }), ctx);
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/im_journey=.+Max-Age=86400/);
    const db = getDb();
    const [row] = await db.select().from(applicationDrafts).where(eq(applicationDrafts.journeyId, applicant.journeyId));
    expect(row!.dataEnc).not.toContain('150385');
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 23.9 * 3600_000);
    expect(await loadDraft(db, applicant.journeyId)).toMatchObject(draft);

    await db.update(applicationDrafts).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(applicationDrafts.journeyId, applicant.journeyId));
    expect(await loadDraft(db, applicant.journeyId)).toBeNull();
  });

  it('refuses a draft with a wrong shape or without a journey', async () => {
    const applicant = await applicantJourney();
    const bad = await saveDraftRoute(jsonRequest('/api/v1/applications/draft', { step: 9, idempotencyKey: 'x', values: {} }, { cookie: applicant.cookie, method: 'PUT' }), ctx);
    expect(bad.status).toBe(400);
    const none = await saveDraftRoute(jsonRequest('/api/v1/applications/draft', { step: 1, idempotencyKey: key(), values: {} }, { method: 'PUT' }), ctx);
    expect(none.status).toBe(401);
  });
});
