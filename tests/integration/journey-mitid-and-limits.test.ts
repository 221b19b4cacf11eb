import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { connect, getDb } from '@/lib/db';
import { journeyState, MITID_DIFFERS_REASON } from '@/lib/linking';
import { MITID_LOA_REASON, MITID_RULES_REASON } from '@/lib/linking/mitid-match';
import { takeAttempt } from '@/lib/linking/limits';
import { findJourney, verifyJourneyCookie } from '@/lib/journey';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { blindIndex, decryptJson } from '@/lib/security/crypto';
import { APP, cprOf, get, location, loginWithEid, loginWithMitid, mitidCallback, RETURN_URL, seedRegister, seedRelyingParty, submit } from './support/journey';

const db = () => getDb();
const journeyOf = async (cookie: string) => (await findJourney(db(), verifyJourneyCookie(cookie.split('=')[1])!))!;
const pidOf = (person: string) => findDemoPerson(person)!.eid.personIdentifier;
const attempts = (person: string) =>
  db().select({ method: s.matchAttempts.method, outcome: s.matchAttempts.outcome }).from(s.matchAttempts).where(eq(s.matchAttempts.personIdentifier, pidOf(person))).orderBy(s.matchAttempts.createdAt);

beforeAll(async () => {
  await seedRegister(db());
  await seedRelyingParty(db());
});

