// Password sign-in through next-auth's own credentials endpoint: one generic refusal, failures counted per account from
// any address, attempts per address over all accounts (counted in PostgreSQL, so every instance shares them), each
// counted before the password hash runs, and the owner of a locked account told by email.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { SIGN_IN_LIMITS } from '@/lib/auth/config';
import { getDb } from '@/lib/db';
import { getMailboxEmail } from '@/lib/email/mailbox';
import { createStaff, postCredentials, TEST_PASSWORD } from './support/staff';

const code = (location: string) => new URL(location).searchParams.get('code');
const emailsTo = (address: string) => getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

beforeAll(async () => {
  for (const email of ['someone', 'target', 'bystander', 'spread', 'parallel', 'locked-en']) await createStaff(`${email}@example.dk`, 'caseworker');
  for (let i = 0; i < SIGN_IN_LIMITS.perIp + 1; i++) await createStaff(`crowd${i}@example.dk`, 'caseworker');
});

describe('password sign-in', () => {
  it('answers a wrong password and an unknown account with the same refusal', async () => {
    const wrong = await postCredentials('someone@example.dk', 'not the password', '198.51.100.1');
    const unknown = await postCredentials('nobody@example.dk', 'not the password', '198.51.100.1');
    expect(wrong.location).toBe(unknown.location);
    expect(code(wrong.location)).toBe('credentials');
    expect(wrong.cookies['authjs.session-token']).toBeUndefined();
  });

  it(`locks an account after ${SIGN_IN_LIMITS.perAccount} failed attempts, even against the right password, and not its neighbours`, async () => {
    const ip = '198.51.100.20';
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect(code((await postCredentials('target@example.dk', `guess ${i}`, ip)).location), `attempt ${i + 1}`).toBe('credentials');
    }
    const locked = await postCredentials('target@example.dk', TEST_PASSWORD, ip);
    expect(code(locked.location)).toBe('account_locked');
    expect(locked.cookies['authjs.session-token']).toBeUndefined();

    const neighbour = await postCredentials('bystander@example.dk', TEST_PASSWORD, ip);
    expect(neighbour.cookies['authjs.session-token']).toBeTruthy();
  });

  it('counts failures per account whichever address they come from', async () => {
    const outcomes: (string | null)[] = [];
    for (let i = 0; i < 12; i++) outcomes.push(code((await postCredentials('spread@example.dk', `guess ${i}`, `192.0.2.${i + 1}`)).location));
    expect(outcomes).toEqual([...Array(SIGN_IN_LIMITS.perAccount).fill('credentials'), ...Array(12 - SIGN_IN_LIMITS.perAccount).fill('account_locked')]);
    const fromANewAddress = await postCredentials('spread@example.dk', TEST_PASSWORD, '192.0.2.200');
    expect(code(fromANewAddress.location)).toBe('account_locked');
  });

  it('admits no more guesses than the limit when they arrive all at once', async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, (_, i) => postCredentials('parallel@example.dk', `guess ${i}`, `192.0.2.${100 + i}`)));
    const outcomes = attempts.map((a) => code(a.location));
    expect(outcomes.filter((c) => c === 'credentials')).toHaveLength(SIGN_IN_LIMITS.perAccount);
    expect(outcomes.filter((c) => c === 'account_locked')).toHaveLength(12 - SIGN_IN_LIMITS.perAccount);
  });

  it('emails the owner of a locked account once, saying for how long, and nothing about the attempts', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount + 3; i++) await postCredentials('locked-en@example.dk', `guess ${i}`, `198.51.100.${60 + i}`);
    const sent = await emailsTo('locked-en@example.dk');
    expect(sent.map((e) => e.template)).toEqual(['staff-account-locked']);
    const email = await getMailboxEmail(getDb(), sent[0]!.id);
    expect(email!.subject).toBe('Your staff account was locked after failed sign-ins');
    expect(email!.text).toContain('the account is locked for 15 minutes');
    expect(email!.text).not.toMatch(/198\.51\.100/);
    // Nobody is emailed about an account that does not exist.
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount + 1; i++) await postCredentials('ghost@example.dk', `guess ${i}`, `198.51.100.${80 + i}`);
    expect(await emailsTo('ghost@example.dk')).toHaveLength(0);
  });

  it(`refuses an address after ${SIGN_IN_LIMITS.perIp} attempts, whichever accounts it tries, and not other addresses`, async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      const attempt = await postCredentials(`crowd${i}@example.dk`, 'wrong', ip);
      expect(code(attempt.location), `attempt ${i + 1}`).toBe('credentials');
    }
    const blocked = await postCredentials(`crowd${SIGN_IN_LIMITS.perIp}@example.dk`, TEST_PASSWORD, ip);
    expect(code(blocked.location)).toBe('rate_limited');

    const elsewhere = await postCredentials(`crowd${SIGN_IN_LIMITS.perIp}@example.dk`, TEST_PASSWORD, '203.0.113.78');
    expect(elsewhere.cookies['authjs.session-token']).toBeTruthy();
  });
});
