// Document images for staff: only through the authorised route, and every view is recorded in the history
// (who, when, which document and which size) before a byte is sent.
import 'server-only';
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { documents } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { recordEvent } from '@/lib/audit';
import type { Db, DbOrTx } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { getStorage, ObjectNotFoundError } from '@/lib/storage';
import { touchCase } from './assignments';

export const documentSizes = ['review', 'thumb'] as const;
export type DocumentSize = (typeof documentSizes)[number];

export type CaseDocument = { id: string; kind: 'passport_photo' | 'id_front' | 'id_back'; round: number; width: number; height: number; qualityHints: string[]; createdAt: Date };

/** Every photo of every round of an application, first round first, front before back; deleted images (retention) are left out. */
export async function listCaseDocuments(db: DbOrTx, applicationId: string): Promise<CaseDocument[]> {
  return db
    .select({ id: documents.id, kind: documents.kind, round: documents.round, width: documents.width, height: documents.height, qualityHints: documents.qualityHints, createdAt: documents.createdAt })
    .from(documents)
    .where(and(eq(documents.applicationId, applicationId), isNull(documents.deletedAt)))
    .orderBy(asc(documents.round), sql`case ${documents.kind} when 'id_front' then 1 when 'id_back' then 2 else 0 end`, asc(documents.createdAt));
}

/**
 * Opens a document image for a staff member and records the view. Drafts (not yet submitted) and deleted images
 * are not found; a recording failure means no image.
 */
export async function openDocumentForStaff(
  db: Db,
  input: { documentId: string; staff: Staff; size: DocumentSize },
): Promise<{ body: Readable; contentType: string }> {
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, input.documentId), isNotNull(documents.applicationId), isNull(documents.deletedAt)));
  if (!doc?.applicationId) throw notFound();
  const applicationId = doc.applicationId;
  const key = input.size === 'thumb' ? doc.thumbKey : doc.storageKey;
  let body: Readable;
  try {
    body = await getStorage().stream(key);
  } catch (e) {
    if (e instanceof ObjectNotFoundError) throw notFound();
    throw e;
  }
  try {
    await db.transaction(async (tx) => {
      await recordEvent(tx, {
        applicationId,
        actor: { type: 'staff', id: input.staff.id },
        type: 'document_viewed',
        data: { documentId: doc.id, kind: doc.kind, round: doc.round, size: input.size },
      });
      await touchCase(tx, applicationId, input.staff.id);
    });
  } catch (e) {
    body.destroy();
    throw e;
  }
  return { body, contentType: input.size === 'thumb' ? 'image/webp' : 'image/jpeg' };
}
