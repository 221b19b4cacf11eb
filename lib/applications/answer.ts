// The applicant's answer to a request for more information: new photos, corrected fields and a message.
// One transaction returns the case to the queue (`awaiting_applicant → submitted`) and records exactly what changed.
import { and, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import { applications, documents, infoRequests } from '@/db/schema';
import type { Db } from '@/lib/db';
import { AppError, conflict, invalidInput, notFound, type FieldErrors } from '@/lib/errors';
import { cprIndexColumns, encrypt, sameCprIndex } from '@/lib/security/crypto';
import { z } from '@/lib/validation';
import { findOpenInfoRequest, type InfoRequestItem } from './request-info';
import { detailFields, documentKinds, type DetailField, type DocumentKind } from './schema';
import { applyTransition } from './transition';
import { nameSearchKey } from '@/lib/matching/search-key';

const photoId = z.uuid('application.photoRequired').optional();
export const answerBody = z.object({
  expectedVersion: z.number().int().positive(),
  message: z.string().trim().max(2000, 'tooLong').default(''),
  photos: z.object({ passport_photo: photoId, id_front: photoId, id_back: photoId }).default({}),
  fields: z.record(z.string(), z.unknown()).default({}),
});
export type AnswerBody = z.input<typeof answerBody>;

type Column = 'givenNames' | 'familyName' | 'dateOfBirth' | 'nationality' | 'documentNumber' | 'documentExpiry' | 'email' | 'phone';

export async function answerInfoRequest(db: Db, applicationId: string, input: unknown): Promise<{ changedFields: DetailField[]; photos: DocumentKind[] }> {
  const parsed = answerBody.safeParse(input);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues) (fields[issue.path.join('.') || '_form'] ??= []).push(issue.message);
    throw invalidInput(fields);
  }
  const body = parsed.data;
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!app) throw notFound();
  const request = await findOpenInfoRequest(db, applicationId);
  if (app.state !== 'awaiting_applicant' || !request) throw conflict('application.noOpenRequest', { state: app.state });

  const items = request.items as InfoRequestItem[];
  const askedPhotos = items.flatMap((i) => (i.type === 'photo' ? [i.target] : []));
  const askedFields = items.flatMap((i) => (i.type === 'field' ? [i.target] : []));
  const errors: FieldErrors = {};
  const add = (path: string, key: string) => (errors[path] ??= []).push(key);

  const corrections: Partial<Record<DetailField, unknown>> = {};
  for (const [name, raw] of Object.entries(body.fields)) {
    if (!(askedFields as string[]).includes(name)) {
      add(`fields.${name}`, 'application.fieldNotRequested');
      continue;
    }
    const result = detailFields[name as DetailField].safeParse(raw);
    if (result.success) corrections[name as DetailField] = result.data;
    else for (const issue of result.error.issues) add(`fields.${name}`, issue.message);
  }
  const sentPhotos = documentKinds.filter((k) => body.photos[k]);
  for (const kind of sentPhotos) if (!askedPhotos.includes(kind)) add(`photos.${kind}`, 'application.fieldNotRequested');
  for (const kind of askedPhotos) if (!body.photos[kind]) add(`photos.${kind}`, 'application.photoRequired');
  if (items.some((i) => i.type === 'question') && !body.message) add('message', 'application.messageRequired');
  if (!sentPhotos.length && !Object.keys(corrections).length && !body.message && !Object.keys(errors).length) add('_form', 'application.nothingToSend');

  const photoIds = sentPhotos.map((k) => body.photos[k]!);
  if (photoIds.length) {
    const owned = await db
      .select({ id: documents.id, kind: documents.kind })
      .from(documents)
      .where(and(inArray(documents.id, photoIds), eq(documents.pendingApplicationId, applicationId), isNull(documents.applicationId), isNotNull(documents.storedAt)));
    for (const kind of sentPhotos) if (!owned.some((d) => d.id === body.photos[kind] && d.kind === kind)) add(`photos.${kind}`, 'application.photoRequired');
  }
  if (Object.keys(errors).length) throw invalidInput(errors);

  // What changed, for the caseworker: old and new values, except the CPR number, which is only marked as changed.
  const set: Partial<typeof applications.$inferInsert> = {};
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(corrections) as [DetailField, unknown][]) {
    if (name === 'cpr') {
      const cpr = value as string;
      if (sameCprIndex(cprIndexColumns(cpr), app)) continue;
      set.cprEnc = encrypt(cpr);
      Object.assign(set, cprIndexColumns(cpr));
      changes.cpr = { changed: true };
      continue;
    }
    const column = name as Column;
    const next = (value ?? null) as string | null;
    if ((app[column] ?? null) === next) continue;
    changes[name] = { from: app[column] ?? null, to: next };
    (set as Record<string, unknown>)[column] = next;
  }
  const changedFields = Object.keys(changes) as DetailField[];
  if (set.givenNames !== undefined || set.familyName !== undefined) set.searchName = nameSearchKey(set.givenNames ?? app.givenNames, set.familyName ?? app.familyName);

  await db.transaction(async (tx) => {
    await applyTransition(tx, {
      applicationId,
      transition: 'answer',
      actor: { type: 'applicant', id: app.personIdentifier },
      expectedVersion: body.expectedVersion,
      // Back in the queue for whoever takes it next.
      set: { ...set, assignedTo: null, assignedAt: null },
      eventData: { infoRequestId: request.id, changedFields, photos: sentPhotos, message: Boolean(body.message) },
      // The new photos join the application and the request is marked answered, in the same transaction.
      also: async () => {
        if (photoIds.length) {
          const [{ round } = { round: 1 }] = await tx.select({ round: max(documents.round) }).from(documents).where(eq(documents.applicationId, applicationId));
          const attached = await tx
            .update(documents)
            .set({ applicationId, pendingApplicationId: null, round: (round ?? 1) + 1 })
            .where(and(inArray(documents.id, photoIds), eq(documents.pendingApplicationId, applicationId), isNull(documents.applicationId)))
            .returning({ id: documents.id });
          if (attached.length !== photoIds.length) throw conflict();
        }
        const answered = await tx
          .update(infoRequests)
          .set({ answeredAt: new Date(), answerMessage: body.message || null, answerChanges: { fields: changes, photos: sentPhotos } })
          .where(and(eq(infoRequests.id, request.id), isNull(infoRequests.answeredAt)))
          .returning({ id: infoRequests.id });
        if (!answered.length) throw new AppError('CONFLICT', 'application.noOpenRequest');
      },
      email: (row) => ({ template: 'applicationAnswerReceived', data: { reference: row.reference } }),
    });
  });
  return { changedFields, photos: sentPhotos };
}

/** Photos may be sent for an answer only while a request is open. */
export async function requireOpenRequest(db: Db, applicationId: string): Promise<void> {
  const [app] = await db.select({ state: applications.state }).from(applications).where(eq(applications.id, applicationId));
  if (!app || app.state !== 'awaiting_applicant' || !(await findOpenInfoRequest(db, applicationId))) throw conflict('application.noOpenRequest', { state: app?.state });
}
