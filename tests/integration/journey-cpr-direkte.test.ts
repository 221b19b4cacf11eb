// The journeys with the national register behind them: CPR_REGISTER=cpr-direkte against the stand-in TLS server and
// an empty cpr_register table, so every answer comes over the CPR Direkte protocol.
import { NextRequest } from 'next/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import * as s from '@/db/schema';
import { approveApplication } from '@/lib/applications/decisions';
import { takeCase } from '@/lib/cases/assignments';
import { getCaseView } from '@/lib/cases/case-view';
import { getDb } from '@/lib/db';
import { AUTO_ATTEMPTS_PER_IDENTITY, autoAttemptsLeft } from '@/lib/linking/limits';
import { findDemoPerson } from '@/lib/register/demo-persons';
import messages from '@/messages/en.json';
import { registerFixture } from '../support/cpr-direkte-fixture';
import { STAND_IN_CA_FILE, STAND_IN_CREDENTIALS, startCprDirekteStandIn, type StandIn } from '../support/cpr-direkte-stand-in';
import { createApplication, staffOf } from './support/fixtures';
import { POST as matchRoute } from '@/app/api/v1/journey/match/route';
import { APP, cprOf, form, loginWithEid, loginWithMitid, RETURN_URL, seedRelyingParty, submit } from './support/journey';
import { createStaff } from './support/staff';

const db = () => getDb();
let standIn: StandIn;

beforeAll(async () => {
  standIn = await startCprDirekteStandIn(registerFixture());
  // Set before anything reads the configuration; the cpr_register table stays empty.
  Object.assign(process.env, {
    CPR_REGISTER: 'cpr-direkte',
    CPR_DIREKTE_HOST: standIn.host,
    CPR_DIREKTE_PORT: String(standIn.port),
    CPR_DIREKTE_CUSTOMER: STAND_IN_CREDENTIALS.customer,
    CPR_DIREKTE_USER: STAND_IN_CREDENTIALS.user,
    CPR_DIREKTE_PASSWORD: STAND_IN_CREDENTIALS.password,
    CPR_DIREKTE_CA: STAND_IN_CA_FILE,
    CPR_DIREKTE_TIMEOUT_MS: '1000',
  });
  await seedRelyingParty(db());
}, 60_000);

afterAll(async () => {
  await standIn?.stop();
});

describe('the journeys against CPR Direkte', () => {
  it('links automatically when the register record agrees with the eID', async () => {
    expect(await db().$count(s.cprRegister)).toBe(0);
    const before = standIn.counts.requests;
    const { cookie } = await loginWithEid('p01');
    const res = await submit(cookie, { cpr: cprOf('p01'), email: 'lars@example.com' });
    expect(await res.json()).toEqual({ result: 'linked', redirectTo: RETURN_URL });
    expect(standIn.counts.requests).toBeGreaterThan(before);
    const [link] = await db().select().from(s.identityLinks).where(eq(s.identityLinks.personIdentifier, findDemoPerson('p01')!.eid.personIdentifier));
    expect(link).toMatchObject({ method: 'auto', revokedAt: null });
  });

  it('links a near miss through MitID', async () => {
    const { cookie } = await loginWithEid('p25');
    expect(await (await submit(cookie, { cpr: cprOf('p25'), email: 'hans@example.com' })).json()).toMatchObject({ result: 'not_matched' });
    const { res } = await loginWithMitid(cookie, { person: 'p25' });
    expect(res.headers.get('location')).toBe(RETURN_URL);
  });

  it('shows the caseworker the register record and approves against it', async () => {
    const person = findDemoPerson('p03')!;
    const worker = staffOf(await createStaff('direkte-caseworker@example.dk', 'caseworker', 'Case Worker'));
    const app = await createApplication({ cpr: person.register!.cpr, givenNames: person.eid.givenNames, familyName: person.eid.familyName, dateOfBirth: person.eid.dateOfBirth });
    const view = await getCaseView(db(), app.id, worker);
    expect(view.register).toMatchObject({ givenNames: person.register!.givenNames, familyName: person.register!.familyName, dateOfBirth: person.register!.dateOfBirth, status: 'active', address: person.register!.address });
    const taken = await takeCase(db(), { applicationId: app.id, staff: worker, expectedVersion: app.version });
    const { linkId } = await approveApplication(db(), { applicationId: app.id, expectedVersion: taken.version, staff: worker });
    expect(linkId).toBeTruthy();
  });

  it('still opens the case page when the register cannot be reached, saying so instead of "not in the register"', async () => {
    const person = findDemoPerson('p05')!;
    const worker = staffOf(await createStaff('direkte-caseworker2@example.dk', 'caseworker', 'Case Worker'));
    const app = await createApplication({ cpr: person.register!.cpr, givenNames: person.eid.givenNames, familyName: person.eid.familyName, dateOfBirth: person.eid.dateOfBirth });
    standIn.dropNext(50);
    try {
      const view = await getCaseView(db(), app.id, worker);
      expect(view.registerUnavailable).toBe(true);
      expect(view.register).toBeNull();
      const taken = await takeCase(db(), { applicationId: app.id, staff: worker, expectedVersion: app.version });
      const refusal = await approveApplication(db(), { applicationId: app.id, expectedVersion: taken.version, staff: worker }).then(() => null, (e: unknown) => e);
      expect(refusal).toMatchObject({ code: 'UNAVAILABLE', messageKey: 'REGISTER_UNAVAILABLE' });
    } finally {
      standIn.dropNext(0);
    }
    expect((await getCaseView(db(), app.id, worker)).registerUnavailable).toBe(false);
  });

  it('answers "try again later" (503) at once when the register cannot be reached, keeping the journey and the attempt', async () => {
    const { cookie } = await loginWithEid('p02');
    const pid = findDemoPerson('p02')!.eid.personIdentifier;
    standIn.dropNext(50);
    try {
      const res = await submit(cookie, { cpr: cprOf('p02'), email: 'jurgen@example.com' });
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({ code: 'UNAVAILABLE', message: messages.errors.REGISTER_UNAVAILABLE });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await autoAttemptsLeft(db(), pid)).toBe(AUTO_ATTEMPTS_PER_IDENTITY);
    } finally {
      standIn.dropNext(0);
    }
    expect(await (await submit(cookie, { cpr: cprOf('p02'), email: 'jurgen@example.com' })).json()).toEqual({ result: 'linked', redirectTo: RETURN_URL });
  });

  it('sends a form posted without JavaScript back to the form with "try again later", the CPR number kept out of the URL', async () => {
    const { cookie } = await loginWithEid('p04');
    standIn.dropNext(50);
    try {
      const res = await matchRoute(form(`${APP}/api/v1/journey/match`, { cpr: cprOf('p04'), email: 'p04@example.com' }, { cookie, origin: APP }), undefined);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`${APP}/connect?problem=register`);
    } finally {
      standIn.dropNext(0);
    }
  });

  it('reports the register in /api/health, and stays up for the load balancer when only the register is down', async () => {
    const up = await health(new NextRequest('http://localhost:3000/api/health'));
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ok', register: 'cpr-direkte', checks: { database: 'ok', storage: 'ok', register: 'ok' } });
    await standIn.stop();
    const down = await health(new NextRequest('http://localhost:3000/api/health'));
    expect(down.status).toBe(200);
    expect(await down.json()).toMatchObject({ status: 'ok', register: 'cpr-direkte', checks: { register: 'down' } });
  });
});
