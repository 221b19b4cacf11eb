import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createStaffSession, endAllStaffSessions, endStaffSession, resolveStaff } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';

let userId: string;

beforeAll(async () => {
  const [u] = await getDb()
    .insert(users)
    .values({ email: 'case@example.dk', name: 'Case Worker', role: 'caseworker', passwordHash: await hashPassword('correct horse') })
    .returning({ id: users.id });
  userId = u!.id;
});

describe('staff passwords', () => {
  it('accepts the right password only', async () => {
    const [u] = await getDb().select().from(users).where(eq(users.id, userId));
    expect(await verifyPassword(u!.passwordHash, 'correct horse')).toBe(true);
    expect(await verifyPassword(u!.passwordHash, 'wrong')).toBe(false);
    expect(await verifyPassword(null, 'correct horse')).toBe(false);
  });
});

describe('staff sessions', () => {
  it('resolves a fresh session to the staff member and records the sign-in', async () => {
    const sid = await createStaffSession(getDb(), userId);
    expect(await resolveStaff(getDb(), sid)).toMatchObject({ id: userId, email: 'case@example.dk', role: 'caseworker' });
    const [u] = await getDb().select().from(users).where(eq(users.id, userId));
    expect(u!.lastSignInAt).not.toBeNull();
  });

  it('ends after 30 idle minutes', async () => {
    const sid = await createStaffSession(getDb(), userId);
    await getDb().update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` }).where(eq(sessions.sessionToken, sid));
    expect(await resolveStaff(getDb(), sid)).toBeNull();
  });

  it('ends 10 hours after sign-in even when active', async () => {
    const sid = await createStaffSession(getDb(), userId);
    await getDb().update(sessions).set({ expires: sql`now() - interval '1 second'` }).where(eq(sessions.sessionToken, sid));
    expect(await resolveStaff(getDb(), sid)).toBeNull();
  });

  it('stops working at once when the account is deactivated', async () => {
    const sid = await createStaffSession(getDb(), userId);
    await getDb().update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await resolveStaff(getDb(), sid)).toBeNull();
    await getDb().update(users).set({ active: true }).where(eq(users.id, userId));
    expect(await resolveStaff(getDb(), sid)).not.toBeNull();
  });

  it('ends on sign-out, and all sessions can be ended together', async () => {
    const a = await createStaffSession(getDb(), userId);
    const b = await createStaffSession(getDb(), userId);
    await endStaffSession(getDb(), a);
    expect(await resolveStaff(getDb(), a)).toBeNull();
    expect(await resolveStaff(getDb(), b)).not.toBeNull();
    await endAllStaffSessions(getDb(), userId);
    expect(await resolveStaff(getDb(), b)).toBeNull();
  });
});
