// The authorisation matrix: every page, route handler and server action of the build, requested over HTTP by each
// kind of visitor (anonymous, a forged or signed-out staff cookie, an applicant's journey, status session or
// own-connection session, a relying party's API key, each staff role), with real sign-ins and real cookies. The
// proxy's early redirect is not trusted: a visitor with a forged session cookie gets past it, so every page, route
// and action must refuse on its own. An applicant's status session never reaches another person's application.
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomToken, sha256 } from '../../lib/security/crypto';
import { connectAppDb, insertWaitingCase, type Sql } from './support/database';
import { baseURL } from './support/browser';
import { closeAppDatabase, eidJourney, useAppDatabase } from './support/app-data';
import { builtActions, builtRoutes, cookieHeader, outcomeOfAction, signIn, type Jar } from './support/http';

const identities = [
  'anonymous',
  'forged cookie',
  'applicant with status link',
  'applicant journey',
  'status session',
  'own-connection session',
  'relying party',
  'staff without a role',
  'caseworker',
  'supervisor',
  'admin',
] as const;
type Identity = (typeof identities)[number];
type Expected = Record<Identity, string>;
type Fixture = { applicationId: string; documentId: string; statusToken: string; staffUserId: string; otherDocumentId: string; otherReference: string; reference: string };
/** A visitor: the cookies a browser would send, and the headers a relying party's server sends. */
type Visitor = { jar: Jar; headers?: Record<string, string> };

const APPLICANTS = ['applicant with status link', 'applicant journey', 'status session', 'own-connection session', 'relying party'] as const;
const staffOnly: Expected = {
  anonymous: 'redirect:/signin',
  'forged cookie': 'redirect:/signin',
  ...(Object.fromEntries(APPLICANTS.map((i) => [i, 'redirect:/signin'])) as Record<(typeof APPLICANTS)[number], string>),
  'staff without a role': 'redirect:/no-access',
  caseworker: 'ok',
  supervisor: 'ok',
  admin: 'redirect:/no-access',
};
const everyone = (outcome: string): Expected => Object.fromEntries(identities.map((i) => [i, outcome])) as Expected;
/** Everyone gets `refused`, except the listed visitors, who get `allowed`. */
const only = (allowed: Partial<Expected>, refused: string): Expected => ({ ...everyone(refused), ...allowed });
const supervisorsOnly: Expected = { ...staffOnly, caseworker: 'redirect:/no-access', admin: 'ok' };
const adminsOnly: Expected = { ...staffOnly, caseworker: 'redirect:/no-access', supervisor: 'redirect:/no-access', admin: 'ok' };

type Request = { url: (f: Fixture) => string; method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; json?: unknown; form?: Record<string, string>; multipart?: boolean; query?: boolean };
type Rule = Request & { expect: Expected };

