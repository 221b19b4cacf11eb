// The manual form's progress, kept server-side (encrypted: it holds a CPR number) under the journey for 24 hours,
// so a phone that reloads or an applicant who comes back later continues where they left off.
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { applicationDrafts, journeys } from '@/db/schema';
import type { Db, DbOrTx } from '@/lib/db';
import { JOURNEY_TTL_SECONDS } from '@/lib/journey';
import { decryptJson, encryptJson } from '@/lib/security/crypto';
import { draftBody, type DraftBody } from './schema';

export const DRAFT_TTL_MS = 24 * 3600_000;

export async function saveDraft(db: DbOrTx, journeyId: string, draft: DraftBody): Promise<void> {
  const now = Date.now();
  const expiresAt = new Date(now + DRAFT_TTL_MS);
  await db
    .insert(applicationDrafts)
    .values({ journeyId, dataEnc: encryptJson(draft), updatedAt: new Date(now), expiresAt })
    .onConflictDoUpdate({ target: applicationDrafts.journeyId, set: { dataEnc: encryptJson(draft), updatedAt: new Date(now), expiresAt } });
  // The journey must live as long as its draft, or the cookie would lead nowhere when the applicant comes back.
  await db
    .update(journeys)
    .set({ expiresAt: sql`greatest(${journeys.expiresAt}, now() + make_interval(secs => ${JOURNEY_TTL_SECONDS}))` })
    .where(eq(journeys.id, journeyId));
}

/** The unexpired draft of a journey; a draft that no longer reads as a draft (older format, tampering) counts as none. */
export async function loadDraft(db: DbOrTx, journeyId: string): Promise<DraftBody | null> {
  const [row] = await db
    .select({ dataEnc: applicationDrafts.dataEnc })
    .from(applicationDrafts)
    .where(and(eq(applicationDrafts.journeyId, journeyId), gt(applicationDrafts.expiresAt, new Date())));
  if (!row) return null;
  const parsed = draftBody.safeParse(decryptJson(row.dataEnc));
  return parsed.success ? parsed.data : null;
}

export async function deleteDraft(db: DbOrTx, journeyId: string): Promise<void> {
  await db.delete(applicationDrafts).where(eq(applicationDrafts.journeyId, journeyId));
}

export async function removeExpiredDrafts(db: Db, now = new Date()): Promise<{ removed: number }> {
  const rows = await db.delete(applicationDrafts).where(lt(applicationDrafts.expiresAt, now)).returning({ id: applicationDrafts.journeyId });
  return { removed: rows.length };
}