describe('the MitID match', () => {
  it('links a near miss when MitID confirms the typed CPR number, and sends them back to the service', async () => {
    const { cookie } = await loginWithEid('p25');
    expect(await (await submit(cookie, { cpr: cprOf('p25'), email: 'hans@example.com' })).json()).toMatchObject({ result: 'not_matched' });
    const { res } = await loginWithMitid(cookie, { person: 'p25' });
    expect(location(res)).toBe(RETURN_URL);
    const [link] = await db().select().from(s.identityLinks).where(eq(s.identityLinks.personIdentifier, pidOf('p25')));
    expect(link).toMatchObject({ method: 'mitid', revokedAt: null });
    expect(await attempts('p25')).toEqual([
      { method: 'auto', outcome: 'manual' },
      { method: 'mitid', outcome: 'match' },
    ]);
    const [email] = await db().select().from(s.emailOutbox).where(eq(s.emailOutbox.toAddress, 'hans@example.com'));
    expect(email?.template).toBe('link_created');
    expect(decryptJson(email!.dataEnc)).toEqual({ name: 'Hans Grosse', method: 'mitid', connectionUrl: 'http://localhost:3000/connection' });
  });

  it('sends the applicant to the manual application when MitID names another CPR number, without linking', async () => {
    const { cookie } = await loginWithEid('p26');
    await submit(cookie, { cpr: cprOf('p26'), email: 'giorgos@example.com' });
    const reasonsBefore = journeyState(await journeyOf(cookie)).matchReasons!;
    const { res } = await loginWithMitid(cookie, { person: 'p21' });
    expect(location(res)).toBe(`${APP}/apply`);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, pidOf('p26')))).toBe(0);
    const journey = await journeyOf(cookie);
    expect(journey.eidIdentityId).toBeTruthy();
    expect(decryptJson(journey.typedEnc!)).toEqual({ cpr: cprOf('p26'), email: 'giorgos@example.com' });
    expect(journeyState(journey).matchReasons).toEqual([...reasonsBefore, MITID_DIFFERS_REASON]);
    expect((await attempts('p26')).at(-1)).toEqual({ method: 'mitid', outcome: 'mitid_mismatch' });
  });

  it('never links an eID below substantial assurance through MitID: a caseworker decides', async () => {
    const { cookie } = await loginWithEid('x01');
    expect(await (await submit(cookie, { cpr: cprOf('x01'), email: 'camille@example.com' })).json()).toMatchObject({ result: 'not_matched' });
    const { res } = await loginWithMitid(cookie, { person: 'x01' });
    expect(location(res)).toBe(`${APP}/apply`);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, pidOf('x01')))).toBe(0);
  });

  it('does not link a person whose eID birth date differs from the register, even when MitID confirms the CPR number', async () => {
    const { cookie } = await loginWithEid('p33');
    expect(await (await submit(cookie, { cpr: cprOf('p33'), email: 'p33@example.com' })).json()).toMatchObject({ result: 'not_matched' });
    const { start, res } = await loginWithMitid(cookie, { person: 'p33' });
    expect(new URL(location(start)).pathname).toBe('/dev/mitid');
    expect(location(res)).toBe(`${APP}/apply`);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, pidOf('p33')))).toBe(0);
    expect((await attempts('p33')).at(-1)).toEqual({ method: 'mitid', outcome: 'no_match' });
    expect(journeyState(await journeyOf(cookie)).matchReasons).toEqual(expect.arrayContaining(['birth_date_differs', MITID_RULES_REASON]));
    // The journey goes on to the manual application with what was typed.
    expect(decryptJson((await journeyOf(cookie)).typedEnc!)).toEqual({ cpr: cprOf('p33'), email: 'p33@example.com' });
  });

  it('does not link a deceased register person through MitID', async () => {
    const { cookie } = await loginWithEid('p35');
    await submit(cookie, { cpr: cprOf('p35'), email: 'p35@example.com' });
    expect(location((await loginWithMitid(cookie, { person: 'p35' })).res)).toBe(`${APP}/apply`);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, pidOf('p35')))).toBe(0);
  });

  it('does not link through a MitID login below substantial, even with the typed CPR number', async () => {
    const { cookie } = await loginWithEid('p27');
    await submit(cookie, { cpr: cprOf('p27'), email: 'p27@example.com' });
    const { res } = await loginWithMitid(cookie, { person: 'p27', levelOfAssurance: 'low' });
    expect(location(res)).toBe(`${APP}/apply`);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, pidOf('p27')))).toBe(0);
    expect((await attempts('p27')).at(-1)).toEqual({ method: 'mitid', outcome: 'manual' });
    expect(journeyState(await journeyOf(cookie)).matchReasons).toContain(MITID_LOA_REASON);
  });

  it('links a MitID login at level high', async () => {
    const { cookie } = await loginWithEid('p24');
    await submit(cookie, { cpr: cprOf('p24'), email: 'p24@example.com' });
    expect(location((await loginWithMitid(cookie, { person: 'p24', levelOfAssurance: 'high' })).res)).toBe(RETURN_URL);
  });

  it('tells look-alikes apart: MitID links the holder of the typed CPR number', async () => {
    const { cookie } = await loginWithEid('x11');
    expect(await (await submit(cookie, { cpr: cprOf('x11'), email: 'piotr@example.com' })).json()).toMatchObject({ result: 'not_matched' });
    expect(location((await loginWithMitid(cookie, { person: 'x11' })).res)).toBe(RETURN_URL);
    const [link] = await db().select().from(s.identityLinks).where(eq(s.identityLinks.personIdentifier, pidOf('x11')));
    expect(link).toMatchObject({ method: 'mitid', cprIndex: blindIndex(cprOf('x11')) });
  });

  it('offers MitID only after an automatic match that did not link', async () => {
    const { cookie } = await loginWithEid('p28');
    const { res } = await loginWithMitid(cookie, { person: 'p28' });
    expect(location(res)).toBe(`${APP}/connect`);
  });

  it('comes back to the choice with a message when the MitID login is cancelled, and refuses a replayed callback', async () => {
    const { cookie } = await loginWithEid('p29');
    await submit(cookie, { cpr: cprOf('p29'), email: 'emma@example.com' });
    const cancelled = await loginWithMitid(cookie, 'cancel');
    expect(location(cancelled.res)).toBe(`${APP}/connect/mitid?error=cancelled`);
    const done = await loginWithMitid(cookie, { person: 'p29' });
    expect(location(done.res)).toBe(RETURN_URL);
    const replay = await mitidCallback(get(done.callback!, cookie));
    expect(location(replay)).toBe(`${APP}/connect/mitid?error=login`);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, pidOf('p29')))).toBe(1);
  });
});

