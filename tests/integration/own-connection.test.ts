// The person's own page /connection through its real route handlers: the eID login started from the page (the
// journey's plumbing), the session cookie, what the page and the data copy show, removal, and the refusals.
import { and, eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as dataRoute } from '@/app/api/v1/connection/data/route';
import { POST as removeRoute } from '@/app/api/v1/connection/remove/route';
import { DELETE as signOutRoute } from '@/app/api/v1/connection/session/route';
import { POST as connectionStart } from '@/app/api/v1/connection/start/route';
import { GET as linksGet } from '@/app/api/v1/links/[...identifier]/route';
import * as s from '@/db/schema';
import { CONNECTION_COOKIE, getConnectionOverview, openConnectionSession, signConnectionSession, touchConnectionSession } from '@/lib/connection';
import { getDb } from '@/lib/db';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http';
import { findJourney, JOURNEY_COOKIE, verifyJourneyCookie } from '@/lib/journey';
import { LOGINS_PER_IP } from '@/lib/linking/limits';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { deleteExpiredState } from '@/lib/retention/housekeeping';
import { decryptJson } from '@/lib/security/crypto';
import { awaitingApplicant } from './support/cases';
import { APP, cprOf, eidCallback, form, get, location, loginWithEid, RP_KEY, seedRegister, seedRelyingParty, simulateEid, submit } from './support/journey';

const db = () => getDb();
const ctx = undefined as never;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const pidOf = (person: string) => findDemoPerson(person)!.eid.personIdentifier;
const masked = (cpr: string) => `${cpr.slice(0, 6)}-••••`;

async function link(person: string): Promise<string> {
  const { cookie } = await loginWithEid(person);
  expect(await (await submit(cookie, { cpr: cprOf(person), email: `${person}@example.com` })).json()).toMatchObject({ result: 'linked' });
  return pidOf(person);
}

const lookUp = (pid: string, key = RP_KEY) => linksGet(new NextRequest(`${APP}/api/v1/links/${encodeURIComponent(pid)}`, { headers: { authorization: `Bearer ${key}` } }), ctx);

/** "See or remove your connection" → country → the eID simulator as `person` → back at the callback. */
async function openConnection(person: string, ip = freshIp()) {
  const start = await connectionStart(form(`${APP}/api/v1/connection/start`, { country: findDemoPerson(person)!.eid.country }, { [CLIENT_ADDRESS_HEADER]: ip }));
  const journeyCookie = `${JOURNEY_COOKIE}=${start.cookies.get(JOURNEY_COOKIE)!.value}`;
  const callback = await simulateEid(new URL(location(start)), person);
  const res = await eidCallback(get(callback, journeyCookie));
  const value = res.cookies.get(CONNECTION_COOKIE)?.value;
  return { start, res, journeyCookie, cookie: value ? `${CONNECTION_COOKIE}=${value}` : '' };
}

const download = (cookie: string, headers: Record<string, string> = {}) => dataRoute(new NextRequest(`${APP}/api/v1/connection/data`, { headers: { cookie, ...headers } }), ctx);
const remove = (cookie: string, body: string | null = JSON.stringify({ confirm: true }), headers: Record<string, string> = {}) =>
  removeRoute(new NextRequest(`${APP}/api/v1/connection/remove`, { method: 'POST', body, headers: { 'content-type': 'application/json', cookie, ...headers } }), ctx);

beforeAll(async () => {
  await seedRegister(db());
  await seedRelyingParty(db());
});

