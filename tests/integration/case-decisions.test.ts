import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications, emailOutbox, identityLinks, infoRequests } from '@/db/schema';
import { getCaseView } from '@/lib/cases/case-view';
import { approveApplication, rejectApplication } from '@/lib/applications/decisions';
import { takeCase } from '@/lib/cases/assignments';
import { requestMoreInformation } from '@/lib/applications/request-info';
import type { Staff } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { renderEmail } from '@/lib/email';
import { AppError } from '@/lib/errors';
import { blindIndex, decryptJson, encrypt, sha256 } from '@/lib/security/crypto';
import { createApplication, createRegisterPerson, staffOf, stateOf, uniqueCpr } from './support/fixtures';
import { createStaff } from './support/staff';

let camilla: Staff;
let kasper: Staff;
let sofie: Staff;

beforeAll(async () => {
  camilla = staffOf(await createStaff('camilla@example.dk', 'caseworker', 'Camilla'));
  kasper = staffOf(await createStaff('kasper@example.dk', 'caseworker', 'Kasper'));
  sofie = staffOf(await createStaff('sofie@example.dk', 'supervisor', 'Sofie'));
});

/** A waiting application whose CPR number is in the register, taken by `staff`. */
async function caseInReview(staff: Staff, overrides: Parameters<typeof createApplication>[0] = {}) {
  const cpr = uniqueCpr('1985-06-15');
  await createRegisterPerson({ cpr, givenNames: 'Anna', familyName: 'Mueller', dateOfBirth: '1985-06-15' });
  const app = await createApplication({ cpr, ...overrides });
  const { version } = await takeCase(getDb(), { applicationId: app.id, expectedVersion: app.version, staff });
  return { ...app, version };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

async function outboxFor(to: string) {
  const rows = await getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, to));
  return Promise.all(rows.map(async (r) => ({ template: r.template, data: decryptJson<Record<string, string>>(r.dataEnc), ...(await renderEmail(r.template, r.locale, decryptJson(r.dataEnc))) })));
}

describe('approving an application', () => {
  it('asks the caseworker to confirm having looked at another open application for the same CPR number, and records it', async () => {
    const app = await caseInReview(camilla);
    const other = await createApplication({ cpr: app.cpr });
    const view = await getCaseView(getDb(), app.id, camilla);
    expect(view.otherOpenForCpr).toBe(1);
    const refused = await refusal(approveApplication(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: camilla }));
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'caseworker.errors.confirmOthers' });
    expect(await stateOf(app.id)).toMatchObject({ state: 'in_review', version: app.version });
    expect(await getDb().$count(identityLinks, eq(identityLinks.personIdentifier, app.personIdentifier!))).toBe(0);
    await approveApplication(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: camilla, confirmedOthers: true });
    const [event] = await getDb().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.type, 'approved')));
    expect(event!.data).toMatchObject({ confirmedOthers: [other.reference] });
  });

  it('links the eID to the CPR number (method manual), records the decision and emails the applicant', async () => {
    const app = await caseInReview(camilla);
    const { linkId } = await approveApplication(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: camilla });

    const [link] = await getDb().select().from(identityLinks).where(eq(identityLinks.id, linkId));
    expect(link).toMatchObject({ personIdentifier: app.personIdentifier, cprIndex: blindIndex(app.cpr), method: 'manual', applicationId: app.id, linkedBy: camilla.id, revokedAt: null });
    expect(await stateOf(app.id)).toMatchObject({ state: 'approved', version: app.version + 1 });
    const events = await getDb().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.type, 'approved')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'staff', actorId: camilla.id, data: { linkId, override: false } });
    const mails = await outboxFor(app.email);
    expect(mails.map((m) => m.template)).toEqual(['application-approved']);
    expect(mails[0]!.subject).toBe('Your eID is now connected to your CPR number');
    expect(mails[0]!.text).toContain(app.reference);
  });

  it('is refused with an explanation when the eID is already linked to another CPR number, and nothing changes', async () => {
    const app = await caseInReview(camilla);
    const other = uniqueCpr('1970-01-01');
    await getDb().insert(identityLinks).values({ personIdentifier: app.personIdentifier!, country: 'DE', cprEnc: encrypt(other), cprIndex: blindIndex(other), method: 'auto' });
    const e = await refusal(approveApplication(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: camilla }));
    expect(e.code).toBe('CONFLICT');
    expect(e.messageKey).toBe('caseworker.errors.linkedToOtherCpr');
    expect(await stateOf(app.id)).toMatchObject({ state: 'in_review', version: app.version });
    expect(await outboxFor(app.email)).toEqual([]);
  });

  it('is refused when the CPR number is not in the register', async () => {
    const app = await createApplication();
    const { version } = await takeCase(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: camilla });
    const e = await refusal(approveApplication(getDb(), { applicationId: app.id, expectedVersion: version, staff: camilla }));
    expect(e.messageKey).toBe('caseworker.errors.notInRegister');
    expect((await stateOf(app.id)).state).toBe('in_review');
  });

  it('needs the case assigned to me; a supervisor may override, and the override is recorded', async () => {
    const app = await caseInReview(camilla);
    const e = await refusal(approveApplication(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: kasper }));
    expect(e.code).toBe('CONFLICT');
    expect(e.messageKey).toBe('caseworker.errors.notAssignedToYou');
    expect(e.details.fresh).toMatchObject({ state: 'in_review', assigneeName: 'Camilla' });

    await approveApplication(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: sofie });
    const [event] = await getDb().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.type, 'approved')));
    expect(event).toMatchObject({ actorId: sofie.id, data: { override: true } });
  });
});