describe('attempt limits', () => {
  it('refuses a fourth automatic attempt within 24 hours, even with the right CPR number, and keeps what was typed', async () => {
    const { cookie } = await loginWithEid('p30');
    for (let i = 0; i < 3; i++) {
      const res = await submit(cookie, { cpr: '0101011234', email: 'lars@example.com' });
      expect(await res.json()).toMatchObject({ result: 'not_matched' });
    }
    const fourth = await submit(cookie, { cpr: cprOf('p30'), email: 'lars4@example.com' });
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toEqual({
      result: 'limited',
      next: '/connect/limit',
      error: { code: 'RATE_LIMITED', message: 'You have used all your attempts to connect automatically. You can still apply with a photo of your passport or ID card.' },
    });
    expect((await attempts('p30')).map((a) => a.outcome)).toEqual(['not_found', 'not_found', 'not_found', 'rate_limited']);
    const journey = await journeyOf(cookie);
    expect(journeyState(journey).autoOutcome).toBe('limited');
    expect(decryptJson(journey.typedEnc!)).toEqual({ cpr: cprOf('p30'), email: 'lars4@example.com' });
    // Past the automatic limit MitID still works, under its own limit, with the CPR number typed last.
    expect(location((await loginWithMitid(cookie, { person: 'p30' })).res)).toBe(RETURN_URL);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, pidOf('p30')))).toBe(1);
  });

  it('does not start MitID past the automatic limit once MitID\'s own attempts are used up', async () => {
    const { cookie } = await loginWithEid('p33');
    for (let i = 0; i < 4; i++) await submit(cookie, { cpr: '0101011234', email: 'p33@example.com' });
    for (let i = 0; i < 3; i++) await takeAttempt(db(), 'mitid', pidOf('p33'), '198.51.100.9');
    expect(location((await loginWithMitid(cookie, { person: 'p33' })).res)).toBe(`${APP}/connect/limit`);
  });

  it('counts attempts per eID identity across journeys', async () => {
    for (let i = 0; i < 3; i++) {
      const { cookie } = await loginWithEid('p31');
      await submit(cookie, { cpr: '0101011234', email: 'a@example.com' });
    }
    const { cookie } = await loginWithEid('p31');
    expect((await submit(cookie, { cpr: cprOf('p31'), email: 'a@example.com' })).status).toBe(429);
    const other = await loginWithEid('p36');
    expect(await (await submit(other.cookie, { cpr: cprOf('p36'), email: 'a@example.com' })).json()).toMatchObject({ result: 'linked' });
  });

  it('limits attempts per client address, whichever eID is used', async () => {
    const ip = '203.0.113.7';
    const outcomes: number[] = [];
    for (let i = 0; i < 21; i++) {
      const { cookie } = await loginWithEid({ personIdentifier: `PL/DK/77${String(i).padStart(8, '0')}`, country: 'PL', givenNames: 'Jan', familyName: 'Nowak', dateOfBirth: '1980-01-01', levelOfAssurance: 'high' }, { ip });
      outcomes.push((await submit(cookie, { cpr: '0101011234', email: 'a@example.com' }, { ip })).status);
    }
    expect(outcomes.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(outcomes[20]).toBe(429);
  });

  it('holds across instances: counts made through another connection pool count too', async () => {
    const other = connect(process.env.DATABASE_URL!, 1);
    try {
      const pid = 'CZ/DK/8800000001';
      expect(await takeAttempt(other.db, 'auto', pid, '198.51.100.1')).toBe(true);
      expect(await takeAttempt(other.db, 'auto', pid, '198.51.100.2')).toBe(true);
      expect(await takeAttempt(db(), 'auto', pid, '198.51.100.3')).toBe(true);
      expect(await takeAttempt(db(), 'auto', pid, '198.51.100.4')).toBe(false);
    } finally {
      await other.sql.end();
    }
  });

  it('does not count bad input as an attempt', async () => {
    const { cookie } = await loginWithEid('p37');
    for (let i = 0; i < 5; i++) expect((await submit(cookie, { cpr: '999999-9999', email: 'a@example.com' })).status).toBe(400);
    expect(await (await submit(cookie, { cpr: cprOf('p37'), email: 'a@example.com' })).json()).toMatchObject({ result: 'linked' });
    expect(await db().$count(s.matchAttempts, and(eq(s.matchAttempts.personIdentifier, pidOf('p37')), eq(s.matchAttempts.outcome, 'rate_limited')))).toBe(0);
  });
});
