// One open application per eID identity (the partial unique index applications_one_open_per_identifier): finding
// the open one for a returning applicant, and sending its status link again to the email on the application.
import { and, eq, inArray } from 'drizzle-orm';
import { applications, statusLinks } from '@/db/schema';
import { recordEvent } from '@/lib/audit';
import { isUniqueViolation, type Db, type DbOrTx } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { AppError } from '@/lib/errors';
import { hit } from '@/lib/security/rate-limit';
import { openStates } from './states';
import { newStatusToken, statusLink } from './status-token';

/** Status links sent again per application per hour: enough for a lost email, too few to flood an inbox. */
export const RESENDS_PER_HOUR = 3;

export async function findOpenApplication(db: DbOrTx, personIdentifier: string) {
  const [row] = await db
    .select({ id: applications.id, reference: applications.reference, email: applications.email, locale: applications.locale })
    .from(applications)
    .where(and(eq(applications.personIdentifier, personIdentifier), inArray(applications.state, [...openStates])));
  return row ?? null;
}

/** True for the index violation that says "this eID identity already has an open application". */
export function isOpenApplicationConflict(error: unknown): boolean {
  return isUniqueViolation(error, 'applications_one_open_per_identifier');
}

/**
 * A fresh status link by email to the address on the open application (only hashes are stored, so the old link
 * and any a reminder added stop working). The version is left alone: a caseworker deciding the case at this moment must not be refused.
 */
export async function resendStatusLink(db: Db, personIdentifier: string): Promise<{ reference: string } | null> {
  const open = await findOpenApplication(db, personIdentifier);
  if (!open) return null;
  if (!(await hit(db, `status-link-resend:${open.id}`, RESENDS_PER_HOUR, 3600)).allowed) throw new AppError('RATE_LIMITED', 'application.resendLimited');
  const { token, hash } = newStatusToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(applications)
      .set({ statusTokenHash: hash })
      .where(and(eq(applications.id, open.id), inArray(applications.state, [...openStates])))
      .returning({ id: applications.id });
    if (!row) return null;
    // Links added by reminders end too: the page promises that links in earlier emails stop working.
    await tx.delete(statusLinks).where(eq(statusLinks.applicationId, open.id));
    await recordEvent(tx, { applicationId: open.id, actor: { type: 'applicant', id: personIdentifier }, type: 'status_link_resent', data: {} });
    await enqueueEmail(tx, { to: open.email, template: 'status-link', locale: open.locale, data: { reference: open.reference, statusUrl: statusLink(token) } });
    return { reference: open.reference };
  });
}