describe('closing an application', () => {
  it('keeps the applicant’s status link working for 30 days after the decision, then no longer', async () => {
    const app = await caseInReview(kasper);
    await rejectApplication(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: kasper, reason: 'document_unreadable', text: 'The photo is blurred.' });
    const [row] = await getDb().select({ expires: applications.statusTokenExpiresAt }).from(applications).where(eq(applications.id, app.id));
    const days = (row!.expires!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
  });
});

describe('rejecting an application', () => {
  it('stores the reason and text and emails the reason in the applicant’s language', async () => {
    const app = await caseInReview(camilla, { locale: 'da' });
    await rejectApplication(getDb(), { applicationId: app.id, expectedVersion: app.version, staff: camilla, reason: 'document_expired', text: 'Dit pas udløb i 2020.' });
    expect(await stateOf(app.id)).toMatchObject({ state: 'rejected' });
    const [mail] = await outboxFor(app.email);
    expect(mail!.template).toBe('application-rejected');
    expect(mail!.subject).toBe(`Din ansøgning ${app.reference} blev ikke godkendt`);
    expect(mail!.text).toContain('Begrundelse: dit dokument er udløbet.');
    expect(mail!.text).toContain('Dit pas udløb i 2020.');
    expect(await getDb().select().from(identityLinks).where(eq(identityLinks.applicationId, app.id))).toEqual([]);
  });
});

describe('requesting more information', () => {
  it('waits for the applicant, stores the request, and emails a fresh private status link', async () => {
    const app = await caseInReview(camilla);
    const before = app.statusTokenHash;
    await requestMoreInformation(getDb(), {
      applicationId: app.id,
      expectedVersion: app.version,
      staff: camilla,
      items: [{ type: 'photo', target: 'passport_photo' }, { type: 'field', target: 'familyName' }, { type: 'question' }],
      message: 'Please send a sharper photo and check the spelling of your family name.',
    });
    expect(await stateOf(app.id)).toMatchObject({ state: 'awaiting_applicant', assigned_to: null });
    const [request] = await getDb().select().from(infoRequests).where(eq(infoRequests.applicationId, app.id));
    expect(request!.items).toEqual([{ type: 'photo', target: 'passport_photo' }, { type: 'field', target: 'familyName' }, { type: 'question' }]);

    const [mail] = await outboxFor(app.email);
    expect(mail!.template).toBe('info-requested');
    expect(mail!.text).toContain('a new photo of your passport’s photo page');
    expect(mail!.text).toContain('your family name, corrected');
    expect(mail!.text).toContain('Please send a sharper photo');
    const token = /\/status#([\w-]+)/.exec(mail!.html)![1]!;
    const [row] = await getDb().execute<{ status_token_hash: string }>(`select status_token_hash from applications where id = '${app.id}'`);
    expect(row!.status_token_hash).toBe(sha256(token));
    expect(row!.status_token_hash).not.toBe(before);
  });
});

describe('two decisions at the same moment', () => {
  it('lets exactly one win; the other is refused with the fresh state and leaves no trace', async () => {
    const app = await caseInReview(camilla);
    const input = { applicationId: app.id, expectedVersion: app.version };
    const results = await Promise.allSettled([
      approveApplication(getDb(), { ...input, staff: camilla }),
      rejectApplication(getDb(), { ...input, staff: sofie, reason: 'other', text: 'Not this time.' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const e = lost[0]!.reason as AppError;
    expect(e.code).toBe('CONFLICT');
    expect(e.messageKey).toBe('caseworker.errors.changedMeanwhile');
    const now = await stateOf(app.id);
    expect(e.details.fresh).toMatchObject({ state: now.state, version: app.version + 1 });
    const decisions = await getDb().select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app.id)));
    expect(decisions.filter((d) => d.type === 'approved' || d.type === 'rejected')).toHaveLength(1);
    expect(await outboxFor(app.email)).toHaveLength(1);
    const links = await getDb().select().from(identityLinks).where(eq(identityLinks.applicationId, app.id));
    expect(links).toHaveLength(now.state === 'approved' ? 1 : 0);
  });

  it('refuses a decision made on a version the caseworker no longer sees', async () => {
    const app = await caseInReview(camilla);
    const e = await refusal(rejectApplication(getDb(), { applicationId: app.id, expectedVersion: app.version - 1, staff: camilla, reason: 'other', text: 'x' }));
    expect(e.messageKey).toBe('caseworker.errors.changedMeanwhile');
    expect(e.details.fresh).toMatchObject({ state: 'in_review', version: app.version });
  });
});
