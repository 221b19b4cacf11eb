import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as answer } from '@/app/api/v1/applications/status/answer/route';
import { POST as uploadForAnswer } from '@/app/api/v1/applications/status/uploads/route';
import { applicationEvents, applications, documents, infoRequests } from '@/db/schema';
import { requestMoreInformation } from '@/lib/applications/request-info';
import { getApplicantStatus } from '@/lib/applications/status';
import { findByStatusToken } from '@/lib/applications/status-token';
import { listQueue } from '@/lib/cases/queue';
import { parseQueueFilters } from '@/lib/cases/queue-filters';
import { getDb } from '@/lib/db';
import { blindIndex } from '@/lib/security/crypto';
import { documentPhoto, heicLikeFile } from '../support/test-images';
import { jsonRequest, uploadRequest } from './support/applicant';
import { awaitingApplicant, caseworker, staffMember, submittedApplication } from './support/cases';
import { emailsAbout } from './support/mail';

const ctx = undefined as never;
const sessionCookie = (token: string) => `im_status=${token}`;
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

async function uploadAnswerPhoto(token: string, kind = 'passport_photo', bytes?: Buffer) {
  const res = await uploadForAnswer(uploadRequest('/api/v1/applications/status/uploads', { bytes: bytes ?? (await documentPhoto(kind as 'passport_photo')) }, { cookie: sessionCookie(token), kind }), ctx);
  return { status: res.status, body: (await res.json()) as { id: string } & Partial<ErrorBody> };
}

async function sendAnswer(token: string, body: unknown) {
  const res = await answer(jsonRequest('/api/v1/applications/status/answer', body, { cookie: sessionCookie(token) }), ctx);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & Partial<ErrorBody> };
}

const photoAndName = [{ type: 'photo', target: 'passport_photo' }, { type: 'field', target: 'familyName' }, { type: 'field', target: 'cpr' }];

