// Retention: document images are deleted RETENTION_DAYS after the decision (or after withdrawal or expiry);
// the application, its decision and its history stay. Stored objects shared by several documents go with the last one.
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { applications, documents } from '@/db/schema';
import { recordEvent } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { logger } from '@/lib/log';
import { getStorage, type ObjectStorage } from '@/lib/storage';

const CLOSED = ['approved', 'rejected', 'withdrawn', 'expired'] as const;

/** Deletes the images of applications closed more than `retentionDays` ago; returns how many documents it cleared. */
export async function purgeExpiredDocuments(db: Db, retentionDays: number, storage: ObjectStorage = getStorage(), batch = 200): Promise<number> {
  const due = await db
    .select({ id: documents.id, applicationId: documents.applicationId, storageKey: documents.storageKey, thumbKey: documents.thumbKey })
    .from(documents)
    .innerJoin(applications, eq(applications.id, documents.applicationId))
    .where(
      and(
        isNull(documents.deletedAt),
        inArray(applications.state, [...CLOSED]),
        lt(sql`coalesce(${applications.decidedAt}, ${applications.updatedAt})`, sql`now() - make_interval(days => ${retentionDays})`),
      ),
    )
    .limit(batch);
  if (due.length === 0) return 0;

  // Mark first (one transaction with the history), then delete the objects: a crash in between leaves
  // unreferenced objects, never a document row pointing at a missing image that staff would try to open.
  await db.transaction(async (tx) => {
    await tx.update(documents).set({ deletedAt: sql`now()` }).where(inArray(documents.id, due.map((d) => d.id)));
    for (const applicationId of new Set(due.map((d) => d.applicationId!))) {
      await recordEvent(tx, { applicationId, actor: { type: 'system' }, type: 'documents_deleted', data: { reason: 'retention' } });
    }
  });

  const keys = [...new Set(due.flatMap((d) => [d.storageKey, d.thumbKey]))];
  const stillUsed = await db
    .select({ storageKey: documents.storageKey, thumbKey: documents.thumbKey })
    .from(documents)
    .where(and(isNull(documents.deletedAt), sql`(${documents.storageKey} in ${keys} or ${documents.thumbKey} in ${keys})`));
  const keep = new Set(stillUsed.flatMap((d) => [d.storageKey, d.thumbKey]));
  for (const key of keys.filter((k) => !keep.has(k))) {
    await storage.delete(key).catch((err) => logger.warn({ err, key }, 'could not delete a retained image'));
  }
  return due.length;
}
