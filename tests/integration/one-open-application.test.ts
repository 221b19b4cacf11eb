// One open application per eID identity, through the application routes: a second submission is refused (and the
// database refuses it too), and the open application's status link is sent again, fresh, to the email on it.
import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { POST as submitRoute } from '@/app/api/v1/applications/route';
import { POST as resendRoute } from '@/app/api/v1/applications/status-link/route';
import { applicationEvents, applications, eidIdentities, emailOutbox, statusLinks } from '@/db/schema';
import { findByStatusToken } from '@/lib/applications/status-token';
import { withdrawApplication } from '@/lib/applications/withdraw';
import { getDb } from '@/lib/db';
import { createJourney, JOURNEY_COOKIE, signJourneyId } from '@/lib/journey';
import { randomToken, sha256 } from '@/lib/security/crypto';
import { APPLICANT_CPR, BASE, jsonRequest, uploadPhoto, validValues } from './support/applicant';
import { submittedApplication } from './support/cases';
import { createApplication } from './support/fixtures';
import { emailsAbout, latestStatusToken } from './support/mail';

const db = () => getDb();
const ctx = undefined as never;

/** The same person logging in with their eID again later: a new journey and a new eID assertion, same identifier. */
async function laterLogin(eidIdentityId: string) {
  const [first] = await db().select().from(eidIdentities).where(eq(eidIdentities.id, eidIdentityId));
  const { id: _id, receivedAt: _at, ...same } = first!;
  const [again] = await db().insert(eidIdentities).values(same).returning({ id: eidIdentities.id });
  const journey = await createJourney(db(), { eidIdentityId: again!.id, country: 'DE' });
  return { personIdentifier: first!.personIdentifier, cookie: `${JOURNEY_COOKIE}=${signJourneyId(journey.id)}` };
}

const openOf = (personIdentifier: string) =>
  db().select({ reference: applications.reference }).from(applications).where(and(eq(applications.personIdentifier, personIdentifier), eq(applications.state, 'submitted')));

function resend(cookie: string) {
  return resendRoute(new NextRequest(`${BASE}/api/v1/applications/status-link`, { method: 'POST', headers: { cookie, origin: BASE } }), ctx);
}

describe('one open application per eID identity', () => {
  it('refuses a second application from the same eID while the first is open, and names no other data', async () => {
    const first = await submittedApplication();
    const later = await laterLogin(first.eidIdentityId!);
    const photo = await uploadPhoto(later.cookie);
    const res = await submitRoute(jsonRequest('/api/v1/applications', { idempotencyKey: crypto.randomUUID(), values: validValues({ passport_photo: photo }) }, { cookie: later.cookie }), ctx);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'CONFLICT', message: 'You already have an application in progress. Use the link in the email we sent you to follow it.' });
    expect(await openOf(later.personIdentifier)).toEqual([{ reference: first.reference }]);
  });

  it('is enforced by the database, and a closed application makes room for a new one', async () => {
    const app = await createApplication();
    await expect(createApplication({ eid: { personIdentifier: app.personIdentifier! } })).rejects.toMatchObject({ cause: { constraint_name: 'applications_one_open_per_identifier' } });
    await createApplication({ eid: { personIdentifier: app.personIdentifier! }, state: 'rejected' });
    await db().update(applications).set({ state: 'withdrawn' }).where(eq(applications.id, app.id));
    await expect(createApplication({ eid: { personIdentifier: app.personIdentifier! } })).resolves.toMatchObject({ state: 'submitted' });
  });

  it('allows a new application after the applicant withdrew the open one', async () => {
    const first = await submittedApplication();
    await withdrawApplication(db(), first.applicationId, { expectedVersion: 1 });
    const later = await laterLogin(first.eidIdentityId!);
    const photo = await uploadPhoto(later.cookie);
    const res = await submitRoute(jsonRequest('/api/v1/applications', { idempotencyKey: crypto.randomUUID(), values: validValues({ passport_photo: photo }) }, { cookie: later.cookie }), ctx);
    expect(res.status).toBe(201);
  });
});

describe('sending the status link again', () => {
  it('emails a fresh link to the address on the application; the old links stop working', async () => {
    const first = await submittedApplication();
    // A reminder's further link, beside the one from the receipt.
    const reminderToken = randomToken();
    await db().insert(statusLinks).values({ applicationId: first.applicationId, tokenHash: sha256(reminderToken) });
    expect(await findByStatusToken(db(), reminderToken)).toEqual({ ok: true, applicationId: first.applicationId });
    const later = await laterLogin(first.eidIdentityId!);
    const res = await resend(later.cookie);
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!).pathname + new URL(res.headers.get('location')!).search).toBe('/apply?link=sent');
    const [email] = await db().select().from(emailOutbox).where(and(eq(emailOutbox.template, 'status-link'), eq(emailOutbox.toAddress, 'erika@example.com'))).orderBy(emailOutbox.createdAt);
    expect(email).toBeTruthy();
    // What the person reads: the reference and a fresh link, never the CPR number.
    const [received] = (await emailsAbout(first.reference)).filter((m) => m.template === 'status-link');
    expect(received!.subject).toBe(`A new link to your application ${first.reference}`);
    expect(received!.to).toBe('erika@example.com');
    for (const part of [received!.subject, received!.text, received!.html]) {
      expect(part).not.toContain(APPLICANT_CPR);
      expect(part).not.toContain(APPLICANT_CPR.replace('-', ''));
    }
    const fresh = await latestStatusToken(first.reference);
    expect(received!.text).toContain(`/status#${fresh}`);
    expect(fresh).not.toBe(first.token);
    expect(await findByStatusToken(db(), fresh)).toEqual({ ok: true, applicationId: first.applicationId });
    expect(await findByStatusToken(db(), first.token)).toEqual({ ok: false, reason: 'invalid' });
    expect(await findByStatusToken(db(), reminderToken)).toEqual({ ok: false, reason: 'invalid' });
    expect(await db().$count(applicationEvents, and(eq(applicationEvents.applicationId, first.applicationId), eq(applicationEvents.type, 'status_link_resent')))).toBe(1);
    // Still the one application for this eID.
    expect(await db().$count(applications, eq(applications.personIdentifier, later.personIdentifier))).toBe(1);
  });

  it('sends it at most three times an hour, then says so', async () => {
    const first = await submittedApplication();
    const later = await laterLogin(first.eidIdentityId!);
    const places: string[] = [];
    for (let i = 0; i < 4; i++) places.push(new URL((await resend(later.cookie)).headers.get('location')!).search);
    expect(places).toEqual(['?link=sent', '?link=sent', '?link=sent', '?link=limited']);
  });
});
