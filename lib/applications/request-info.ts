// Asking the applicant for more information: the items wanted and a message, a fresh private status link,
// the state awaiting_applicant, the history event and the email, all in one transaction.
import { eq } from 'drizzle-orm';
import { infoRequests, statusLinks } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { recordEvent } from '@/lib/audit';
import { infoItemSchema, type InfoItem } from '@/lib/cases/decision-schemas';
import { applyTransition, assertMayDecide, changedMeanwhile, loadCase } from '@/lib/cases/transition';
import type { Db, DbOrTx } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { fromZod } from '@/lib/errors';
import { logger } from '@/lib/log';
import { requiredText, z } from '@/lib/validation';
import { transitions } from './states';
import { newStatusToken, statusLink } from './status-token';

/** The applicant has this long to answer before the application expires. */
export const ANSWER_DAYS = 30;

export type InfoRequestItem = InfoItem;

const requestInput = z.object({ items: z.array(infoItemSchema).min(1, 'required').max(12, 'tooLong'), message: requiredText(2000) });

export function itemCode(item: InfoItem): string {
  return item.type === 'question' ? 'question' : `${item.type}:${item.target}`;
}

export async function requestMoreInformation(
  db: Db,
  input: { applicationId: string; expectedVersion: number; staff: Staff; items: InfoItem[]; message: string },
): Promise<{ infoRequestId: string; version: number }> {
  const parsed = requestInput.safeParse({ items: input.items, message: input.message });
  if (!parsed.success) throw fromZod(parsed.error);
  const { items, message } = parsed.data;
  const result = await db.transaction(async (tx) => {
    const current = await loadCase(tx, input.applicationId);
    if (current.version !== input.expectedVersion) throw await changedMeanwhile(tx, current.id);
    const { override } = await assertMayDecide(tx, current, input.staff);
    // A new status link: the old ones may have been shared or lost; only its hash is stored, and older links stop working.
    const { token, hash } = newStatusToken();
    const row = await applyTransition(tx, current, {
      expectedVersion: input.expectedVersion,
      transition: 'request_info',
      // Unassigned while the applicant answers, so the answer returns the case to the common queue.
      set: {
        assignedTo: null,
        assignedAt: null,
        statusTokenHash: hash,
      },
    });
    const [request] = await tx
      .insert(infoRequests)
      .values({
        applicationId: current.id,
        requestedBy: input.staff.id,
        items: items.map((i) => (i.type === 'question' ? { type: i.type } : { type: i.type, target: i.target })),
        message,
      })
      .returning({ id: infoRequests.id });
    await tx.delete(statusLinks).where(eq(statusLinks.applicationId, current.id));
    await recordEvent(tx, {
      applicationId: current.id,
      actor: { type: 'staff', id: input.staff.id },
      type: transitions.request_info.event,
      data: { infoRequestId: request!.id, items, override },
    });
    await enqueueEmail(tx, {
      to: current.email,
      personIdentifier: current.personIdentifier,
      template: 'info-requested',
      locale: current.locale,
      data: {
        reference: current.reference,
        statusUrl: statusLink(token),
        items: items.map(itemCode).join(';'),
        message,
      },
    });
    return { infoRequestId: request!.id, version: row.version };
  });
  logger.info({ applicationId: input.applicationId, staffId: input.staff.id, decision: 'info_requested' }, 'case decided');
  return result;
}

/** The request the applicant has not answered yet, if any. */
export async function findOpenInfoRequest(db: DbOrTx, applicationId: string) {
  const rows = await db.select().from(infoRequests).where(eq(infoRequests.applicationId, applicationId)).orderBy(infoRequests.createdAt);
  return rows.filter((r) => !r.answeredAt).at(-1) ?? null;
}
