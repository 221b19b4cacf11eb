import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationDrafts, documents } from '@/db/schema';
import { saveDraft } from '@/lib/applications/drafts';
import { getDb } from '@/lib/db';
import { removeOrphanUploads } from '@/lib/documents/orphans';
import { jobs } from '@/lib/jobs/registry';
import { getStorage, ObjectNotFoundError } from '@/lib/storage';
import { applicantJourney, uploadPhoto } from './support/applicant';
import { submittedApplication } from './support/cases';

const HOUR = 3600_000;

async function age(ids: string[], hours: number) {
  await getDb().update(documents).set({ createdAt: new Date(Date.now() - hours * HOUR) }).where(inArray(documents.id, ids));
}

describe('removing uploads that never became part of an application', () => {
  it('removes abandoned uploads after 24 hours, files and rows, and keeps submitted photos', async () => {
    const db = getDb();
    const abandoned = await applicantJourney();
    const orphan = await uploadPhoto(abandoned.cookie);
    const recent = await uploadPhoto(abandoned.cookie);
    const submitted = await submittedApplication();
    await age([orphan, submitted.photo], 25);
    await age([recent], 23);
    const [orphanRow] = await db.select().from(documents).where(eq(documents.id, orphan));

    const job = jobs.find((j) => j.name === 'uploads-remove-orphans')!;
    expect(job.cron).toBeTruthy();
    expect(await job.run(db)).toMatchObject({ removed: 1 });

    const left = await db.select({ id: documents.id }).from(documents).where(inArray(documents.id, [orphan, recent, submitted.photo]));
    expect(left.map((r) => r.id).sort()).toEqual([recent, submitted.photo].sort());
    await expect(getStorage().get(orphanRow!.storageKey)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(getStorage().get(orphanRow!.thumbKey)).rejects.toBeInstanceOf(ObjectNotFoundError);
    // Running it again is harmless.
    expect(await removeOrphanUploads(db)).toEqual({ removed: 0 });
  });

  it('keeps the photos of a draft the applicant may still come back to, until the draft expires', async () => {
    const db = getDb();
    const applicant = await applicantJourney();
    const photo = await uploadPhoto(applicant.cookie);
    await saveDraft(db, applicant.journeyId, { step: 3, idempotencyKey: crypto.randomUUID(), values: { photos: { passport_photo: photo } } });
    await age([photo], 30);
    expect(await removeOrphanUploads(db)).toEqual({ removed: 0 });
    await db.update(applicationDrafts).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(applicationDrafts.journeyId, applicant.journeyId));
    expect(await removeOrphanUploads(db)).toEqual({ removed: 1 });
  });
});
