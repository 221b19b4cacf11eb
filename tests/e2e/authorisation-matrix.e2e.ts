// The authorisation matrix: every back-office page, route handler and server action of the build, requested over
// HTTP by each kind of visitor, with real sign-ins. The proxy's early redirect is not trusted: a visitor with a
// forged session cookie gets past it, so every page, route and action must refuse on its own.
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomToken, sha256 } from '../../lib/security/crypto';
import { connectAppDb, insertWaitingCase, type Sql } from './support/database';
import { baseURL } from './support/browser';
import { builtActions, builtRoutes, cookieHeader, outcomeOfAction, outcomeOfGet, signIn, type Jar } from './support/http';

const identities = ['anonymous', 'forged cookie', 'applicant with status link', 'staff without a role', 'caseworker', 'supervisor', 'admin'] as const;
type Identity = (typeof identities)[number];
type Expected = Record<Identity, string>;
type Fixture = { applicationId: string; documentId: string; statusToken: string; staffUserId: string };

const staffOnly: Expected = {
  anonymous: 'redirect:/signin',
  'forged cookie': 'redirect:/signin',
  'applicant with status link': 'redirect:/signin',
  'staff without a role': 'redirect:/no-access',
  caseworker: 'ok',
  supervisor: 'ok',
  admin: 'redirect:/no-access',
};
const everyone = (outcome: string): Expected => Object.fromEntries(identities.map((i) => [i, outcome])) as Expected;
const supervisorsOnly: Expected = { ...staffOnly, caseworker: 'redirect:/no-access', admin: 'ok' };
const adminsOnly: Expected = { ...staffOnly, caseworker: 'redirect:/no-access', supervisor: 'redirect:/no-access', admin: 'ok' };

/** Pages and route handlers: how to request each, and what each visitor must get. */
const routes: Record<string, { url: (f: Fixture) => string; expect: Expected } | 'public' | 'not back office'> = {
  '/(backoffice)/caseworker/page': { url: () => '/caseworker', expect: staffOnly },
  '/(backoffice)/caseworker/cases/[id]/page': { url: (f) => `/caseworker/cases/${f.applicationId}`, expect: staffOnly },
  '/(backoffice)/signin/page': {
    url: () => '/signin',
    // Signed in already: each role's own home.
    expect: { ...everyone('redirect:/caseworker'), supervisor: 'redirect:/supervisor', admin: 'redirect:/admin/staff', 'staff without a role': 'redirect:/no-access', anonymous: 'ok', 'forged cookie': 'ok', 'applicant with status link': 'ok' },
  },
  '/(backoffice)/no-access/page': { url: () => '/no-access', expect: everyone('ok') },
  '/(backoffice)/supervisor/page': { url: () => '/supervisor', expect: supervisorsOnly },
  '/(backoffice)/supervisor/access/page': { url: () => '/supervisor/access', expect: supervisorsOnly },
  '/(backoffice)/supervisor/export/[table]/route': {
    url: () => '/supervisor/export/funnel',
    expect: { anonymous: 'redirect:/signin', 'forged cookie': '401', 'applicant with status link': 'redirect:/signin', 'staff without a role': '403', caseworker: '403', supervisor: 'ok', admin: 'ok' },
  },
  '/(backoffice)/admin/page': { url: () => '/admin', expect: { ...adminsOnly, admin: 'redirect:/admin/staff' } },
  '/(backoffice)/admin/staff/page': { url: () => '/admin/staff', expect: adminsOnly },
  '/(backoffice)/admin/staff/new/page': { url: () => '/admin/staff/new', expect: adminsOnly },
  '/(backoffice)/admin/staff/[id]/page': { url: (f) => `/admin/staff/${f.staffUserId}`, expect: adminsOnly },
  '/api/v1/documents/[id]/route': {
    url: (f) => `/api/v1/documents/${f.documentId}?size=thumb`,
    expect: { anonymous: '401', 'forged cookie': '401', 'applicant with status link': '401', 'staff without a role': '403', caseworker: 'ok', supervisor: 'ok', admin: '403' },
  },
  // Relying parties look links up with their API key; a staff session alone gives nothing.
  '/api/v1/links/[...identifier]/route': { url: () => '/api/v1/links/DE%2FDK%2F0000000001', expect: everyone('401') },
  '/api/auth/[...nextauth]/route': 'public',
  '/api/health/route': 'public',
  // The applicant's own endpoints: the journey cookie or the status-link session, tested in their own files.
  '/api/v1/journey/start/route': 'not back office',
  '/api/v1/journey/match/route': 'not back office',
  '/api/v1/journey/eid/callback/route': 'not back office',
  '/api/v1/journey/mitid/start/route': 'not back office',
  '/api/v1/journey/mitid/callback/route': 'not back office',
  '/api/v1/applications/route': 'not back office',
  '/api/v1/applications/draft/route': 'not back office',
  '/api/v1/applications/status/answer/route': 'not back office',
  '/api/v1/applications/status/documents/[id]/thumbnail/route': 'not back office',
  '/api/v1/applications/status/session/route': 'not back office',
  '/api/v1/applications/status/uploads/route': 'not back office',
  '/api/v1/applications/status/withdraw/route': 'not back office',
  '/api/v1/uploads/route': 'not back office',
  '/api/v1/applications/status-link/route': 'not back office',
  '/api/v1/connection/data/route': 'not back office',
  '/api/v1/connection/remove/route': 'not back office',
  '/api/v1/connection/session/route': 'not back office',
  '/api/v1/connection/start/route': 'not back office',
  // Answers only in the benchmark's own build (BENCH_BUILD=1); in every other build it is not there for anyone.
  '/api/bench/floor/route': { url: () => '/api/bench/floor', expect: everyone('404') },
  '/api/v1/uploads/[id]/thumbnail/route': 'not back office',
};

