import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { getCaseView } from '@/lib/cases/case-view';
import { getDb } from '@/lib/db';
import { journeyState } from '@/lib/linking';
import { findJourney, verifyJourneyCookie } from '@/lib/journey';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { tableRegister } from '@/lib/register';
import { createApplication, createRegisterPerson, staffOf, uniqueCpr } from './support/fixtures';
import { cprOf, loginWithEid, seedRegister, seedRelyingParty, submit } from './support/journey';
import { createStaff } from './support/staff';

const db = () => getDb();
const pidOf = (person: string) => findDemoPerson(person)!.eid.personIdentifier;
const linksOf = (pid: string) => db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, pid));
const lastAttempt = async (pid: string) =>
  (await db().select({ outcome: s.matchAttempts.outcome, reasons: s.matchAttempts.reasons }).from(s.matchAttempts).where(eq(s.matchAttempts.personIdentifier, pid)).orderBy(s.matchAttempts.createdAt)).at(-1);

let worker: Staff;
beforeAll(async () => {
  await seedRegister(db());
  await seedRelyingParty(db());
  worker = staffOf(await createStaff('look-alikes@example.dk', 'caseworker', 'Viewer'));
});

describe('look-alikes in the register and the automatic match', () => {
  it('does not link a person whose names and birth date another register person shares, and answers as for any near miss', async () => {
    const { cookie } = await loginWithEid('x11');
    const res = await submit(cookie, { cpr: cprOf('x11'), email: 'piotr@example.com' });
    expect(res.status).toBe(200);
    const answer = await res.json();
    const nearMiss = await (await submit((await loginWithEid('p25')).cookie, { cpr: cprOf('p25'), email: 'hans@example.com' })).json();
    expect(answer).toEqual(nearMiss);
    expect(answer).toMatchObject({ result: 'not_matched' });
    expect(await linksOf(pidOf('x11'))).toBe(0);
    expect(await lastAttempt(pidOf('x11'))).toEqual({ outcome: 'manual', reasons: ['register_ambiguous', 'name_exact'] });
    const journey = (await findJourney(db(), verifyJourneyCookie(cookie.split('=')[1])!))!;
    expect(journeyState(journey).matchReasons).toContain('register_ambiguous');
  });

  it('does not link either look-alike who types the other one’s CPR number', async () => {
    const { cookie } = await loginWithEid('x12');
    expect(await (await submit(cookie, { cpr: cprOf('x11'), email: 'piotr2@example.com' })).json()).toMatchObject({ result: 'not_matched' });
    expect(await linksOf(pidOf('x12'))).toBe(0);
  });

  it('still links when the only other person born that day has another first name', async () => {
    const cpr = uniqueCpr('1991-01-01');
    await createRegisterPerson({ cpr, givenNames: 'Agnieszka', familyName: 'Zielińska', dateOfBirth: '1991-01-01' });
    await createRegisterPerson({ cpr: uniqueCpr('1991-01-01'), givenNames: 'Magdalena', familyName: 'Zielińska', dateOfBirth: '1991-01-01' });
    const eid = { personIdentifier: 'PL/DK/6600000001', country: 'PL', givenNames: 'Agnieszka', familyName: 'Zielińska', dateOfBirth: '1991-01-01', levelOfAssurance: 'high' };
    const { cookie } = await loginWithEid(eid);
    expect(await (await submit(cookie, { cpr, email: 'agnieszka@example.com' })).json()).toMatchObject({ result: 'linked' });
  });

  it('answers the look-alike search from the table register for a real date, and nobody for a date that does not exist', async () => {
    const register = tableRegister(db());
    expect((await register.bornOn('1975-01-01')).map((r) => r.cpr).sort()).toEqual([cprOf('x11'), cprOf('x12')].sort());
    expect(await register.bornOn('1975-02-30')).toEqual([]);
  });
});

describe('look-alikes on the case page', () => {
  it('lists the other person with the same name and birth date, CPR number masked and without address', async () => {
    const x11 = findDemoPerson('x11')!;
    const app = await createApplication({
      cpr: cprOf('x11'),
      givenNames: 'Piotr',
      familyName: 'Nowak',
      dateOfBirth: '1975-01-01',
      matchReasons: ['register_ambiguous', 'name_exact'],
      eid: { personIdentifier: 'PL/DK/6600000002', givenNames: x11.eid.givenNames, familyName: x11.eid.familyName, dateOfBirth: x11.eid.dateOfBirth },
    });
    const view = await getCaseView(db(), app.id, worker);
    const other = cprOf('x12');
    expect(view.lookAlikes).toEqual([
      { cpr: `${other.slice(0, 6)}-xxx${other.slice(9)}`, givenNames: 'Piotr', middleName: null, familyName: 'Nowak', dateOfBirth: '1975-01-01', status: 'emigrated' },
    ]);
    const json = JSON.stringify(view);
    expect(json).not.toContain(other);
    expect(json).not.toContain(findDemoPerson('x12')!.register!.address!);
  });

  it('lists nobody when nobody else born that day has the same name', async () => {
    const cpr = uniqueCpr('1964-01-01');
    await createRegisterPerson({ cpr, givenNames: 'Ewa', familyName: 'Lis', dateOfBirth: '1964-01-01' });
    await createRegisterPerson({ cpr: uniqueCpr('1964-01-01'), givenNames: 'Olga', familyName: 'Lis', dateOfBirth: '1964-01-01' });
    const app = await createApplication({ cpr, givenNames: 'Ewa', familyName: 'Lis', dateOfBirth: '1964-01-01' });
    expect((await getCaseView(db(), app.id, worker)).lookAlikes).toEqual([]);
  });
});
