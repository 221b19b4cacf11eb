// The CPR Direkte adapter against the stand-in TLS server: what the register answers, how its status codes and
// protection arrive in our records, and how logon, expired tokens, slowness, dropped connections and a dead register
// are handled (a quick 503 "try again later", never a hang and never a wrong person).
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { CprDirekteClient, cprDirekteRegister, type CprDirekteOptions } from '@/lib/register/cpr-direkte';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { BORN_2010_CPR, PROTECTED_CPR, PROTECTION_LATER_CPR, registerFixture, STATUS_PERSONS } from '../support/cpr-direkte-fixture';
import { STAND_IN_CA_FILE, STAND_IN_CREDENTIALS, startCprDirekteStandIn, type StandIn } from '../support/cpr-direkte-stand-in';

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startCprDirekteStandIn(registerFixture());
});

afterAll(async () => {
  await standIn?.stop();
});

function client(over: Partial<CprDirekteOptions> = {}): CprDirekteClient {
  return new CprDirekteClient({
    host: standIn.host,
    port: standIn.port,
    ca: readFileSync(STAND_IN_CA_FILE),
    timeoutMs: 2000,
    transaction: 'PRIV',
    matchTransaction: 'ADRM',
    ...STAND_IN_CREDENTIALS,
    poolSize: 4,
    retries: 2,
    retryDelayMs: 10,
    tokenTtlMs: 60_000,
    breaker: { failureThreshold: 3, openMs: 60_000 },
    ...over,
  });
}

/** What the stand-in counted while `run` ran. */
async function counted<T>(run: () => Promise<T>) {
  const before = { ...standIn.counts };
  const result: { value?: T; error?: unknown } = await run().then((value) => ({ value }), (error: unknown) => ({ error }));
  const after = standIn.counts;
  return { ...result, logons: after.logons - before.logons, requests: after.requests - before.requests, connections: after.connections - before.connections };
}

function unavailable(error: unknown): AppError {
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.code).toBe('UNAVAILABLE');
  expect(e.status).toBe(503);
  expect(e.messageKey).toBe('REGISTER_UNAVAILABLE');
  return e;
}

const p01 = findDemoPerson('p01')!.register!;

describe('looking a person up by CPR number', () => {
  it('answers with the register record: names, birth date, sex, status and address', async () => {
    const record = await cprDirekteRegister(client()).lookup(p01.cpr);
    expect(record).toEqual({
      cpr: p01.cpr,
      givenNames: [p01.givenNames, p01.middleName].filter(Boolean).join(' '),
      familyName: p01.familyName,
      dateOfBirth: p01.dateOfBirth,
      sex: p01.sex,
      status: 'active',
      nameAddressProtected: false,
      address: p01.address,
    });
  });

  it.each([
    ['01', 'active'], ['03', 'active'], ['05', 'active'], ['07', 'active'], ['20', 'inactive'], ['30', 'annulled'],
    ['50', 'annulled'], ['60', 'changed'], ['70', 'disappeared'], ['80', 'emigrated'], ['90', 'deceased'],
  ])('maps register status %s to %s', async (code, status) => {
    const cpr = STATUS_PERSONS.find(([c]) => c === code)![1];
    expect(await cprDirekteRegister(client()).lookup(cpr)).toMatchObject({ cpr, status, familyName: 'Østergård', givenNames: 'Mette Marie' });
  });

  it('gives an emigrated person the foreign address from record 002', async () => {
    const cpr = STATUS_PERSONS.find(([c]) => c === '80')![1];
    expect((await cprDirekteRegister(client()).lookup(cpr))?.address).toBe('Storgatan 3, 111 22 Stockholm, Sverige');
  });

  it('gives a person without a Danish address the contact address from record 003', async () => {
    expect(await cprDirekteRegister(client()).lookup(BORN_2010_CPR)).toMatchObject({ dateOfBirth: '2010-07-02', address: 'c/o Holm, Skovvej 2, 4000 Roskilde' });
  });

  it('marks name-and-address protection and never carries the protected address', async () => {
    const record = await cprDirekteRegister(client()).lookup(PROTECTED_CPR);
    expect(record).toMatchObject({ givenNames: 'Jens', familyName: 'Hansen', nameAddressProtected: true });
    expect(record).not.toHaveProperty('address');
    expect(JSON.stringify(record)).not.toContain('Hemmelig');
  });

  it('does not treat protection that starts in the future as protection yet', async () => {
    expect(await cprDirekteRegister(client()).lookup(PROTECTION_LATER_CPR)).toMatchObject({ nameAddressProtected: false, address: 'Nørregade 7, 1165 København K' });
  });

  it('answers null for a CPR number the register does not know, asking only once', async () => {
    const c = client();
    await c.lookup(p01.cpr); // logged on
    const { value, requests } = await counted(() => cprDirekteRegister(c).lookup('0101010000'));
    expect(value).toBeNull();
    expect(requests).toBe(1);
  });
});

