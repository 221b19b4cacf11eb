import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationEvents, applications, documents, emailOutbox } from '@/db/schema';
import type { ApplicantJourney } from '@/lib/applications/access';
import { submitApplication } from '@/lib/applications/submit';
import { getDb, getSql } from '@/lib/db';
import { findJourney } from '@/lib/journey';
import { applicantJourney, uploadPhoto, validValues } from './support/applicant';
import { crash, runChild, until } from './support/child';

// The web process is killed (SIGKILL) in the middle of a submission: the application, its photo, its history event
// and its receipt email commit together, so after the crash there is all of it or none of it.
async function preparedApplicant() {
  const applicant = await applicantJourney();
  const photo = await uploadPhoto(applicant.cookie);
  return { ...applicant, photo, idempotencyKey: crypto.randomUUID() };
}

async function whatExists(a: { photo: string; idempotencyKey: string }) {
  const db = getDb();
  const apps = await db.select().from(applications).where(eq(applications.idempotencyKey, a.idempotencyKey));
  const [photo] = await db.select({ applicationId: documents.applicationId }).from(documents).where(eq(documents.id, a.photo));
  const events = apps[0] ? await db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, apps[0].id)) : [];
  const emails = apps[0] ? (await db.select({ dataEnc: emailOutbox.dataEnc }).from(emailOutbox)).length : 0;
  return { applications: apps.length, photoAttached: photo!.applicationId !== null, events: events.map((e) => e.type), emails };
}

const childFor = (a: Awaited<ReturnType<typeof preparedApplicant>>) =>
  runChild('tests/integration/support/processes/submit-application.ts', { JOURNEY_ID: a.journeyId, PHOTO_ID: a.photo, IDEMPOTENCY_KEY: a.idempotencyKey });

describe('the web process dies during a submission', () => {
  it('leaves no trace of the application when it dies before the submission committed, and the applicant can submit again', async () => {
    const a = await preparedApplicant();
    // Another session holds the history table: the submission gets as far as its application row and its photo,
    // then waits inside its transaction for the history event, where the process is killed.
    const blocker = await getSql().reserve();
    try {
      await blocker`begin`;
      await blocker`lock table application_events in exclusive mode`;
      const child = childFor(a);
      try {
        await until(async () => {
          const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into "application_events"%'`);
          return row!.n > 0;
        }, child);
      } finally {
        await crash(child);
      }
    } finally {
      await blocker`rollback`;
      blocker.release();
    }
    expect(await whatExists(a)).toEqual({ applications: 0, photoAttached: false, events: [], emails: 0 });

    const journey = (await findJourney(getDb(), a.journeyId)) as ApplicantJourney;
    const result = await submitApplication(getDb(), { journey, idempotencyKey: a.idempotencyKey, values: validValues({ passport_photo: a.photo }), locale: 'en' });
    expect(result.created).toBe(true);
    expect(await whatExists(a)).toMatchObject({ applications: 1, photoAttached: true, events: ['submitted'] });
  });

  it('keeps the whole application when it dies right after the submission committed', async () => {
    const a = await preparedApplicant();
    const child = childFor(a);
    await until(async () => (await whatExists(a)).applications > 0, child);
    await crash(child).catch(() => {});
    const after = await whatExists(a);
    expect(after).toMatchObject({ applications: 1, photoAttached: true, events: ['submitted'] });
    expect(after.emails).toBeGreaterThan(0);
  });
});
