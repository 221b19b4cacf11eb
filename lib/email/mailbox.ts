// The demo mailbox: what the service would have sent, read back from the outbox (demo mode only).
import { desc, eq } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import { decryptJson } from '@/lib/security/crypto';
import { renderEmail } from './render';

export async function listMailbox(db: DbOrTx, limit = 100) {
  const rows = await db
    .select({ id: emailOutbox.id, to: emailOutbox.toAddress, template: emailOutbox.template, locale: emailOutbox.locale, dataEnc: emailOutbox.dataEnc, status: emailOutbox.status, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
  return Promise.all(
    rows.map(async ({ dataEnc, ...row }) => ({ ...row, subject: (await renderEmail(row.template, row.locale, decryptJson(dataEnc))).subject })),
  );
}

export async function getMailboxEmail(db: DbOrTx, id: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!row) return null;
  const rendered = await renderEmail(row.template, row.locale, decryptJson(row.dataEnc));
  return { id: row.id, to: row.toAddress, status: row.status, createdAt: row.createdAt, ...rendered };
}
