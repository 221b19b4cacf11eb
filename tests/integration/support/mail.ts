// Reads what the applicant received: the newest email about a reference and the status token in its link.
import { desc } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema';
import { getDb } from '@/lib/db';
import { getMailboxEmail } from '@/lib/email/mailbox';
import { decryptJson } from '@/lib/security/crypto';

export async function emailsAbout(reference: string) {
  const rows = await getDb().select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt));
  const mine = rows.filter((r) => decryptJson<Record<string, string>>(r.dataEnc).reference === reference);
  return Promise.all(mine.map(async (r) => ({ template: r.template, ...(await getMailboxEmail(getDb(), r.id))! })));
}

export async function latestStatusToken(reference: string): Promise<string> {
  for (const email of await emailsAbout(reference)) {
    const m = email.html.match(/\/status#([A-Za-z0-9_-]{43})"/);
    if (m) return m[1]!;
  }
  throw new Error(`no status link sent for ${reference}`);
}
