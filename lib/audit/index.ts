// The audit trail: every state change, decision, document view, look-up and export appends one event.
// Always written with the caller's transaction, so the event commits with the change it describes.
import { applicationEvents } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';

export type Actor =
  | { type: 'applicant'; id?: string | null }
  | { type: 'staff'; id: string }
  | { type: 'system'; id?: string | null }
  | { type: 'relying_party'; id: string };

export type AuditEvent = {
  applicationId?: string | null;
  actor: Actor;
  type: string;
  /** Never a CPR number, a token or a password. */
  data?: Record<string, unknown>;
};

export async function recordEvent(tx: DbOrTx, event: AuditEvent): Promise<void> {
  await tx.insert(applicationEvents).values({
    applicationId: event.applicationId ?? null,
    actorType: event.actor.type,
    actorId: event.actor.id ?? null,
    type: event.type,
    data: event.data ?? {},
  });
}
