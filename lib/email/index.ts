// Email: enqueueEmail writes an outbox row in the caller's transaction (the change and its email commit together);
// deliverPendingEmails sends due rows through Resend with retries, the outbox id as idempotency key. Emails to an
// applicant carry the eID person identifier they are about, so the person's copy of their data can list them.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { Resend } from 'resend';
import { emailOutbox } from '@/db/schema';
import type { Db, DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/config';
import { AppError } from '@/lib/errors';
import { loggableError, logger } from '@/lib/log';
import { decryptJson, encryptJson } from '@/lib/security/crypto';
import { renderEmail, type RenderedEmail } from './render';
import type { TemplateName } from './templates';

export type { TemplateName } from './templates';
export { renderEmail } from './render';

const CPR_LIKE = /(?<!\d)\d{2}\s?\d{2}\s?\d{2}\s?[-–]?\s?\d{4}(?!\d)/;
export const MAX_ATTEMPTS = 8;

export async function enqueueEmail(
  tx: DbOrTx,
  email: { to: string; template: TemplateName; locale: Locale; data?: Record<string, string>; personIdentifier?: string | null },
): Promise<string> {
  const data = email.data ?? {};
  // A CPR number must never leave in an email: refuse rather than send.
  if (Object.values(data).some((v) => CPR_LIKE.test(v))) throw new AppError('INVALID_INPUT', 'cprInEmail');
  const [row] = await tx
    .insert(emailOutbox)
    .values({ toAddress: email.to, template: email.template, locale: email.locale, dataEnc: encryptJson(data), personIdentifier: email.personIdentifier ?? null })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

export type EmailSender = (msg: { id: string; to: string } & RenderedEmail) => Promise<{ providerId: string }>;

let resendClient: Resend | undefined;

/** The Resend sender; created lazily because the SDK throws at construction without a key. */
export function resendSender(): EmailSender {
  return async (msg) => {
    const { RESEND_API_KEY, EMAIL_FROM } = env();
    if (!RESEND_API_KEY) throw new Error('RESEND_API_KEY is not set');
    resendClient ??= new Resend(RESEND_API_KEY);
    const { data, error } = await resendClient.emails.send(
      { from: EMAIL_FROM, to: [msg.to], subject: msg.subject, html: msg.html, text: msg.text },
      { idempotencyKey: `outbox-${msg.id}` },
    );
    if (error || !data) throw new Error(`resend: ${error?.name ?? 'error'} ${error?.message ?? ''}`.trim());
    return { providerId: data.id };
  };
}

export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** (attempts - 1), 6 * 3600);
}

/**
 * Sends due outbox rows. Rows are leased first (next_attempt_at pushed ahead) with SKIP LOCKED, so several
 * workers never send the same row; a crash after sending is covered by the provider's idempotency key.
 */
export async function deliverPendingEmails(db: Db, send: EmailSender, limit = 20): Promise<{ sent: number; failed: number }> {
  const leased = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ nextAttemptAt: sql`now() + interval '5 minutes'`, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(inArray(emailOutbox.id, due.map((d) => d.id)))
      .returning();
  });

  let sent = 0;
  let failed = 0;
  for (const row of leased) {
    try {
      const rendered = await renderEmail(row.template, row.locale, decryptJson<Record<string, string>>(row.dataEnc));
      const { providerId } = await send({ id: row.id, to: row.toAddress, ...rendered });
      await db.update(emailOutbox).set({ status: 'sent', sentAt: sql`now()`, providerId, lastError: null }).where(eq(emailOutbox.id, row.id));
      sent++;
    } catch (e) {
      failed++;
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      const safe = loggableError(e);
      const message = (safe.type === 'DatabaseError' ? `database error ${String(safe.code)}` : String(safe.message ?? 'unknown error')).slice(0, 500);
      logger.warn({ outboxId: row.id, attempts: row.attempts, giveUp, err: e }, 'email delivery failed');
      await db
        .update(emailOutbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          lastError: message,
          nextAttemptAt: sql`now() + make_interval(secs => ${backoffSeconds(row.attempts)})`,
        })
        .where(eq(emailOutbox.id, row.id));
    }
  }
  return { sent, failed };
}
