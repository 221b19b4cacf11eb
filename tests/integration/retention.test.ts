import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationEvents, applications, documents } from '@/db/schema';
import { seedDemo } from '@/scripts/seed';
import { getDb } from '@/lib/db';
import { purgeExpiredDocuments } from '@/lib/retention';
import { getStorage, ObjectNotFoundError } from '@/lib/storage';

async function own(applicationId: string, key: string) {
  await getStorage().put(`${key}.jpg`, Buffer.from('review'), 'image/jpeg');
  await getStorage().put(`${key}.webp`, Buffer.from('thumb'), 'image/webp');
  const [doc] = await getDb()
    .insert(documents)
    .values({ applicationId, kind: 'passport_photo', storageKey: `${key}.jpg`, thumbKey: `${key}.webp`, sha256: 'x', width: 1, height: 1, bytes: 6 })
    .returning();
  return doc!;
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { applications: 40 });
});

describe('document retention', () => {
  it('deletes the images of a case decided longer ago than the retention period, and keeps the decision', async () => {
    const [old] = await getDb().select().from(applications).where(eq(applications.state, 'approved')).limit(1);
    await getDb().update(applications).set({ decidedAt: sql`now() - interval '91 days'` }).where(eq(applications.id, old!.id));
    const doc = await own(old!.id, `docs/retention-${old!.id}`);

    expect(await purgeExpiredDocuments(getDb(), 90)).toBeGreaterThanOrEqual(1);

    const [after] = await getDb().select().from(documents).where(eq(documents.id, doc.id));
    expect(after!.deletedAt).not.toBeNull();
    await expect(getStorage().get(doc.storageKey)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(getStorage().get(doc.thumbKey)).rejects.toBeInstanceOf(ObjectNotFoundError);
    const [still] = await getDb().select().from(applications).where(eq(applications.id, old!.id));
    expect(still!.state).toBe('approved');
    const events = await getDb().select().from(applicationEvents).where(eq(applicationEvents.applicationId, old!.id));
    expect(events.map((e) => e.type)).toContain('documents_deleted');
  });

  it('leaves open cases and recent decisions alone, and keeps images still used by another document', async () => {
    const [open] = await getDb().select().from(applications).where(eq(applications.state, 'submitted')).limit(1);
    await getDb().update(applications).set({ updatedAt: sql`now() - interval '200 days'` }).where(eq(applications.id, open!.id));
    const openDoc = await own(open!.id, `docs/open-${open!.id}`);

    expect(await purgeExpiredDocuments(getDb(), 90)).toBe(0);
    expect(await getStorage().get(openDoc.storageKey)).toEqual(Buffer.from('review'));
    // The seeded specimen images are shared by many applications: still there.
    expect((await getStorage().get('seed/passport_photo.jpg')).length).toBeGreaterThan(0);
  });
});