describe('a request for more information (service used by the back-office)', () => {
  it('puts the application in awaiting_applicant, stores the request and emails a renewed status link', async () => {
    const app = await awaitingApplicant(photoAndName);
    const db = getDb();
    const [row] = await db.select().from(applications).where(eq(applications.id, app.applicationId));
    expect(row).toMatchObject({ state: 'awaiting_applicant', version: 3 });
    const emails = await emailsAbout(app.reference);
    expect(emails[0]!.subject).toBe(`We need more information for your application ${app.reference}`);
    expect(app.token).not.toBe(app.oldToken);
    expect(await findByStatusToken(db, app.token)).toEqual({ ok: true, applicationId: app.applicationId });
    expect(await findByStatusToken(db, app.oldToken)).toEqual({ ok: false, reason: 'invalid' });

    const status = await getApplicantStatus(db, app.applicationId);
    expect(status!.openRequest).toMatchObject({ message: 'Please send a sharper photo of your passport and check your family name.', items: photoAndName });
    expect(status!.history.map((h) => h.type)).toEqual(['submitted', 'taken', 'info_requested']);
  });

  it('is only possible for a case under review, with items and a message', async () => {
    const app = await submittedApplication();
    const staffId = await caseworker();
    await expect(requestMoreInformation(getDb(), { applicationId: app.applicationId, staff: staffMember(staffId), expectedVersion: 1, items: photoAndName as never, message: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(requestMoreInformation(getDb(), { applicationId: app.applicationId, staff: staffMember(staffId), expectedVersion: 1, items: [], message: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(requestMoreInformation(getDb(), { applicationId: app.applicationId, staff: staffMember(staffId), expectedVersion: 1, items: [{ type: 'field', target: 'password' }] as never, message: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('answering a request for more information', () => {
  it('sends a new photo, corrected fields and a message: back in the queue, with what changed recorded', async () => {
    const app = await awaitingApplicant(photoAndName);
    const photo = await uploadAnswerPhoto(app.token);
    expect(photo.status).toBe(201);
    const res = await sendAnswer(app.token, {
      expectedVersion: 3,
      message: 'Here is a sharper photo. My family name has an umlaut.',
      photos: { passport_photo: photo.body.id },
      fields: { familyName: 'Müstermann', cpr: '150385-1235' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ changedFields: ['familyName', 'cpr'], photos: ['passport_photo'] });

    const db = getDb();
    const [row] = await db.select().from(applications).where(eq(applications.id, app.applicationId));
    expect(row).toMatchObject({ state: 'submitted', version: 4, familyName: 'Müstermann', assignedTo: null, cprIndex: blindIndex('1503851235') });
    // The queue finds the corrected name, spelled the ICAO way too.
    const found = await listQueue(db, parseQueueFilters({ q: 'muestermann' }), { staffId: app.staffId, targetDays: 5 });
    expect(found.rows.map((r) => r.reference)).toEqual([row!.reference]);

    const docs = await db.select().from(documents).where(eq(documents.applicationId, app.applicationId));
    expect(docs.map((d) => [d.id, d.round, d.pendingApplicationId])).toEqual(
      expect.arrayContaining([
        [app.photo, 1, null],
        [photo.body.id, 2, null],
      ]),
    );

    const [request] = await db.select().from(infoRequests).where(eq(infoRequests.applicationId, app.applicationId));
    expect(request!.answeredAt).not.toBeNull();
    expect(request!.answerMessage).toBe('Here is a sharper photo. My family name has an umlaut.');
    expect(request!.answerChanges).toEqual({ fields: { familyName: { from: 'Mustermann', to: 'Müstermann' }, cpr: { changed: true } }, photos: ['passport_photo'] });

    const [event] = await db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app.applicationId), eq(applicationEvents.type, 'answered')));
    expect(event).toMatchObject({ actorType: 'applicant', data: { from: 'awaiting_applicant', to: 'submitted', changedFields: ['familyName', 'cpr'], photos: ['passport_photo'], message: true } });
    expect(JSON.stringify(event!.data)).not.toMatch(/150385/);

    const status = await getApplicantStatus(db, app.applicationId);
    expect(status!.history.map((h) => h.type)).toEqual(['submitted', 'taken', 'info_requested', 'answered']);
    expect(status!.openRequest).toBeNull();
    expect((await emailsAbout(app.reference))[0]!.subject).toBe(`We have received your answer (${app.reference})`);
  });

  it('records no change when a requested field is sent back unchanged', async () => {
    const app = await awaitingApplicant([{ type: 'field', target: 'documentNumber' }, { type: 'question' }]);
    const res = await sendAnswer(app.token, { expectedVersion: 3, fields: { documentNumber: 'C01X00T47' }, message: 'The number is right.' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ changedFields: [], photos: [] });
  });

  it('refuses an answer without the requested photo or the answer to a question, field by field', async () => {
    const app = await awaitingApplicant([{ type: 'photo', target: 'passport_photo' }, { type: 'question' }]);
    const res = await sendAnswer(app.token, { expectedVersion: 3, fields: { familyName: 'Other' } });
    expect(res.status).toBe(400);
    expect(res.body.error!.fields).toEqual({
      'fields.familyName': ['This information was not asked for.'],
      'photos.passport_photo': ['Add the photo we asked for.'],
      message: ["Write an answer to the caseworker's question."],
    });
    const [row] = await getDb().select().from(applications).where(eq(applications.id, app.applicationId));
    expect(row).toMatchObject({ state: 'awaiting_applicant', familyName: 'Mustermann', version: 3 });
  });

  it('refuses an empty answer and a wrong correction', async () => {
    const app = await awaitingApplicant([{ type: 'field', target: 'email' }, { type: 'field', target: 'documentExpiry' }]);
    expect((await sendAnswer(app.token, { expectedVersion: 3 })).body.error!.fields).toEqual({ _form: ['Add a photo, a correction or a message before you send your answer.'] });
    const wrong = await sendAnswer(app.token, { expectedVersion: 3, fields: { email: 'not an email', documentExpiry: { day: '1', month: '1', year: '2001' } } });
    expect(wrong.body.error!.fields).toEqual({
      'fields.email': ['Enter a valid email address, for example name@example.com.'],
      'fields.documentExpiry': ['This document has expired. Please apply with a passport or ID card that is still valid.'],
    });
  });

  it('refuses a photo uploaded for another application', async () => {
    const mine = await awaitingApplicant(photoAndName);
    const theirs = await awaitingApplicant(photoAndName);
    const theirPhoto = await uploadAnswerPhoto(theirs.token);
    const res = await sendAnswer(mine.token, { expectedVersion: 3, photos: { passport_photo: theirPhoto.body.id } });
    expect(res.status).toBe(400);
    expect(res.body.error!.fields).toMatchObject({ 'photos.passport_photo': ['Add the photo we asked for.'] });
  });

  it('refuses a stale answer and an answer when nothing was asked', async () => {
    const app = await awaitingApplicant([{ type: 'question' }]);
    expect((await sendAnswer(app.token, { expectedVersion: 2, message: 'Hello' })).status).toBe(409);
    expect((await sendAnswer(app.token, { expectedVersion: 3, message: 'Hello' })).status).toBe(200);
    const twice = await sendAnswer(app.token, { expectedVersion: 4, message: 'Hello again' });
    expect(twice.status).toBe(409);
    expect(twice.body.error!.message).toBe('There is no open request for more information on this application.');
    expect((await uploadAnswerPhoto(app.token)).status).toBe(409);
  });

  it('applies the same upload checks to photos sent with an answer', async () => {
    const app = await awaitingApplicant(photoAndName);
    const heic = await uploadAnswerPhoto(app.token, 'passport_photo', heicLikeFile());
    expect(heic.status).toBe(415);
    expect(heic.body.error!.message).toBe('We cannot read HEIC photos. Take the photo again or choose a JPEG.');
    expect(await getDb().select().from(documents).where(eq(documents.pendingApplicationId, app.applicationId))).toEqual([]);
  });
});