const caseAction: Expected = {
  anonymous: 'redirect:/signin',
  'forged cookie': 'UNAUTHENTICATED',
  'applicant with status link': 'redirect:/signin',
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
  // The sign-in form, sign-out and the language switcher serve everyone by design.
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
const jars = {} as Record<Identity, Jar>;

beforeAll(async () => {
  sql = connectAppDb();
  const app = await insertWaitingCase(sql, {
    givenNames: 'Marta',
    familyName: 'Nowak',
    registerGivenNames: 'Marta',
    registerFamilyName: 'Nowak',
    dateOfBirth: '1979-04-02',
    country: 'PL',
    email: 'marta.matrix@example.com',
    daysAgo: 1,
  });
  const [doc] = await sql<{ id: string }[]>`select id from documents where application_id = ${app.id}`;
  const statusToken = randomToken();
  await sql`update applications set status_token_hash = ${sha256(statusToken)} where id = ${app.id}`;
  const [staffUser] = await sql<{ id: string }[]>`select id from users where email = 'caseworker2@demo.example'`;
  fixture = { applicationId: app.id, documentId: doc!.id, statusToken, staffUserId: staffUser!.id };
  await sql`insert into users (id, email, name, role, password_hash) values (${randomUUID()}, 'new.sso.user@demo.example', 'New Person', null, ${await hash('no-role-password')})`;

  jars.anonymous = {};
  jars['forged cookie'] = { 'authjs.session-token': 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.forged' };
  jars['applicant with status link'] = {};
  jars['staff without a role'] = await signIn('new.sso.user@demo.example', 'no-role-password');
  jars.caseworker = await signIn('caseworker2@demo.example', 'demo-password');
  jars.supervisor = await signIn('supervisor@demo.example', 'demo-password');
  jars.admin = await signIn('admin@demo.example', 'demo-password');
  signedOut = await signedOutJar();
});

afterAll(async () => {
  await sql?.end();
});

/** The applicant carries the private status link's token; the back office must treat it as nothing. */
const withToken = (identity: Identity, url: string) =>
  identity === 'applicant with status link' ? `${url}${url.includes('?') ? '&' : '?'}t=${fixture.statusToken}` : url;

const backOfficeRoutes = builtRoutes().filter((r) => r.startsWith('/(backoffice)/') || r.startsWith('/api/'));
const backOfficeActions = builtActions().filter((a) => a.workers.some((w) => w.startsWith('app/(backoffice)/')));

describe('the authorisation matrix', () => {
  it('covers every back-office page, route handler and server action of the build', () => {
    expect(backOfficeRoutes.filter((r) => !(r in routes)), 'routes missing from the matrix').toEqual([]);
    expect(backOfficeActions.map((a) => a.name).filter((n) => !(n in actions)), 'actions missing from the matrix').toEqual([]);
    expect(Object.keys(routes).filter((r) => !backOfficeRoutes.includes(r)), 'matrix routes not in the build').toEqual([]);
    expect(Object.keys(actions).filter((n) => !backOfficeActions.some((a) => a.name === n)), 'matrix actions not in the build').toEqual([]);
  });

  for (const [route, rule] of Object.entries(routes)) {
    if (typeof rule === 'string') continue;
    it(`gives exactly the allowed visitors ${route}`, async () => {
      const actual = {} as Expected;
      for (const identity of identities) actual[identity] = await outcomeOfGet(withToken(identity, rule.url(fixture)), jars[identity]);
      expect(actual).toEqual(rule.expect);
      expect(await outcomeOfGet(rule.url(fixture), signedOut), SIGNED_OUT).toBe(rule.expect['forged cookie']);
    });
  }

  for (const [name, rule] of Object.entries(actions)) {
    if (typeof rule === 'string') continue;
    it(`lets exactly the allowed visitors run ${name.split('#')[1]}`, async () => {
      const action = backOfficeActions.find((a) => a.name === name)!;
      const actual = {} as Expected;
      for (const identity of identities) actual[identity] = await outcomeOfAction(withToken(identity, '/caseworker'), action.id, rule.args(), jars[identity]);
      expect(actual).toEqual(rule.expect);
      expect(await outcomeOfAction('/caseworker', action.id, rule.args(), signedOut), SIGNED_OUT).toBe(rule.expect['forged cookie']);
    });
  }
});
