// Removal of uploads that never became part of a submitted application (abandoned drafts, replaced photos,
// unanswered requests): 24 hours on, and once no live draft holds them, their images and rows go. An upload whose
// images were never completely stored (the process died between its row and its images) goes after an hour.
// Safe to run twice or on several workers at once.
import { and, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { applicationDrafts, documents } from '@/db/schema';
import type { Db } from '@/lib/db';
import { logger } from '@/lib/log';
import { getStorage } from '@/lib/storage';

export const ORPHAN_AFTER_HOURS = 24;
/** Far longer than any upload takes: a row still without its images by then belongs to a process that died. */
export const UNSTORED_AFTER_HOURS = 1;

export async function removeOrphanUploads(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<{ removed: number }> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - ORPHAN_AFTER_HOURS * 3600_000);
  const unstoredCutoff = new Date(now.getTime() - UNSTORED_AFTER_HOURS * 3600_000);
  const storage = getStorage();
  let removed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      // SKIP LOCKED: two workers never fight over the same rows; the row is deleted only after its files are gone.
      const rows = await tx
        .select({ id: documents.id, storageKey: documents.storageKey, thumbKey: documents.thumbKey })
        .from(documents)
        .where(
          and(
            isNull(documents.applicationId),
            or(
              and(isNull(documents.storedAt), lt(documents.createdAt, unstoredCutoff)),
              and(
                lt(documents.createdAt, cutoff),
                // A draft the applicant may still come back to keeps its photos until the draft itself expires.
                sql`not exists (select 1 from ${applicationDrafts} where ${applicationDrafts.journeyId} = ${documents.journeyId} and ${applicationDrafts.expiresAt} > ${now.toISOString()}::timestamptz)`,
              ),
            ),
          ),
        )
        .limit(opts.limit ?? 200)
        .for('update', { skipLocked: true });
      for (const row of rows) await Promise.all([storage.delete(row.storageKey), storage.delete(row.thumbKey)]);
      if (rows.length) await tx.delete(documents).where(inArray(documents.id, rows.map((r) => r.id)));
      return rows.length;
    });
    removed += batch;
    if (batch < (opts.limit ?? 200)) break;
  }
  if (removed) logger.info({ removed }, 'orphan uploads removed');
  return { removed };
}
