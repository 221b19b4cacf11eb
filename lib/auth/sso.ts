// Staff single sign-on: which local account an identity from the OIDC provider signs in as.
// Accounts are bound by the provider's subject, never by an email claim alone (emails can be chosen by users at some providers).
import { and, eq } from 'drizzle-orm';
import { accounts, users } from '@/db/schema';
import type { Db } from '@/lib/db';

export const SSO_PROVIDER = 'sso';

type SsoIdentity = { subject: string; email: string | null; emailVerified: boolean; name: string | null };

/**
 * The user id to sign in as, or null to refuse. A known subject signs in as its account (if active). A new subject with
 * a verified email gets a new account without a role (an admin grants one), or is bound to an existing account of that
 * email that has no password and no other sign-in yet (an admin created it for single sign-on).
 */
export async function linkSsoAccount(db: Db, identity: SsoIdentity): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [known] = await tx
      .select({ id: users.id, active: users.active })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(and(eq(accounts.provider, SSO_PROVIDER), eq(accounts.providerAccountId, identity.subject)));
    if (known) return known.active ? known.id : null;
    if (!identity.email || !identity.emailVerified) return null;
    const email = identity.email.toLowerCase();
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    let userId: string;
    if (existing) {
      const [other] = await tx.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, existing.id));
      if (!existing.active || existing.passwordHash || other) return null;
      userId = existing.id;
    } else {
      const [created] = await tx.insert(users).values({ email, name: identity.name, emailVerified: new Date() }).returning({ id: users.id });
      userId = created!.id;
    }
    await tx.insert(accounts).values({ userId, type: 'oidc', provider: SSO_PROVIDER, providerAccountId: identity.subject });
    return userId;
  });
}
