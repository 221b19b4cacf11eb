// Asking the applicant for more information: the items wanted and a message, a fresh private status link,
// the state awaiting_applicant, the history event and the email, all in one transaction.
import { eq } from 'drizzle-orm';
import { infoRequests, statusLinks } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import type { Db, DbOrTx } from '@/lib/db';
import { fromZod } from '@/lib/errors';
import { logger } from '@/lib/log';
import { requiredText, z } from '@/lib/validation';
import { assertMayDecide, changedMeanwhile, loadCase, staffActor } from './case';
import { infoItemSchema, type InfoItem } from './info-items';
import { newStatusToken, statusLink } from './status-token';
import { applyTransition } from './transition';

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
    let infoRequestId = '';
    const row = await applyTransition(tx, {
      applicationId: current.id,
      transition: 'request_info',
      actor: staffActor(input.staff),
      current,
      expectedVersion: input.expectedVersion,
      refuse: () => changedMeanwhile(tx, current.id),
      // Unassigned while the applicant answers, so the answer returns the case to the common queue.
      set: { assignedTo: null, assignedAt: null, statusTokenHash: hash },
      also: async () => {
        const [request] = await tx
          .insert(infoRequests)
          .values({
            applicationId: current.id,
            requestedBy: input.staff.id,
            items: items.map((i) => (i.type === 'question' ? { type: i.type } : { type: i.type, target: i.target })),
            message,
          })
          .returning({ id: infoRequests.id });
        infoRequestId = request!.id;
        await tx.delete(statusLinks).where(eq(statusLinks.applicationId, current.id));
        return { infoRequestId, items, override };
      },
      email: (r) => ({ template: 'info-requested', data: { reference: r.reference, statusUrl: statusLink(token), items: items.map(itemCode).join(';'), message } }),
    });
    return { infoRequestId, version: row.version };
  });
  logger.info({ applicationId: input.applicationId, staffId: input.staff.id, decision: 'info_requested' }, 'case decided');
  return result;
}

/** The request the applicant has not answered yet, if any. */
export async function findOpenInfoRequest(db: DbOrTx, applicationId: string) {
  const rows = await db.select().from(infoRequests).where(eq(infoRequests.applicationId, applicationId)).orderBy(infoRequests.createdAt);
  return rows.filter((r) => !r.answeredAt).at(-1) ?? null;
}
