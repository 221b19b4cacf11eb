// Retention: document images are deleted RETENTION_DAYS after the decision (or after withdrawal or expiry);
// the application, its decision and its history stay. Stored objects shared by several documents go with the last one.
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { applications, documents } from '@/db/schema';
import { recordEvent } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { logger } from '@/lib/log';
import { getStorage, type ObjectStorage } from '@/lib/storage';

const CLOSED = ['approved', 'rejected', 'withdrawn', 'expired'] as const;

/** Deletes the images of applications closed more than `retentionDays` ago, batch after batch; returns how many documents it cleared. */
export async function purgeExpiredDocuments(db: Db, retentionDays: number, storage: ObjectStorage = getStorage(), batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const cleared = await purgeBatch(db, retentionDays, storage, batch);
    total += cleared.done;
    // Stop when the store fails (tomorrow's run retries) or nothing is left.
    if (cleared.failed || cleared.done < batch) return total;
  }
}

async function purgeBatch(db: Db, retentionDays: number, storage: ObjectStorage, batch: number): Promise<{ done: number; failed: boolean }> {
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
  if (due.length === 0) return { done: 0, failed: false };

  // Objects first, then the rows: a row is marked deleted only once its images are gone, so a failed delete is
  // retried on the next run instead of leaving a passport photo behind for good.
  const dueIds = new Set(due.map((d) => d.id));
  const keys = [...new Set(due.flatMap((d) => [d.storageKey, d.thumbKey]))];
  const stillUsed = await db
    .select({ id: documents.id, storageKey: documents.storageKey, thumbKey: documents.thumbKey })
    .from(documents)
    .where(and(isNull(documents.deletedAt), sql`(${documents.storageKey} in ${keys} or ${documents.thumbKey} in ${keys})`));
  const keep = new Set(stillUsed.filter((d) => !dueIds.has(d.id)).flatMap((d) => [d.storageKey, d.thumbKey]));
  const failedKeys = new Set<string>();
  for (const key of keys.filter((k) => !keep.has(k))) {
    await storage.delete(key).catch((err) => {
      failedKeys.add(key);
      logger.warn({ err, key }, 'could not delete an image due for deletion; will retry');
    });
  }
  const done = due.filter((d) => !failedKeys.has(d.storageKey) && !failedKeys.has(d.thumbKey));
  if (done.length > 0) {
    await db.transaction(async (tx) => {
      await tx.update(documents).set({ deletedAt: sql`now()` }).where(inArray(documents.id, done.map((d) => d.id)));
      for (const applicationId of new Set(done.map((d) => d.applicationId!))) {
        await recordEvent(tx, { applicationId, actor: { type: 'system' }, type: 'documents_deleted', data: { reason: 'retention' } });
      }
    });
  }
  return { done: done.length, failed: failedKeys.size > 0 };
}
