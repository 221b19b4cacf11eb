import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { linkSsoAccount } from '@/lib/auth/sso';
import { getDb } from '@/lib/db';

describe('staff single sign-on accounts', () => {
  it('creates an account without a role on the first sign-in, and signs the same subject in again', async () => {
    const id = await linkSsoAccount(getDb(), { subject: 'sub-new', email: 'New.Person@Example.dk', emailVerified: true, name: 'New Person' });
    expect(id).not.toBeNull();
    const [u] = await getDb().select().from(users).where(eq(users.id, id!));
    expect(u).toMatchObject({ email: 'new.person@example.dk', role: null, active: true });
    expect(await linkSsoAccount(getDb(), { subject: 'sub-new', email: 'changed@example.dk', emailVerified: false, name: null })).toBe(id);
  });

  it('never takes over an account by an email claim: unverified, or an account with a password', async () => {
    await getDb().insert(users).values({ email: 'admin@example.dk', role: 'admin', passwordHash: await hashPassword('secret secret') });
    expect(await linkSsoAccount(getDb(), { subject: 'attacker', email: 'admin@example.dk', emailVerified: true, name: null })).toBeNull();
    expect(await linkSsoAccount(getDb(), { subject: 'attacker-2', email: 'someone@example.dk', emailVerified: false, name: null })).toBeNull();
    expect(await getDb().select().from(accounts).where(eq(accounts.providerAccountId, 'attacker'))).toHaveLength(0);
  });

  it('binds an account an admin created for single sign-on (no password) on its first sign-in', async () => {
    const [created] = await getDb().insert(users).values({ email: 'invited@example.dk', role: 'caseworker' }).returning();
    expect(await linkSsoAccount(getDb(), { subject: 'sub-invited', email: 'invited@example.dk', emailVerified: true, name: null })).toBe(created!.id);
    // Bound now: another subject claiming the same email is refused.
    expect(await linkSsoAccount(getDb(), { subject: 'sub-other', email: 'invited@example.dk', emailVerified: true, name: null })).toBeNull();
  });

  it('refuses a deactivated account', async () => {
    const id = await linkSsoAccount(getDb(), { subject: 'sub-leaver', email: 'leaver@example.dk', emailVerified: true, name: null });
    await getDb().update(users).set({ active: false }).where(eq(users.id, id!));
    expect(await linkSsoAccount(getDb(), { subject: 'sub-leaver', email: 'leaver@example.dk', emailVerified: true, name: null })).toBeNull();
  });
});