/** Pages and route handlers: how to request each, and what each visitor must get. */
const routes: Record<string, Rule | 'demo only'> = {
  '/(backoffice)/caseworker/page': { url: () => '/caseworker', expect: staffOnly },
  '/(backoffice)/caseworker/cases/[id]/page': { url: (f) => `/caseworker/cases/${f.applicationId}`, expect: staffOnly },
  '/(backoffice)/signin/page': {
    url: () => '/signin',
    // Signed in already: each role's own home.
    expect: { ...everyone('ok'), caseworker: 'redirect:/caseworker', supervisor: 'redirect:/supervisor', admin: 'redirect:/admin/staff', 'staff without a role': 'redirect:/no-access' },
  },
  '/(backoffice)/no-access/page': { url: () => '/no-access', expect: everyone('ok') },
  '/(backoffice)/supervisor/page': { url: () => '/supervisor', expect: supervisorsOnly },
  '/(backoffice)/supervisor/access/page': { url: () => '/supervisor/access', expect: supervisorsOnly },
  '/(backoffice)/supervisor/export/[table]/route': {
    url: () => '/supervisor/export/funnel',
    expect: { ...staffOnly, 'forged cookie': '401', 'staff without a role': '403', caseworker: '403', supervisor: 'ok', admin: 'ok' },
  },
  '/(backoffice)/admin/page': { url: () => '/admin', expect: { ...adminsOnly, admin: 'redirect:/admin/staff' } },
  '/(backoffice)/admin/staff/page': { url: () => '/admin/staff', expect: adminsOnly },
  '/(backoffice)/admin/staff/new/page': { url: () => '/admin/staff/new', expect: adminsOnly },
  '/(backoffice)/admin/staff/[id]/page': { url: (f) => `/admin/staff/${f.staffUserId}`, expect: adminsOnly },
  '/api/v1/documents/[id]/route': {
    url: (f) => `/api/v1/documents/${f.documentId}?size=thumb`,
    expect: { ...everyone('401'), 'staff without a role': '403', caseworker: 'ok', supervisor: 'ok', admin: '403' },
  },
  // Relying parties look links up with their API key; a staff session or an applicant's cookie gives nothing.
  '/api/v1/links/[...identifier]/route': { url: () => '/api/v1/links/DE%2FDK%2F0000000001', expect: only({ 'relying party': '404' }, '401') },
  '/api/auth/[...nextauth]/route': { url: () => '/api/auth/csrf', expect: everyone('ok') },
  '/api/health/route': { url: () => '/api/health', expect: everyone('ok') },
  // Answers only in the benchmark's own build (BENCH_BUILD=1); in every other build it is not there for anyone.
  '/api/bench/floor/route': { url: () => '/api/bench/floor', expect: everyone('404') },

  // The applicant's pages: open to everyone, each showing what the visitor's own cookie allows.
  '/(public)/page': { url: () => '/', expect: everyone('ok') },
  '/(public)/start/page': { url: () => '/start', expect: everyone('ok') },
  '/(public)/accessibility/page': { url: () => '/accessibility', expect: everyone('ok') },
  '/(public)/privacy/page': { url: () => '/privacy', expect: everyone('ok') },
  '/(public)/forbidden/page': { url: () => '/forbidden', expect: everyone('ok') },
  '/(public)/set-password/page': { url: () => '/set-password', expect: everyone('ok') },
  '/(public)/status/page': { url: () => '/status', expect: everyone('ok') },
  '/(public)/connection/page': { url: () => '/connection', expect: everyone('ok') },
  // Without a journey these pages say so and point to the start (their content needs the journey's eID login).
  '/(public)/apply/page': { url: () => '/apply', expect: everyone('ok') },
  '/(public)/connect/page': { url: () => '/connect', expect: everyone('ok') },
  // A journey that has not tried the automatic match yet is sent back to the form.
  '/(public)/connect/mitid/page': { url: () => '/connect/mitid', expect: only({ 'applicant journey': 'redirect:/connect' }, 'ok') },
  '/(public)/connect/limit/page': { url: () => '/connect/limit', expect: only({ 'applicant journey': 'redirect:/connect' }, 'ok') },
  '/(public)/connect/done/page': { url: () => '/connect/done', expect: everyone('ok') },
  '/icon.svg/route': { url: () => '/icon.svg', expect: everyone('ok') },
  // The simulators, the demo mailbox and the demo return page: in demo mode only (tests/integration/dev-pages-outside-demo.test.ts).
  '/(public)/dev/eid/page': 'demo only',
  '/(public)/dev/mitid/page': 'demo only',
  '/(public)/dev/mailbox/page': 'demo only',
  '/(public)/dev/mailbox/[id]/page': 'demo only',
  '/(public)/dev/return/page': 'demo only',
  '/(public)/dev/eid/authorize/route': 'demo only',
  '/(public)/dev/mitid/authorize/route': 'demo only',

  // The applicant's endpoints: each needs its own cookie (the journey, the status session, the own-connection
  // session) and refuses every other visitor; the requests stop at validation, so nothing changes.
  '/api/v1/journey/start/route': { url: () => '/api/v1/journey/start', method: 'POST', form: { country: 'XX' }, query: true, expect: everyone('redirect:/start?error=country') },
  '/api/v1/journey/match/route': { url: () => '/api/v1/journey/match', method: 'POST', json: {}, expect: only({ 'applicant journey': '400' }, '401') },
  '/api/v1/applications/route': { url: () => '/api/v1/applications', method: 'POST', json: {}, expect: only({ 'applicant journey': '400' }, '401') },
  '/api/v1/applications/draft/route': { url: () => '/api/v1/applications/draft', method: 'PUT', json: {}, expect: only({ 'applicant journey': '400' }, '401') },
  '/api/v1/uploads/route': { url: () => '/api/v1/uploads', method: 'POST', multipart: true, expect: only({ 'applicant journey': '400' }, '401') },
  '/api/v1/uploads/[id]/thumbnail/route': { url: () => `/api/v1/uploads/${randomUUID()}/thumbnail`, expect: only({ 'applicant journey': '404' }, '401') },
  '/api/v1/applications/status-link/route': {
    url: () => '/api/v1/applications/status-link',
    method: 'POST',
    form: {},
    query: true,
    expect: only({ 'applicant journey': 'redirect:/apply' }, 'redirect:/start?error=session'),
  },
  '/api/v1/applications/status/answer/route': { url: () => '/api/v1/applications/status/answer', method: 'POST', json: {}, expect: only({ 'status session': '400' }, '401') },
  '/api/v1/applications/status/uploads/route': { url: () => '/api/v1/applications/status/uploads', method: 'POST', multipart: true, expect: only({ 'status session': '409' }, '401') },
  '/api/v1/applications/status/withdraw/route': { url: () => '/api/v1/applications/status/withdraw', method: 'POST', json: { expectedVersion: 999 }, expect: only({ 'status session': '409' }, '401') },
  '/api/v1/applications/status/documents/[id]/thumbnail/route': {
    url: (f) => `/api/v1/applications/status/documents/${f.documentId}/thumbnail`,
    expect: only({ 'status session': 'ok' }, '401'),
  },
  // The token from the email is the credential: whoever holds it opens the session, whatever else they carry.
  '/api/v1/applications/status/session/route': { url: () => '/api/v1/applications/status/session', method: 'POST', json: 'token', expect: everyone('204') },
  '/api/v1/connection/start/route': { url: () => '/api/v1/connection/start', method: 'POST', form: { country: 'XX' }, query: true, expect: everyone('redirect:/connection?error=country') },
  '/api/v1/connection/data/route': { url: () => '/api/v1/connection/data', expect: only({ 'own-connection session': 'ok' }, '401') },
  '/api/v1/connection/remove/route': { url: () => '/api/v1/connection/remove', method: 'POST', json: {}, expect: only({ 'own-connection session': '400' }, '401') },
  // After the journey's other endpoints: a callback without a login under way, and a MitID login started.
  '/api/v1/journey/eid/callback/route': {
    url: () => '/api/v1/journey/eid/callback?state=x&code=y',
    query: true,
    expect: only({ 'applicant journey': 'redirect:/start?error=login' }, 'redirect:/start?error=session'),
  },
  '/api/v1/journey/mitid/callback/route': {
    url: () => '/api/v1/journey/mitid/callback?state=x&code=y',
    query: true,
    expect: only({ 'applicant journey': 'redirect:/connect/mitid?error=login' }, 'redirect:/start?error=session'),
  },
  '/api/v1/journey/mitid/start/route': { url: () => '/api/v1/journey/mitid/start', method: 'POST', form: {}, expect: only({ 'applicant journey': 'redirect:/connect' }, 'redirect:/start') },
  // Last: signing out of the own-connection page ends that session (and asks nothing of anyone else).
  '/api/v1/connection/session/route': { url: () => '/api/v1/connection/session', method: 'DELETE', expect: everyone('204') },
};

