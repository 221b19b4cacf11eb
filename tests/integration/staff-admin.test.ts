import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { applicationEvents, emailOutbox, sessions, users, verificationTokens } from '@/db/schema';
import { roleCan } from '@/lib/auth/roles';
import { verifyPassword } from '@/lib/auth/password';
import { createStaffSession, resolveStaff, type Staff } from '@/lib/auth/sessions';
import { getDb } from '@/lib/db';
import { getMailboxEmail } from '@/lib/email/mailbox';
import { changeStaffRole, createStaff, listRecentActions, listStaff, resendSetPasswordLink, setStaffActive } from '@/lib/staff/accounts';
import { findSetPasswordLink, setPasswordWithLink } from '@/lib/staff/invites';

const db = () => getDb();
let admin: Staff;

async function staffMember(email: string, role: Staff['role']): Promise<Staff> {
  const [u] = await db().insert(users).values({ email, name: email.split('@')[0], role }).returning({ id: users.id });
  return { id: u!.id, email, name: email.split('@')[0]!, role, sessionId: 'test' };
}

/** The set-password link in the newest email to an address, as the person would click it. */
async function linkSentTo(address: string): Promise<string> {
  const [row] = await db().select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(sql`${emailOutbox.createdAt} desc`).limit(1);
  const email = await getMailboxEmail(db(), row!.id);
  const token = /set-password\?token=([\w-]+)/.exec(email!.text)?.[1];
  expect(token).toBeTruthy();
  return token!;
}

beforeEach(async () => {
  await db().execute(sql`truncate users, sessions, verification_tokens, email_outbox, application_events cascade`);
  admin = await staffMember('admin@example.dk', 'admin');
});

describe('creating a staff account', () => {
  it('creates the account without a password and emails a one-time link whose token is stored only as a hash', async () => {
    const { id } = await createStaff(db(), admin, { name: 'Nina Ny', email: 'nina@example.dk', role: 'caseworker' }, 'en');
    const [created] = await listStaff(db()).then((all) => all.filter((s) => s.id === id));
    expect(created).toMatchObject({ name: 'Nina Ny', email: 'nina@example.dk', role: 'caseworker', active: true, passwordSet: false, lastSignInAt: null });

    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'nina@example.dk'));
    expect(mail!.template).toBe('staff-invite');
    const rendered = await getMailboxEmail(db(), mail!.id);
    expect(rendered!.subject).toBe('Your staff account for Identity Matching');
    expect(rendered!.text).toContain('with the role Caseworker');
    const token = await linkSentTo('nina@example.dk');
    const stored = await db().select().from(verificationTokens);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token).not.toBe(token);

    const types = (await db().select().from(applicationEvents)).map((e) => [e.type, e.actorId]);
    expect(types).toEqual(expect.arrayContaining([['staff_created', admin.id], ['staff_invite_sent', admin.id]]));
  });

  it('refuses an email address that already has an account, changing nothing', async () => {
    await staffMember('taken@example.dk', 'caseworker');
    await expect(createStaff(db(), admin, { name: 'X', email: 'taken@example.dk', role: 'admin' }, 'en')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { fields: { email: ['emailTaken'] } },
    });
    expect(await db().select().from(emailOutbox)).toHaveLength(0);
    expect((await listStaff(db())).find((s) => s.email === 'taken@example.dk')?.role).toBe('caseworker');
  });
});

