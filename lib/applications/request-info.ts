// A caseworker's request for more information: the case goes to `awaiting_applicant`, the request is stored, the
// status link is renewed and sent by email, all in one transaction. Used by the back-office and by tests.
import { eq } from 'drizzle-orm';
import { infoRequests } from '@/db/schema';
import type { Db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { fromZod } from '@/lib/errors';
import { z } from '@/lib/validation';
import { detailFields, documentKinds, type DetailField } from './schema';
import { newStatusToken, statusLink } from './status-token';
import { applyTransition } from './transition';

/** Days the applicant has to answer before the application expires. */
export const ANSWER_WITHIN_DAYS = 30;

export const correctableFields = Object.keys(detailFields) as [DetailField, ...DetailField[]];

export const infoRequestItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('photo'), target: z.enum(documentKinds) }),
  z.object({ type: z.literal('field'), target: z.enum(correctableFields) }),
  z.object({ type: z.literal('question') }),
]);
export type InfoRequestItem = z.output<typeof infoRequestItem>;

export const requestInfoInput = z.object({
  items: z.array(infoRequestItem).min(1, 'required').max(12, 'tooLong'),
  message: z.string().trim().min(1, 'required').max(2000, 'tooLong'),
});

export async function requestMoreInformation(
  db: Db,
  args: { applicationId: string; staffId: string; expectedVersion?: number; items: unknown; message: unknown },
): Promise<{ infoRequestId: string; version: number }> {
  const parsed = requestInfoInput.safeParse({ items: args.items, message: args.message });
  if (!parsed.success) throw fromZod(parsed.error);
  const { items, message } = parsed.data;
  // The link is renewed so the email can carry it (only its hash is kept); older links stop working.
  const { token, hash } = newStatusToken();
  return db.transaction(async (tx) => {
    const updated = await applyTransition(tx, {
      applicationId: args.applicationId,
      transition: 'request_info',
      actor: { type: 'staff', id: args.staffId },
      expectedVersion: args.expectedVersion,
      set: { statusTokenHash: hash },
      eventData: { items },
    });
    const [request] = await tx
      .insert(infoRequests)
      .values({ applicationId: args.applicationId, requestedBy: args.staffId, items, message })
      .returning({ id: infoRequests.id });
    await enqueueEmail(tx, {
      to: updated.email,
      template: 'applicationInfoRequested',
      locale: updated.locale,
      data: { reference: updated.reference, statusUrl: statusLink(token), days: String(ANSWER_WITHIN_DAYS) },
    });
    return { infoRequestId: request!.id, version: updated.version };
  });
}

/** The request the applicant has not answered yet, if any. */
export async function findOpenInfoRequest(db: Db, applicationId: string) {
  const rows = await db
    .select()
    .from(infoRequests)
    .where(eq(infoRequests.applicationId, applicationId))
    .orderBy(infoRequests.createdAt);
  const open = rows.filter((r) => !r.answeredAt).at(-1);
  return open ?? null;
}