describe('logon and tokens', () => {
  it('logs on once and reuses the token for the following requests', async () => {
    const c = client();
    const { logons, requests } = await counted(async () => {
      await c.lookup(p01.cpr);
      await c.lookup(p01.cpr);
      await Promise.all([c.lookup(p01.cpr), c.lookup(PROTECTED_CPR)]);
    });
    expect(logons).toBe(1);
    expect(requests).toBe(4);
  });

  it('logs on again when the register says the token has expired, and answers', async () => {
    const c = client();
    await c.lookup(p01.cpr);
    standIn.expireTokens();
    const { value, logons, requests } = await counted(() => c.lookup(p01.cpr));
    expect(value).toMatchObject({ cpr: p01.cpr });
    expect(logons).toBe(1);
    expect(requests).toBe(2);
  });

  it('refuses with "try again later" on wrong credentials and does not repeat the logon', async () => {
    const register = cprDirekteRegister(client({ password: 'wrong' }));
    const first = await counted(() => register.lookup(p01.cpr));
    unavailable(first.error);
    expect(first.logons).toBe(1);
    const second = await counted(() => register.lookup(p01.cpr));
    unavailable(second.error);
    expect(second.connections).toBe(0);
  });

  it('refuses an unknown customer number the same way', async () => {
    unavailable((await counted(() => cprDirekteRegister(client({ customer: '9999' })).lookup(p01.cpr))).error);
  });

  it('refuses a server whose certificate the configured CA does not vouch for', async () => {
    unavailable((await counted(() => cprDirekteRegister(client({ ca: undefined })).lookup(p01.cpr))).error);
  });
});

describe('a slow, flaky or dead register', () => {
  it('gives up on a slow answer after the request timeout with "try again later"', async () => {
    const c = client({ timeoutMs: 300 });
    await c.lookup(p01.cpr);
    standIn.delayAnswers(1500);
    try {
      const { error, requests } = await counted(() => cprDirekteRegister(c).lookup(p01.cpr));
      unavailable(error);
      expect(requests).toBe(1);
    } finally {
      standIn.delayAnswers(0);
    }
  });

  it('tries again after a dropped connection and answers', async () => {
    const c = client();
    await c.lookup(p01.cpr);
    standIn.dropNext(2);
    const { value, connections } = await counted(() => c.lookup(p01.cpr));
    expect(value).toMatchObject({ cpr: p01.cpr });
    expect(connections).toBe(3);
  });

  it('stops retrying after a bounded number of dropped connections', async () => {
    const c = client({ retries: 2 });
    await c.lookup(p01.cpr);
    standIn.dropNext(10);
    try {
      const { error, connections } = await counted(() => cprDirekteRegister(c).lookup(p01.cpr));
      unavailable(error);
      expect(connections).toBe(3);
    } finally {
      standIn.dropNext(0);
    }
  });

  it('opens the circuit after repeated failures: later requests fail at once without a connection, then it recovers', async () => {
    const c = client({ retries: 0, breaker: { failureThreshold: 2, openMs: 400 } });
    await c.lookup(p01.cpr);
    standIn.dropNext(2);
    unavailable((await counted(() => cprDirekteRegister(c).lookup(p01.cpr))).error);
    unavailable((await counted(() => cprDirekteRegister(c).lookup(p01.cpr))).error);
    const meanwhile = await counted(() => cprDirekteRegister(c).lookup(p01.cpr));
    const e = unavailable(meanwhile.error);
    expect(meanwhile.connections).toBe(0);
    expect(e.details.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await cprDirekteRegister(c).check()).toBe('down');

    await sleep(450);
    expect(await c.lookup(p01.cpr)).toMatchObject({ cpr: p01.cpr });
    expect(c.breaker.current()).toBe('closed');
  });

  it('keeps no more connections open at once than the pool allows', async () => {
    const c = client({ poolSize: 2 });
    await c.lookup(p01.cpr);
    standIn.delayAnswers(50);
    try {
      const before = standIn.counts.mostOpenAtOnce;
      standIn.counts.mostOpenAtOnce = 0;
      const answers = await Promise.all(Array.from({ length: 8 }, () => c.lookup(p01.cpr)));
      expect(answers.every((a) => a?.cpr === p01.cpr)).toBe(true);
      expect(standIn.counts.mostOpenAtOnce).toBeLessThanOrEqual(2);
      standIn.counts.mostOpenAtOnce = Math.max(before, standIn.counts.mostOpenAtOnce);
    } finally {
      standIn.delayAnswers(0);
    }
  });

  it('never puts the CPR number into what it throws', async () => {
    const c = client({ timeoutMs: 200 });
    standIn.delayAnswers(1000);
    try {
      const { error } = await counted(() => cprDirekteRegister(c).lookup(p01.cpr));
      const e = unavailable(error);
      const text = [e.message, String(e.cause), JSON.stringify(e.details), (e.cause as Error).message].join(' ');
      expect(text).not.toContain(p01.cpr);
      expect(text).not.toContain(STAND_IN_CREDENTIALS.password);
    } finally {
      standIn.delayAnswers(0);
    }
  });

  it('reports a reachable register as ok and an unreachable one as down', async () => {
    expect(await cprDirekteRegister(client()).check()).toBe('ok');
    expect(await cprDirekteRegister(client({ port: 1 })).check()).toBe('down');
  });
});

describe('persons born on a date', () => {
  it('lists every person the register has for the birth date', async () => {
    const found = await cprDirekteRegister(client()).bornOn('1970-05-01');
    expect(found.map((r) => r.cpr).sort()).toEqual(STATUS_PERSONS.map(([, cpr]) => cpr).sort());
  });

  it('answers an empty list for a date without persons', async () => {
    expect(await cprDirekteRegister(client()).bornOn('1901-01-01')).toEqual([]);
  });

  it('narrows the search by name and sex', async () => {
    const c = client();
    expect((await c.search({ dateOfBirth: '1980-03-12', name: 'Jens Peter', sex: 'male' })).map((r) => r.cpr)).toEqual([PROTECTION_LATER_CPR]);
    expect(await c.search({ dateOfBirth: '1980-03-12', sex: 'female' })).toEqual([]);
  });
});
