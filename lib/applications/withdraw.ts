// The applicant withdraws an application that is not yet decided: the state change, its event and the confirmation
// email commit together. A case under review is released from its caseworker by the same step.
import { eq } from 'drizzle-orm';
import { applications } from '@/db/schema';
import type { Db } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { z } from '@/lib/validation';
import { applyTransition } from './transition';

export const withdrawBody = z.object({ expectedVersion: z.number().int().positive() });

export async function withdrawApplication(db: Db, applicationId: string, input: unknown): Promise<void> {
  const { expectedVersion } = withdrawBody.parse(input);
  const [app] = await db.select({ personIdentifier: applications.personIdentifier }).from(applications).where(eq(applications.id, applicationId));
  if (!app) throw notFound();
  await db.transaction(async (tx) => {
    await applyTransition(tx, {
      applicationId,
      transition: 'withdraw',
      actor: { type: 'applicant', id: app.personIdentifier },
      expectedVersion,
      set: { assignedTo: null, assignedAt: null },
      email: (row) => ({ template: 'applicationWithdrawn', data: { reference: row.reference } }),
    });
  });
}