const caseAction: Expected = {
  ...staffOnly,
  'forged cookie': 'UNAUTHENTICATED',
  'staff without a role': 'FORBIDDEN',
  caseworker: 'ran',
  supervisor: 'ran',
  admin: 'FORBIDDEN',
};
const adminAction: Expected = { ...caseAction, caseworker: 'FORBIDDEN', supervisor: 'FORBIDDEN', admin: 'ran' };
const unknownCase = () => ({ applicationId: randomUUID(), expectedVersion: 1 });

/** Server actions reachable from back-office pages: the arguments to call each with, and who may run it. */
const actions: Record<string, { args: () => unknown[]; expect: Expected } | 'public'> = {
  'app/(backoffice)/caseworker/actions.ts#takeNextCaseAction': { args: () => [], expect: caseAction },
  'app/(backoffice)/caseworker/actions.ts#takeCaseAction': { args: () => [unknownCase()], expect: caseAction },
  'app/(backoffice)/caseworker/actions.ts#releaseCaseAction': { args: () => [unknownCase()], expect: caseAction },
  'app/(backoffice)/caseworker/actions.ts#approveAction': { args: () => [unknownCase()], expect: caseAction },
  'app/(backoffice)/caseworker/actions.ts#rejectAction': { args: () => [{ ...unknownCase(), reason: 'other', text: 'x' }], expect: caseAction },
  'app/(backoffice)/caseworker/actions.ts#requestInfoAction': { args: () => [{ ...unknownCase(), question: true, message: 'x' }], expect: caseAction },
  'app/(backoffice)/caseworker/actions.ts#addNoteAction': { args: () => [{ applicationId: randomUUID(), body: 'x' }], expect: caseAction },
  'app/(backoffice)/caseworker/actions.ts#reassignCaseAction': { args: () => [{ ...unknownCase(), assignee: '' }], expect: { ...caseAction, caseworker: 'FORBIDDEN' } },
  'app/(backoffice)/admin/staff/actions.ts#createStaffAction': { args: () => [{}, {}], expect: adminAction },
  'app/(backoffice)/admin/staff/actions.ts#changeRoleAction': { args: () => [randomUUID(), {}, {}], expect: adminAction },
  'app/(backoffice)/admin/staff/actions.ts#setActiveAction': { args: () => [randomUUID(), true, {}], expect: adminAction },
  'app/(backoffice)/admin/staff/actions.ts#resendInviteAction': { args: () => [randomUUID(), {}], expect: adminAction },
  // The sign-in form, sign-out and the language switcher serve everyone by design; setting a password from a link
  // takes the link's token as its credential.
  'app/(public)/set-password/actions.ts#setPasswordAction': 'public',
  'lib/auth/actions.ts#signInWithPassword': 'public',
  'lib/auth/actions.ts#signInWithSso': 'public',
  'lib/auth/actions.ts#signOutStaff': 'public',
  'lib/i18n/actions.ts#setLocale': 'public',
};

