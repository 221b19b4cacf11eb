// Password sign-in through next-auth's own credentials endpoint: one generic refusal, and the per-account and
// per-IP limits (counted in PostgreSQL, so every instance shares them).
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '@/lib/auth/config';
import { createStaff, postCredentials, TEST_PASSWORD } from './support/staff';

const code = (location: string) => new URL(location).searchParams.get('code');

beforeAll(async () => {
  await createStaff('someone@example.dk', 'caseworker');
  await createStaff('target@example.dk', 'caseworker');
  await createStaff('bystander@example.dk', 'caseworker');
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
    expect(code(locked.location)).toBe('rate_limited');
    expect(locked.cookies['authjs.session-token']).toBeUndefined();

    const neighbour = await postCredentials('bystander@example.dk', TEST_PASSWORD, ip);
    expect(neighbour.cookies['authjs.session-token']).toBeTruthy();
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
