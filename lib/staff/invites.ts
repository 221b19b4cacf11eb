// One-time set-password links for new staff: a random token mailed to the person, only its hash stored
// (verification_tokens), valid for 72 hours, gone once used or when a newer link is sent.
import { and, eq, gt, like, sql } from 'drizzle-orm';
import { users, verificationTokens } from '@/db/schema';
import type { StaffRole } from '@/lib/vocabulary';
import { recordEvent, type Actor } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/password';
import { endAllStaffSessions } from '@/lib/auth/sessions';
import type { Db, DbOrTx } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { randomToken, sha256 } from '@/lib/security/crypto';

export const INVITE_HOURS = 72;
const PREFIX = 'set-password:';

/** Replaces any earlier link of the person with a new one and queues the email, in the caller's transaction. */
export async function sendSetPasswordLink(
  tx: DbOrTx,
  person: { id: string; email: string; name: string | null; role: StaffRole | null },
  actor: Actor,
  locale: Locale,
): Promise<void> {
  const token = randomToken();
  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, PREFIX + person.id));
  await tx.insert(verificationTokens).values({ identifier: PREFIX + person.id, token: sha256(token), expires: new Date(Date.now() + INVITE_HOURS * 3600_000) });
  const roleName = person.role ? translator(locale, 'admin')(`role.${person.role}`) : '';
  await enqueueEmail(tx, {
    to: person.email,
    template: 'staff-invite',
    locale,
    data: { name: person.name ?? person.email, role: roleName, link: `${env().APP_URL}/set-password?token=${encodeURIComponent(token)}` },
  });
  await recordEvent(tx, { actor, type: 'staff_invite_sent', data: { userId: person.id } });
}

export async function revokeSetPasswordLinks(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, PREFIX + userId));
}

const validToken = (token: string) =>
  and(eq(verificationTokens.token, sha256(token)), like(verificationTokens.identifier, `${PREFIX}%`), gt(verificationTokens.expires, sql`now()`));

/** The active account a link belongs to, or null when the link is unknown, used, expired or the account inactive. */
export async function findSetPasswordLink(db: DbOrTx, token: string): Promise<{ userId: string; email: string } | null> {
  const [row] = await db
    .select({ userId: users.id, email: users.email })
    .from(verificationTokens)
    .innerJoin(users, eq(sql`${PREFIX} || ${users.id}`, verificationTokens.identifier))
    .where(and(validToken(token), eq(users.active, true)));
  return row ?? null;
}

/** Sets the password, uses up the link and ends the account's sessions, in one transaction with its audit event. */
export async function setPasswordWithLink(db: Db, token: string, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ userId: users.id, email: users.email, identifier: verificationTokens.identifier })
      .from(verificationTokens)
      .innerJoin(users, eq(sql`${PREFIX} || ${users.id}`, verificationTokens.identifier))
      .where(and(validToken(token), eq(users.active, true)))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND', 'setPasswordLinkInvalid');
    await tx.update(users).set({ passwordHash, emailVerified: sql`now()` }).where(eq(users.id, row.userId));
    await revokeSetPasswordLinks(tx, row.userId);
    // A new password ends every session of the account: whoever knew the old one (or held its cookie) is out.
    await endAllStaffSessions(tx, row.userId);
    await recordEvent(tx, { actor: { type: 'staff', id: row.userId }, type: 'staff_password_set' });
    return { email: row.email };
  });
}