/**
 * A caseworker who signed out: the old cookie is still a validly signed JWT, but its session is gone, so every page,
 * route and action must treat it as a forged one.
 */
async function signedOutJar(): Promise<Jar> {
  const jar = await signIn('caseworker@demo.example', 'demo-password');
  const csrf = await fetch(`${baseURL()}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseURL()}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [cookieHeader(jar), ...csrfCookie].join('; ') },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${baseURL()}/signin` }),
  });
  await res.arrayBuffer();
  if (res.status !== 302) throw new Error(`sign-out failed: ${res.status}`);
  return jar;
}
const SIGNED_OUT = 'signed-out session';
let signedOut: Jar;

let sql: Sql;
let fixture: Fixture;
const visitors = {} as Record<Identity, Visitor>;

beforeAll(async () => {
  sql = connectAppDb();
  useAppDatabase(inject('dataDir'), baseURL());
  const person = (givenNames: string, familyName: string, dateOfBirth: string, email: string) => ({
    givenNames,
    familyName,
    registerGivenNames: givenNames,
    registerFamilyName: familyName,
    dateOfBirth,
    country: 'PL',
    email,
    daysAgo: 1,
  });
  const app = await insertWaitingCase(sql, person('Marta', 'Nowak', '1979-04-02', 'marta.matrix@example.com'));
  // Another person's application, which the first one's status session must never reach.
  const other = await insertWaitingCase(sql, person('Zofia', 'Wrona', '1983-11-20', 'zofia.matrix@example.com'));
  const [doc] = await sql<{ id: string }[]>`select id from documents where application_id = ${app.id}`;
  const [otherDoc] = await sql<{ id: string }[]>`insert into documents (application_id, kind, round, storage_key, thumb_key, sha256, width, height, bytes)
    values (${other.id}, 'id_front', 1, 'seed/passport_photo.jpg', 'seed/passport_photo.thumb.webp', ${sha256(other.reference)}, 1800, 1260, 100000) returning id`;
  const statusToken = randomToken();
  await sql`update applications set status_token_hash = ${sha256(statusToken)} where id = ${app.id}`;
  const [staffUser] = await sql<{ id: string }[]>`select id from users where email = 'caseworker2@demo.example'`;
  fixture = { applicationId: app.id, documentId: doc!.id, statusToken, staffUserId: staffUser!.id, otherDocumentId: otherDoc!.id, otherReference: other.reference, reference: app.reference };
  await sql`insert into users (id, email, name, role, password_hash) values (${randomUUID()}, 'new.sso.user@demo.example', 'New Person', null, ${await hash('no-role-password')})`;

  const journey = await eidJourney({ givenNames: 'Jan', familyName: 'Kowalski', dateOfBirth: '1990-01-01', country: 'PL', cpr: '010190-1234', email: 'jan.matrix@example.com' });
  const { getDb } = await import('../../lib/db');
  const { openConnectionSession, signConnectionSession, CONNECTION_COOKIE } = await import('../../lib/connection/session');
  const [identity] = await sql<{ id: string; person_identifier: string }[]>`select id, person_identifier from eid_identities where person_identifier = ${app.personIdentifier}`;
  const connection = await openConnectionSession(getDb(), { id: identity!.id, personIdentifier: identity!.person_identifier });

  visitors.anonymous = { jar: {} };
  visitors['forged cookie'] = { jar: { 'authjs.session-token': 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.forged' } };
  visitors['applicant with status link'] = { jar: {} };
  visitors['applicant journey'] = { jar: { [journey.name]: journey.value } };
  visitors['status session'] = { jar: { im_status: statusToken } };
  visitors['own-connection session'] = { jar: { [CONNECTION_COOKIE]: signConnectionSession(connection) } };
  visitors['relying party'] = { jar: {}, headers: { authorization: 'Bearer demo-tax-portal-key' } };
  visitors['staff without a role'] = { jar: await signIn('new.sso.user@demo.example', 'no-role-password') };
  visitors.caseworker = { jar: await signIn('caseworker2@demo.example', 'demo-password') };
  visitors.supervisor = { jar: await signIn('supervisor@demo.example', 'demo-password') };
  visitors.admin = { jar: await signIn('admin@demo.example', 'demo-password') };
  signedOut = await signedOutJar();
});

afterAll(async () => {
  await sql?.end();
  await closeAppDatabase();
});

/** The applicant carries the private status link's token; the back office must treat it as nothing. */
const withToken = (identity: Identity, url: string) =>
  identity === 'applicant with status link' ? `${url}${url.includes('?') ? '&' : '?'}t=${fixture.statusToken}` : url;

/** What a request ended in, in the matrix's words: ok, redirect:/path (with its query when asked), or the HTTP status. */
async function outcome(rule: Request, url: string, visitor: Visitor): Promise<string> {
  const headers: Record<string, string> = { cookie: cookieHeader(visitor.jar), ...visitor.headers };
  let body: BodyInit | undefined;
  if (rule.method && rule.method !== 'GET') headers.origin = baseURL();
  if (rule.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(rule.json === 'token' ? { token: fixture.statusToken } : rule.json);
  } else if (rule.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(rule.form).toString();
  } else if (rule.multipart) {
    body = new FormData();
  }
  const res = await fetch(`${baseURL()}${url}`, { method: rule.method ?? 'GET', redirect: 'manual', headers, body });
  await res.arrayBuffer();
  if (res.status >= 300 && res.status < 400) {
    const to = new URL(res.headers.get('location')!, baseURL());
    return `redirect:${to.pathname}${rule.query ? to.search : ''}`;
  }
  return res.status === 200 ? 'ok' : String(res.status);
}

const builtPagesAndRoutes = builtRoutes().filter((r) => !r.startsWith('/_'));
const allActions = builtActions();

describe('the authorisation matrix', () => {
  it('covers every page, route handler and server action of the build', () => {
    expect(builtPagesAndRoutes.filter((r) => !(r in routes)), 'routes missing from the matrix').toEqual([]);
    expect(allActions.map((a) => a.name).filter((n) => !(n in actions)), 'actions missing from the matrix').toEqual([]);
    expect(Object.keys(routes).filter((r) => !builtPagesAndRoutes.includes(r)), 'matrix routes not in the build').toEqual([]);
    expect(Object.keys(actions).filter((n) => !allActions.some((a) => a.name === n)), 'matrix actions not in the build').toEqual([]);
    // Everything under /dev is the demo's, and answers 404 outside demo mode (tests/integration/dev-pages-outside-demo.test.ts).
    expect(Object.entries(routes).filter(([, r]) => r === 'demo only').map(([k]) => k).sort()).toEqual(builtPagesAndRoutes.filter((r) => r.startsWith('/(public)/dev/')).sort());
  });

  for (const [route, rule] of Object.entries(routes)) {
    if (typeof rule === 'string') continue;
    it(`gives exactly the allowed visitors ${route}`, async () => {
      const actual = {} as Expected;
      for (const identity of identities) actual[identity] = await outcome(rule, withToken(identity, rule.url(fixture)), visitors[identity]);
      expect(actual).toEqual(rule.expect);
      expect(await outcome(rule, rule.url(fixture), { jar: signedOut }), SIGNED_OUT).toBe(rule.expect['forged cookie']);
    });
  }

  for (const [name, rule] of Object.entries(actions)) {
    if (typeof rule === 'string') continue;
    it(`lets exactly the allowed visitors run ${name.split('#')[1]}`, async () => {
      const action = allActions.find((a) => a.name === name)!;
      const actual = {} as Expected;
      for (const identity of identities) actual[identity] = await outcomeOfAction(withToken(identity, '/caseworker'), action.id, rule.args(), visitors[identity].jar);
      expect(actual).toEqual(rule.expect);
      expect(await outcomeOfAction('/caseworker', action.id, rule.args(), signedOut), SIGNED_OUT).toBe(rule.expect['forged cookie']);
    });
  }
});

describe("one applicant's status session against another person's application", () => {
  it('reaches neither the other photo nor the other case, and shows only its own application', async () => {
    const session = cookieHeader(visitors['status session'].jar);
    const get = (url: string) => fetch(`${baseURL()}${url}`, { redirect: 'manual', headers: { cookie: session } });
    const ownPhoto = await get(`/api/v1/applications/status/documents/${fixture.documentId}/thumbnail`);
    expect(ownPhoto.status).toBe(200);
    const otherPhoto = await get(`/api/v1/applications/status/documents/${fixture.otherDocumentId}/thumbnail`);
    expect(otherPhoto.status).toBe(404);
    expect(otherPhoto.headers.get('content-type')).toMatch(/json/);
    const refusal = await otherPhoto.text();
    expect(refusal).not.toMatch(/Zofia|Wrona|zofia\.matrix|1983/);
    expect(refusal).not.toContain(fixture.otherReference);
    // The caseworker's document route knows no applicant.
    expect((await get(`/api/v1/documents/${fixture.otherDocumentId}?size=thumb`)).status).toBe(401);
    // The status page shows the session's own application and nothing of the other one.
    const page = await (await get('/status')).text();
    expect(page).toContain(fixture.reference);
    expect(page).not.toContain(fixture.otherReference);
    expect(page).not.toMatch(/Zofia|Wrona/);
    // Another person's reference in the page address changes nothing (the address itself is echoed in the page data).
    const aimed = await (await get(`/status?reference=${fixture.otherReference}&id=${fixture.otherDocumentId}`)).text();
    expect(aimed).toContain(fixture.reference);
    expect(aimed).not.toMatch(/Zofia|Wrona|zofia\.matrix/);
    expect(aimed).not.toContain(`/api/v1/applications/status/documents/${fixture.otherDocumentId}/thumbnail`);
  });

  it('cannot answer, upload to or withdraw the other application', async () => {
    const [before] = await sql<{ state: string; version: number }[]>`select state, version from applications where reference = ${fixture.otherReference}`;
    const post = (url: string, json: unknown) =>
      fetch(`${baseURL()}${url}`, { method: 'POST', redirect: 'manual', headers: { cookie: cookieHeader(visitors['status session'].jar), origin: baseURL(), 'content-type': 'application/json' }, body: JSON.stringify(json) });
    const other = await sql<{ id: string }[]>`select id from applications where reference = ${fixture.otherReference}`;
    for (const res of [
      // Versions no application has, so that the session's own application is not changed either.
      await post('/api/v1/applications/status/withdraw', { expectedVersion: before!.version + 100, applicationId: other[0]!.id }),
      await post('/api/v1/applications/status/answer', { expectedVersion: before!.version + 100, applicationId: other[0]!.id, message: 'Not mine.' }),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await res.text()).not.toMatch(/Zofia|Wrona/);
    }
    const [after] = await sql<{ state: string; version: number }[]>`select state, version from applications where reference = ${fixture.otherReference}`;
    expect(after).toEqual(before);
  });
});