describe('the set-password link', () => {
  it('sets the password once; the link then stops working', async () => {
    await createStaff(db(), admin, { name: 'Nina Ny', email: 'nina@example.dk', role: 'caseworker' }, 'da');
    const token = await linkSentTo('nina@example.dk');
    expect(await findSetPasswordLink(db(), token)).toMatchObject({ email: 'nina@example.dk' });
    await setPasswordWithLink(db(), token, 'a long enough password');
    const [u] = await db().select().from(users).where(eq(users.email, 'nina@example.dk'));
    expect(await verifyPassword(u!.passwordHash, 'a long enough password')).toBe(true);
    expect(await findSetPasswordLink(db(), token)).toBeNull();
    await expect(setPasswordWithLink(db(), token, 'another long password')).rejects.toMatchObject({ code: 'NOT_FOUND', messageKey: 'setPasswordLinkInvalid' });
    const [event] = await db().select().from(applicationEvents).where(eq(applicationEvents.type, 'staff_password_set'));
    expect(event!.actorId).toBe(u!.id);
  });

  it('ends every other session of the account when a password is set from a link', async () => {
    const { id } = await createStaff(db(), admin, { name: 'Nina Ny', email: 'nina@example.dk', role: 'caseworker' }, 'en');
    const before = await createStaffSession(db(), id);
    expect(await resolveStaff(db(), before)).not.toBeNull();
    await setPasswordWithLink(db(), await linkSentTo('nina@example.dk'), 'a long enough password');
    expect(await resolveStaff(db(), before)).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
  });

  it('stops working after 72 hours, when a newer link is sent, and when the account is deactivated', async () => {
    const { id } = await createStaff(db(), admin, { name: 'Nina Ny', email: 'nina@example.dk', role: 'caseworker' }, 'en');
    const first = await linkSentTo('nina@example.dk');
    await resendSetPasswordLink(db(), admin, id, 'en');
    const second = await linkSentTo('nina@example.dk');
    expect(await findSetPasswordLink(db(), first)).toBeNull();
    expect(await findSetPasswordLink(db(), second)).not.toBeNull();

    await db().update(verificationTokens).set({ expires: sql`now() - interval '1 second'` }).where(eq(verificationTokens.identifier, `set-password:${id}`));
    expect(await findSetPasswordLink(db(), second)).toBeNull();

    await resendSetPasswordLink(db(), admin, id, 'en');
    const third = await linkSentTo('nina@example.dk');
    await setStaffActive(db(), admin, id, false);
    expect(await findSetPasswordLink(db(), third)).toBeNull();
    await expect(setPasswordWithLink(db(), third, 'a long enough password')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('roles and deactivation', () => {
  it('changes a role, effective at the next request, and records it', async () => {
    const person = await staffMember('kim@example.dk', 'caseworker');
    const sid = await createStaffSession(db(), person.id);
    await changeStaffRole(db(), admin, person.id, 'supervisor');
    expect((await resolveStaff(db(), sid))?.role).toBe('supervisor');
    const [event] = await db().select().from(applicationEvents).where(eq(applicationEvents.type, 'staff_role_changed'));
    expect(event).toMatchObject({ actorId: admin.id, data: { userId: person.id, from: 'caseworker', to: 'supervisor' } });
  });

  it('deactivation ends every session at once; reactivation lets the person sign in again', async () => {
    const person = await staffMember('kim@example.dk', 'caseworker');
    const sid = await createStaffSession(db(), person.id);
    await setStaffActive(db(), admin, person.id, false);
    expect(await resolveStaff(db(), sid)).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
    await setStaffActive(db(), admin, person.id, true);
    expect(await resolveStaff(db(), await createStaffSession(db(), person.id))).toMatchObject({ id: person.id });
    const types = (await listRecentActions(db(), admin.id)).map((a) => a.type);
    expect(types).toEqual(['staff_reactivated', 'staff_deactivated']);
  });

  it('keeps the last active admin: no self-demotion or self-deactivation, but fine once there is another admin', async () => {
    await expect(changeStaffRole(db(), admin, admin.id, 'supervisor')).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'lastAdmin' });
    await expect(setStaffActive(db(), admin, admin.id, false)).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'lastAdmin' });
    const [me] = await db().select().from(users).where(eq(users.id, admin.id));
    expect(me).toMatchObject({ role: 'admin', active: true });

    const other = await staffMember('other-admin@example.dk', 'admin');
    await changeStaffRole(db(), admin, admin.id, 'supervisor');
    // Now `other` is the last admin; an inactive admin does not count.
    await expect(setStaffActive(db(), other, other.id, false)).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'lastAdmin' });
    await expect(changeStaffRole(db(), other, other.id, 'caseworker')).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'lastAdmin' });
  });

  it('lets only admins manage staff', async () => {
    const supervisor = await staffMember('sup@example.dk', 'supervisor');
    const caseworker = await staffMember('cw@example.dk', 'caseworker');
    for (const actor of [supervisor, caseworker]) {
      await expect(createStaff(db(), actor, { name: 'X', email: 'x@example.dk', role: 'admin' }, 'en')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(changeStaffRole(db(), actor, actor.id, 'admin')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(setStaffActive(db(), actor, admin.id, false)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(resendSetPasswordLink(db(), actor, admin.id, 'en')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await db().select().from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)))).toHaveLength(1);
  });
});

describe('who may see what', () => {
  it('gives statistics to supervisors and admins, staff administration to admins only', () => {
    const matrix = (['caseworker', 'supervisor', 'admin', null] as const).map((role) => [role, roleCan(role, 'supervisor'), roleCan(role, 'admin')]);
    expect(matrix).toEqual([
      ['caseworker', false, false],
      ['supervisor', true, false],
      ['admin', true, true],
      [null, false, false],
    ]);
  });
});
