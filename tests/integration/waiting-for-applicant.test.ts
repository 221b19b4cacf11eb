import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationEvents, applications } from '@/db/schema';
import { POST as answer } from '@/app/api/v1/applications/status/answer/route';
import { remindAndExpire } from '@/lib/applications/expire';
import { getApplicantStatus } from '@/lib/applications/status';
import { findByStatusToken } from '@/lib/applications/status-token';
import { getDb } from '@/lib/db';
import { jsonRequest } from './support/applicant';
import { awaitingApplicant } from './support/cases';
import { emailsAbout, latestStatusToken } from './support/mail';

const askedDaysAgo = (applicationId: string, days: number) =>
  getDb().execute(sql`update info_requests set created_at = now() - make_interval(days => ${days}) where application_id = ${applicationId}`);

async function stateOf(id: string) {
  const [row] = await getDb().select().from(applications).where(eq(applications.id, id));
  return row!;
}

describe('waiting for the applicant', () => {
  it('reminds after 14 days with a further link (the old one keeps working), once, and again after 25 days', async () => {
    const app = await awaitingApplicant([{ type: 'question' }], 'Where did you live in 2020?');
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 0, expired: 0 });

    await askedDaysAgo(app.applicationId, 15);
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 1, expired: 0 });
    const mails = await emailsAbout(app.reference);
    expect(mails[0]!.subject).toBe(`Reminder: we still need information for your application ${app.reference}`);
    expect(mails[0]!.text).toContain('Please answer within 15 days');
    const fresh = await latestStatusToken(app.reference);
    expect(fresh).not.toBe(app.token);
    expect(await findByStatusToken(getDb(), app.token)).toEqual({ ok: true, applicationId: app.applicationId });
    expect(await findByStatusToken(getDb(), fresh)).toEqual({ ok: true, applicationId: app.applicationId });
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 0, expired: 0 });

    await askedDaysAgo(app.applicationId, 26);
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 1, expired: 0 });
    expect((await stateOf(app.applicationId)).state).toBe('awaiting_applicant');
    const third = await latestStatusToken(app.reference);
    for (const token of [app.token, fresh, third]) expect((await findByStatusToken(getDb(), token)).ok).toBe(true);
  });

  it('sends each reminder once when two runs overlap (two instances, or a slow run and the next)', async () => {
    const app = await awaitingApplicant([{ type: 'question' }], 'Which address did you have in Aarhus?');
    await askedDaysAgo(app.applicationId, 15);
    const runs = await Promise.all([remindAndExpire(getDb()), remindAndExpire(getDb()), remindAndExpire(getDb())]);
    expect(runs.reduce((n, r) => n + r.reminded, 0)).toBe(1);
    expect((await emailsAbout(app.reference)).filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(1);
    const events = await getDb().select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.applicationId));
    expect(events.filter((e) => e.type === 'reminder_sent')).toHaveLength(1);
  });

  it('sends one reminder, not two within the hour, when the first is late (the service was down on day 14)', async () => {
    const app = await awaitingApplicant([{ type: 'question' }], 'Which school did you go to?');
    await askedDaysAgo(app.applicationId, 26);
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 1, expired: 0 });
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 0, expired: 0 });
    const reminders = (await emailsAbout(app.reference)).filter((m) => m.subject.startsWith('Reminder:'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain('Please answer within 4 days');
  });

  it('does not end the applicant’s open status page: the answer they were writing before the reminder is accepted', async () => {
    const app = await awaitingApplicant([{ type: 'question' }], 'Where did you live in 2020?');
    // The status page as the applicant opened it: its form carries the version it showed.
    const { version } = (await getApplicantStatus(getDb(), app.applicationId))!;

    await askedDaysAgo(app.applicationId, 15);
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 1, expired: 0 });

    expect((await findByStatusToken(getDb(), app.token)).ok).toBe(true);
    const res = await answer(jsonRequest('/api/v1/applications/status/answer', { expectedVersion: version, message: 'In Hamburg.' }, { cookie: `im_status=${app.token}` }), undefined as never);
    expect(res.status).toBe(200);
    expect((await stateOf(app.applicationId)).state).toBe('submitted');
  });

  it('lets every link of a closed application expire together, 30 days after it closed', async () => {
    const app = await awaitingApplicant([{ type: 'question' }], 'Where did you live in 2020?');
    await askedDaysAgo(app.applicationId, 15);
    await remindAndExpire(getDb());
    const fresh = await latestStatusToken(app.reference);
    await askedDaysAgo(app.applicationId, 31);
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 0, expired: 1 });
    const later = new Date(Date.now() + 31 * 86_400_000);
    for (const token of [app.token, fresh]) {
      expect((await findByStatusToken(getDb(), token)).ok).toBe(true);
      expect(await findByStatusToken(getDb(), token, later)).toEqual({ ok: false, reason: 'expired' });
    }
  });

  it('expires the application after 30 days without an answer, tells the applicant, and records it', async () => {
    const app = await awaitingApplicant([{ type: 'question' }], 'Where did you live in 2020?');
    await askedDaysAgo(app.applicationId, 31);
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 0, expired: 1 });

    const row = await stateOf(app.applicationId);
    expect(row.state).toBe('expired');
    expect(row.statusTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const events = await getDb().select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.applicationId));
    expect(events.map((e) => e.type)).toContain('expired');
    expect((await emailsAbout(app.reference))[0]!.subject).toBe(`Your application ${app.reference} has expired`);
  });

  it('leaves an application alone once the applicant has answered', async () => {
    const app = await awaitingApplicant([{ type: 'question' }], 'Where did you live in 2020?');
    await askedDaysAgo(app.applicationId, 40);
    await getDb().update(applications).set({ state: 'submitted' }).where(eq(applications.id, app.applicationId));
    expect(await remindAndExpire(getDb())).toEqual({ reminded: 0, expired: 0 });
    expect((await stateOf(app.applicationId)).state).toBe('submitted');
  });
});
