// Removal of uploads that never became part of a submitted application (abandoned drafts, replaced photos,
// unanswered requests): 24 hours on, and once no live draft holds them, their images and rows go. Safe to run twice or on several workers at once.
import { and, inArray, isNull, lt, sql } from 'drizzle-orm';
import { applicationDrafts, documents } from '@/db/schema';
import type { Db } from '@/lib/db';
import { logger } from '@/lib/log';
import { getStorage } from '@/lib/storage';

export const ORPHAN_AFTER_HOURS = 24;

export async function removeOrphanUploads(db: Db, opts: { now?: Date; limit?: number } = {}): Promise<{ removed: number }> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - ORPHAN_AFTER_HOURS * 3600_000);
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
            lt(documents.createdAt, cutoff),
            // A draft the applicant may still come back to keeps its photos until the draft itself expires.
            sql`not exists (select 1 from ${applicationDrafts} where ${applicationDrafts.journeyId} = ${documents.journeyId} and ${applicationDrafts.expiresAt} > ${(opts.now ?? new Date()).toISOString()}::timestamptz)`,
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