describe('signing in to /connection', () => {
  it('uses the journey eID login and opens an httpOnly, browser-session cookie of its own instead of the match', async () => {
    const { start, res, journeyCookie, cookie } = await openConnection('p03');
    expect(new URL(location(start)).pathname).toBe('/dev/eid');
    expect(res.status).toBe(303);
    expect(new URL(location(res)).pathname).toBe('/connection');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${CONNECTION_COOKIE}=`))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    expect(cookie).not.toContain(pidOf('p03'));
    // The journey did its job: its cookie is cleared and it no longer opens /connect with this eID.
    expect(res.headers.getSetCookie().find((c) => c.startsWith(`${JOURNEY_COOKIE}=`))).toMatch(/Max-Age=0/);
    expect(await findJourney(db(), verifyJourneyCookie(journeyCookie.split('=')[1])!)).toBeNull();
    // Not a matching attempt: the statistics' funnel is not touched.
    expect(await db().$count(s.matchAttempts, eq(s.matchAttempts.personIdentifier, pidOf('p03')))).toBe(0);
  });

  it('sends a refused or cancelled login back to /connection, and an unchosen country back with its error', async () => {
    const start = await connectionStart(form(`${APP}/api/v1/connection/start`, { country: 'DE' }, { [CLIENT_ADDRESS_HEADER]: freshIp() }));
    const journeyCookie = `${JOURNEY_COOKIE}=${start.cookies.get(JOURNEY_COOKIE)!.value}`;
    const login = new URL(location(start));
    const { POST: eidAuthorize } = await import('@/app/(public)/dev/eid/authorize/route');
    const cancelled = new URL(location(await eidAuthorize(form(`${APP}/dev/eid/authorize`, { state: login.searchParams.get('state')!, nonce: login.searchParams.get('nonce')!, action: 'cancel' }), undefined)));
    expect(location(await eidCallback(get(cancelled, journeyCookie)))).toBe(`${APP}/connection?error=cancelled`);

    expect(location(await connectionStart(form(`${APP}/api/v1/connection/start`, { country: 'XX' })))).toBe(`${APP}/connection?error=country`);
    expect(location(await connectionStart(form(`${APP}/api/v1/connection/start`, {})))).toBe(`${APP}/connection?error=country`);
    const crossSite = await connectionStart(form(`${APP}/api/v1/connection/start`, { country: 'DE' }, { 'sec-fetch-site': 'cross-site' }));
    expect(location(crossSite)).toBe(`${APP}/connection?error=unavailable`);
    expect(crossSite.cookies.get(JOURNEY_COOKIE)).toBeUndefined();
  });

  it('opens no session for an eID login below substantial assurance', async () => {
    const { res, cookie } = await openConnection('x01');
    expect(location(res)).toBe(`${APP}/connection?error=assurance`);
    expect(cookie).toBe('');
    expect(await db().$count(s.connectionSessions, eq(s.connectionSessions.personIdentifier, pidOf('x01')))).toBe(0);
  });

  it('shares the journey limit on logins per address', async () => {
    const ip = freshIp();
    for (let i = 0; i < LOGINS_PER_IP; i++) await connectionStart(form(`${APP}/api/v1/connection/start`, { country: 'DE' }, { [CLIENT_ADDRESS_HEADER]: ip }));
    const res = await connectionStart(form(`${APP}/api/v1/connection/start`, { country: 'DE' }, { [CLIENT_ADDRESS_HEADER]: ip }));
    expect(location(res)).toBe(`${APP}/connection?error=limited`);
  });
});

describe('what /connection shows', () => {
  it('shows the link (method, since when, masked CPR) and the relying parties’ look-ups of this identifier only', async () => {
    const pid = await link('p04');
    const other = await link('p05');
    expect((await lookUp(pid)).status).toBe(200);
    expect((await lookUp(other)).status).toBe(200);
    await seedRelyingParty(db(), { name: 'Health Portal', key: 'health-portal-key', canSeeCpr: false });
    expect((await lookUp(pid, 'health-portal-key')).status).toBe(200);

    const { cookie } = await openConnection('p04');
    const session = await touchConnectionSession(db(), cookie.split('=')[1]!.split('.')[0]!);
    const overview = await getConnectionOverview(db(), session!);
    expect(overview.link).toEqual({ method: 'auto', linkedAt: expect.any(Date), cpr: masked(cprOf('p04')) });
    expect(overview.lookups.map((l) => l.service)).toEqual(['Health Portal', 'Demo Tax Portal']);
    expect(overview.personIdentifier).toBe(pid);
    expect(JSON.stringify(overview)).not.toContain(cprOf('p04'));
    expect(JSON.stringify(overview)).not.toContain(other);
  });
});

describe('GET /api/v1/connection/data', () => {
  it('downloads the person’s eID data, link, look-ups, attempts (outcome only) and emails, and nothing of anyone else', async () => {
    // A near miss first (answered with the neutral "not matched"), then the automatic match of the same eID.
    const pid = pidOf('p06');
    const near = await loginWithEid({ personIdentifier: pid, country: 'IS', givenNames: 'Zzyzx', familyName: 'Qwerty', dateOfBirth: findDemoPerson('p06')!.eid.dateOfBirth, levelOfAssurance: 'substantial' });
    await submit(near.cookie, { cpr: cprOf('p06'), email: 'p06@example.com' }, { ip: freshIp() });
    await link('p06');
    await link('p07');
    await lookUp(pid);

    const { cookie } = await openConnection('p06');
    const res = await download(cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="identity-matching-data-\d{4}-\d\d-\d\d\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const copy = JSON.parse(text) as Record<string, unknown>;
    expect(copy['eID identifier']).toBe(pid);
    const logins = copy['Information received from your eID logins'] as Record<string, string>[];
    expect(logins.map((l) => l['Given names'])).toContain(findDemoPerson('p06')!.eid.givenNames);
    expect(copy['Connections to a CPR number']).toEqual([expect.objectContaining({ How: 'Automatically', 'CPR number': masked(cprOf('p06')), 'Email address': 'p06@example.com', Removed: null })]);
    expect(copy['Lookups by services']).toEqual([expect.objectContaining({ Service: 'Demo Tax Portal', Answer: 'Connected', 'CPR number given to the service': 'Yes' })]);
    const outcomes = (copy['Attempts to connect'] as Record<string, string>[]).map((a) => a.Outcome);
    expect(outcomes).toEqual(['Could not be connected automatically', 'Connected']);
    const emails = copy['Emails we sent you'] as Record<string, string>[];
    expect(emails).toEqual([expect.objectContaining({ To: 'p06@example.com', Subject: 'Your eID is now connected to your CPR number', Status: 'Waiting to be sent' })]);
    // Never the full CPR number, the matching rules' reasons, or another person's data.
    expect(text).not.toContain(cprOf('p06'));
    expect(text).not.toMatch(/name_|register_|birth_date|not_found|no_match/);
    expect(text).not.toContain(pidOf('p07'));
    expect(text).not.toContain('p07@example.com');
  });

  it('gives an applicant their applications with the history they are shown, without staff names or internal notes', async () => {
    const app = await awaitingApplicant([{ type: 'question' }], 'Which name is on your residence card?');
    await db().insert(s.notes).values({ applicationId: app.applicationId, authorId: app.staffId, body: 'Internal: compare with the 2019 case.' });
    const [identity] = await db().select().from(s.eidIdentities).where(eq(s.eidIdentities.id, app.eidIdentityId!));
    const sessionId = await openConnectionSession(db(), identity!);
    const res = await download(`${CONNECTION_COOKIE}=${signConnectionSession(sessionId)}; locale=da`);
    const text = await res.text();
    const copy = JSON.parse(text) as Record<string, unknown>;
    const [application] = copy['Ansøgninger'] as Record<string, unknown>[];
    expect(application).toMatchObject({ Referencenummer: app.reference, Status: 'Vi har brug for flere oplysninger fra dig' });
    expect((application!['Hvad der er sket'] as Record<string, string>[]).map((h) => h['Hændelse'])).toEqual([
      'Du sendte din ansøgning.',
      'En sagsbehandler begyndte at kontrollere din ansøgning.',
      'Vi bad dig om flere oplysninger.',
    ]);
    expect(application!['Anmodninger om flere oplysninger']).toEqual([expect.objectContaining({ 'Vores besked': 'Which name is on your residence card?', Besvaret: null })]);
    expect((application!['Det, du gav os'] as Record<string, string>)['CPR-nummer']).toBe('150385-••••');
    expect(text).not.toContain('1503851234');
    expect(text).not.toContain('Camilla');
    expect(text).not.toContain('Internal: compare');
    expect(text).not.toContain('name_fuzzy_family');
    expect((copy['E-mails, vi har sendt dig'] as unknown[]).length).toBe(2);
  });

  it('answers 401 without a session, with a forged or ended one, and after 15 idle minutes', async () => {
    expect((await download('')).status).toBe(401);
    expect((await download(`${CONNECTION_COOKIE}=${crypto.randomUUID()}.forged`)).status).toBe(401);
    const { cookie } = await openConnection('p08');
    expect((await download(cookie)).status).toBe(200);
    await db().execute(sql`update connection_sessions set last_seen_at = now() - interval '16 minutes'`);
    const idle = await download(cookie);
    expect(idle.status).toBe(401);
    expect((await idle.json()).error).toEqual({ code: 'UNAUTHENTICATED', message: 'Your session on this page has ended. Log in with your eID again.' });
    // Housekeeping then deletes the ended session.
    expect((await deleteExpiredState(db())).connectionSessions).toBeGreaterThanOrEqual(1);
    expect(await db().$count(s.connectionSessions, eq(s.connectionSessions.personIdentifier, pidOf('p08')))).toBe(0);
  });
});

describe('removing the connection', () => {
  it('revokes the link with its event and an email to the address on the link; the links API then answers 404', async () => {
    const pid = await link('p09');
    const { cookie } = await openConnection('p09');
    const res = await remove(cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ removed: true, revokedAt: expect.any(String) });
    const [revoked] = await db().select().from(s.identityLinks).where(eq(s.identityLinks.personIdentifier, pid));
    expect(revoked).toMatchObject({ revokeReason: 'revoked by the person', revokedBy: expect.stringMatching(/^applicant:/) });
    const [event] = await db().select().from(s.applicationEvents).where(and(eq(s.applicationEvents.type, 'link_revoked'), sql`${s.applicationEvents.data} ->> 'personIdentifier' = ${pid}`));
    expect(event).toMatchObject({ actorType: 'applicant', data: { reason: 'revoked by the person', method: 'auto' } });
    const [email] = await db().select().from(s.emailOutbox).where(and(eq(s.emailOutbox.template, 'link_revoked'), eq(s.emailOutbox.personIdentifier, pid)));
    expect(email).toMatchObject({ toAddress: 'p09@example.com', locale: 'en' });
    expect(decryptJson(email!.dataEnc)).toMatchObject({ by: 'person' });

    const lookup = await lookUp(pid);
    expect(lookup.status).toBe(404);
    expect((await lookup.json()).linked).toBe(false);
    // Nothing left to remove; the person can connect again through the ordinary journey.
    const again = await remove(cookie);
    expect(again.status).toBe(404);
    expect((await again.json()).error.message).toBe('Your eID is not connected to a CPR number, so there is nothing to remove.');
    await link('p09');
    expect((await lookUp(pid)).status).toBe(200);
  });

  it('refuses bad input with a 4xx and leaves the link as it was', async () => {
    const pid = await link('p10');
    const { cookie } = await openConnection('p10');
    expect((await remove(cookie, JSON.stringify({}))).status).toBe(400);
    expect((await remove(cookie, JSON.stringify({ confirm: 'yes' }))).status).toBe(400);
    expect((await remove(cookie, JSON.stringify({ confirm: true, personIdentifier: pidOf('p04') }))).status).toBe(400);
    expect((await remove(cookie, '{not json')).status).toBe(400);
    expect((await remove(cookie, 'confirm=true', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await remove(cookie, JSON.stringify({ confirm: true }), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await lookUp(pid)).status).toBe(200);
  });

  it('answers 401 without a session and after sign-out, and removes only the signed-in person’s own link', async () => {
    const mine = await link('p11');
    const theirs = await link('p12');
    expect((await remove('')).status).toBe(401);
    const { cookie } = await openConnection('p11');
    const out = await signOutRoute(new NextRequest(`${APP}/api/v1/connection/session`, { method: 'DELETE', headers: { cookie } }), ctx);
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((c) => c.startsWith(`${CONNECTION_COOKIE}=`))).toMatch(/Max-Age=0/);
    expect((await remove(cookie)).status).toBe(401);
    expect((await download(cookie)).status).toBe(401);

    const fresh = await openConnection('p11');
    expect((await remove(fresh.cookie)).status).toBe(200);
    expect((await lookUp(mine)).status).toBe(404);
    expect((await lookUp(theirs)).status).toBe(200);
  });
});

describe('revocation by a relying party', () => {
  it('also tells the person, at the address on the link, and names no one', async () => {
    const pid = await link('p13');
    const { DELETE } = await import('@/app/api/v1/links/[...identifier]/route');
    const res = await DELETE(new NextRequest(`${APP}/api/v1/links/${encodeURIComponent(pid)}`, { method: 'DELETE', headers: { authorization: `Bearer ${RP_KEY}` } }), ctx);
    expect(res.status).toBe(200);
    const [email] = await db().select().from(s.emailOutbox).where(and(eq(s.emailOutbox.template, 'link_revoked'), eq(s.emailOutbox.personIdentifier, pid)));
    expect(email?.toAddress).toBe('p13@example.com');
    expect(decryptJson(email!.dataEnc)).toMatchObject({ by: 'service' });
  });
});
