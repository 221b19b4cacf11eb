// Document photo uploads: the owner's hourly limit, the bounded multipart read, the pipeline under the process-wide
// concurrency limit, and storage under opaque keys with the documents row. Nothing is stored unless every check has passed.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { documents } from '@/db/schema';
import { documentKinds, type DocumentKind } from '@/lib/vocabulary';
import type { Db, DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { parseMultipart, readBody } from '@/lib/http';
import { logger } from '@/lib/log';
import { randomToken } from '@/lib/security/crypto';
import { enforce } from '@/lib/security/rate-limit';
import { getStorage } from '@/lib/storage';
import { createLimiter, type Limiter } from './limiter';
import { MAX_UPLOAD_BYTES, processImage, type QualityHint } from './pipeline';

/** Who may see and use an upload before it is part of an application: the draft's journey, or the application answering a request. */
export type UploadOwner = { journeyId: string } | { pendingApplicationId: string };
export type UploadedPhoto = { id: string; kind: DocumentKind; width: number; height: number; qualityHints: QualityHint[] };

// The multipart envelope around the file (boundaries, headers, the kind field) is small.
const MULTIPART_OVERHEAD = 64 * 1024;

const globalStore = globalThis as unknown as { __imUploadLimiter?: Limiter };
/** One limiter per process, shared by every route that processes photos. */
export function uploadLimiter(): Limiter {
  globalStore.__imUploadLimiter ??= createLimiter(env().UPLOAD_CONCURRENCY);
  return globalStore.__imUploadLimiter;
}

function isKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (documentKinds as readonly string[]).includes(value);
}

/** Photos one draft, or one answer to a request for more information, may send in an hour. */
export const UPLOADS_PER_HOUR = 60;

/**
 * One photo sent by its owner, as the upload routes receive it: counted against the owner's hourly limit before the
 * body is read (so a flood of malformed uploads is limited too), then read, checked, processed and stored.
 */
export async function receiveDocumentPhoto(db: Db, owner: UploadOwner, req: Request): Promise<UploadedPhoto> {
  const key = 'journeyId' in owner ? `upload:journey:${owner.journeyId}` : `upload:application:${owner.pendingApplicationId}`;
  await enforce(db, key, UPLOADS_PER_HOUR, 3600);
  const { kind, bytes } = await readUploadForm(req);
  return storeDocumentPhoto(db, owner, kind, bytes);
}

/** Reads a multipart upload with `kind` and `file`; the body is never read past the size limit. */
export async function readUploadForm(req: Request): Promise<{ kind: DocumentKind; bytes: Buffer }> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'upload.notMultipart');
  const limit = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD;
  const body = await readBody(req, limit, 'upload.tooLarge', 'upload.malformed');
  const form = await parseMultipart(body, type, 'upload.malformed');
  const kind = form.get('kind');
  const file = form.get('file');
  if (!isKind(kind)) throw new AppError('INVALID_INPUT', 'upload.kind', { fields: { kind: ['upload.kind'] } });
  if (!(file instanceof File)) throw new AppError('INVALID_INPUT', 'upload.noFile', { fields: { file: ['upload.noFile'] } });
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'upload.tooLarge');
  return { kind, bytes: Buffer.from(await file.arrayBuffer()) };
}

/**
 * Processes and stores one photo for its owner. Refused input (AppError) leaves nothing behind. The row is committed
 * first (without `storedAt`), then the images, then `storedAt`: a crash at any point leaves a row the orphan sweep
 * removes together with whatever part of the images reached storage.
 */
export async function storeDocumentPhoto(db: DbOrTx, owner: UploadOwner, kind: DocumentKind, bytes: Buffer): Promise<UploadedPhoto> {
  const processed = await uploadLimiter().run(() => processImage(bytes));
  const storage = getStorage();
  const base = `documents/${randomToken(24)}`;
  const storageKey = `${base}.jpg`;
  const thumbKey = `${base}.thumb.webp`;
  const [row] = await db
    .insert(documents)
    .values({
      ...('journeyId' in owner ? { journeyId: owner.journeyId } : { pendingApplicationId: owner.pendingApplicationId }),
      kind,
      storageKey,
      thumbKey,
      sha256: processed.sha256,
      width: processed.width,
      height: processed.height,
      bytes: processed.review.length,
      qualityHints: processed.qualityHints,
    })
    .returning({ id: documents.id });
  try {
    await storage.put(storageKey, processed.review, 'image/jpeg');
    await storage.put(thumbKey, processed.thumb, 'image/webp');
    await db.update(documents).set({ storedAt: sql`now()` }).where(eq(documents.id, row!.id));
    return { id: row!.id, kind, width: processed.width, height: processed.height, qualityHints: processed.qualityHints };
  } catch (error) {
    await Promise.all([storage.delete(storageKey), storage.delete(thumbKey)])
      .then(() => db.delete(documents).where(eq(documents.id, row!.id)))
      .catch((err) => logger.warn({ err }, 'could not remove a half-stored upload; the orphan sweep will'));
    throw error;
  }
}

/** An upload that is not yet part of an application, if `owner` may use it. */
export async function findOwnedUpload(db: DbOrTx, owner: UploadOwner, id: string) {
  const ownerClause = 'journeyId' in owner ? eq(documents.journeyId, owner.journeyId) : eq(documents.pendingApplicationId, owner.pendingApplicationId);
  const [row] = await db
    .select({ id: documents.id, kind: documents.kind, thumbKey: documents.thumbKey, qualityHints: documents.qualityHints, width: documents.width, height: documents.height })
    .from(documents)
    .where(and(eq(documents.id, id), ownerClause, isNull(documents.applicationId), isNotNull(documents.storedAt), isNull(documents.deletedAt)));
  return row ?? null;
}

/** The stored thumbnail bytes of a document. */
export async function readThumbnail(thumbKey: string): Promise<Buffer> {
  return getStorage().get(thumbKey);
}
