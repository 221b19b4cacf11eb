// Every server action of the build, called over HTTP the way the browser calls it (the Next-Action header, the body
// React's client encodes, a real session of the role that may run it), with generated hostile input: wrong types,
// missing fields, NUL, RTL marks, emoji, lone surrogates, 10,000-character strings, stale versions, unknown ids, and
// bodies the client never writes (malformed, over the limit, references to parts never sent). Never a 5xx: a call with
// a body Next could not decode gets the proxy's structured 4xx, every other one the action's own translated refusal;
// and the database is exactly as it was after all of them.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomToken, sha256 } from '../../lib/security/crypto';
import { hostileString, hostileStrings, wrongTypeOf } from '../support/hostile';
import { closeAppDatabase, useAppDatabase } from './support/app-data';
import { baseURL } from './support/browser';
import { connectAppDb, insertWaitingCase, type Sql } from './support/database';
import { builtActions, cookieHeader, signIn, type Jar } from './support/http';

// 300 calls per action in CI (about 90 s for all of them over HTTP on two cores; 2,000 each took ten minutes, beyond
// the CI budget; the JSON routes get 2,000 each in tests/integration/fuzz-routes.test.ts). FUZZ_RUNS=2000 for a full run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const CONCURRENCY = 8;
// Over HTTP to one server on a shared machine: a generous allowance per call.
const TIMEOUT = 60_000 + RUNS * 150;

// --- hostile values ---------------------------------------------------------------------------------------------

// The shared hostile strings, and strings that look like the references React's client writes ($K a form, $@ a
// promise, $undefined): sent escaped, they reach the action as plain text.
const edgeStrings = [...hostileStrings, '$K1', '$@1', '$undefined'];
const edgeString = hostileString(edgeStrings);
// Unlike JSON, React's client sends undefined too.
const wrongType = wrongTypeOf(edgeString, fc.constant(undefined));

/** What the action is called with: plain arguments, or arguments with one form (FORM) whose fields are given. */
const FORM = Symbol('form');
type Call = { args: unknown[]; form?: [string, string][] } | { raw: string; type: string; chunked: boolean };

/**
 * One object argument that breaks the action's schema for certain (one required key deleted or given a value of
 * another kind), with hostile noise in the other keys; or a well-formed one the action must refuse (`refused`).
 */
function hostileObject(base: Record<string, unknown>, required: string[], refused: fc.Arbitrary<Record<string, unknown>>[] = []): fc.Arbitrary<unknown> {
  const corrupted = fc
    .record({ key: fc.constantFrom(...required), how: fc.constantFrom('delete', 'wrong'), wrong: wrongType, noise: fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(base)), edgeString), wrongType, { maxKeys: 3 }) })
    .map(({ key, how, wrong, noise }) => {
      const value: Record<string, unknown> = { ...base, ...noise };
      if (how === 'delete') delete value[key];
      else value[key] = typeof base[key] === typeof wrong ? [wrong] : wrong === undefined ? null : wrong;
      return value;
    });
  const notAnObject = fc.oneof(fc.integer(), fc.constant(null), fc.array(edgeString, { maxLength: 3 }), edgeString);
  return fc.oneof({ arbitrary: corrupted, weight: 6 }, { arbitrary: notAnObject, weight: 1 }, ...refused.map((arbitrary) => ({ arbitrary, weight: 3 })));
}

/** Form fields: some of the form's own names with hostile values, one required field missing or emptied, strangers. */
function hostileFields(fields: string[], required: string[], valid: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<[string, string][]> {
  return fc
    .record({
      values: fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(valid[f] ?? edgeString, edgeString)]))),
      broken: fc.constantFrom(...required),
      how: fc.constantFrom('delete', 'empty', 'huge'),
      strangers: fc.dictionary(edgeString, edgeString, { maxKeys: 2 }),
    })
    .map(({ values, broken, how, strangers }) => {
      const out: Record<string, string> = { ...strangers, ...values };
      if (how === 'delete') delete out[broken];
      else out[broken] = how === 'empty' ? '' : 'x'.repeat(10_000);
      return Object.entries(out);
    });
}

/** A form action's call: its leading arguments, then either hostile form fields or something that is not a form at all. */
function formCall(leading: fc.Arbitrary<unknown[]>, fields: fc.Arbitrary<[string, string][]>): fc.Arbitrary<Call> {
  const withForm = fc.tuple(leading, fields).map(([lead, form]): Call => ({ args: [...lead, FORM], form }));
  const notAForm = fc.tuple(leading, wrongType).map(([lead, wrong]): Call => ({ args: [...lead, wrong] }));
  const tooFew = leading.map((lead): Call => ({ args: lead.slice(0, -1) }));
  return fc.oneof({ arbitrary: withForm, weight: 6 }, { arbitrary: notAForm, weight: 2 }, { arbitrary: tooFew, weight: 1 });
}

/** Bodies React's client never writes: Next cannot decode them, so the proxy must refuse them first. */
const undecodable: fc.Arbitrary<Call> = fc.oneof(
  { weight: 3, arbitrary: fc
    .oneof(fc.constantFrom('[', '{"a":', 'nul', '\u0000', "['a']", '[1]]', '{}', '1', '"x"', 'null'), fc.string({ unit: 'binary', maxLength: 60 }))
    .filter((t) => {
      try {
        return !Array.isArray(JSON.parse(t));
      } catch {
        return true;
      }
    })
    .map((raw): Call => ({ raw, type: 'text/plain;charset=UTF-8', chunked: false })) },
  { weight: 3, arbitrary: fc.constantFrom('["$@1"]', '["$Q1"]', '["$W1"]', '["$F1"]', '["$T"]', '["$1"]', '["$B1"]', '["$h1"]', '[{"a":"$K1"}]', '["$n1"]', '["$D2020"]', '["$Z"]').map((raw): Call => ({ raw, type: 'text/plain;charset=UTF-8', chunked: false })) },
  { weight: 1, arbitrary: fc.record({ chunked: fc.boolean(), fill: fc.constantFrom('a', 'Ü', '🙂') }).map(({ chunked, fill }): Call => ({ raw: `["${fill.repeat(Math.ceil((1024 * 1024 + 1) / Buffer.byteLength(fill)))}"]`, type: 'text/plain;charset=UTF-8', chunked })) },
  { weight: 2, arbitrary: fc.constantFrom(
    // Truncated, without the root part, with a file, with a root that is not a list.
    '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--b\r\nContent-Disposition: form-data; name="1_email"\r\n\r\nx',
    '--b\r\nContent-Disposition: form-data; name="1_email"\r\n\r\nx\r\n--b--\r\n',
    '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n--b\r\nContent-Disposition: form-data; name="1_file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\r\n--b--\r\n',
    '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n{"a":1}\r\n--b--\r\n',
    '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$@2"]\r\n--b--\r\n',
  ).map((raw): Call => ({ raw, type: 'multipart/form-data; boundary=b', chunked: false })) },
);

/** The action's hostile calls: mostly its own arguments gone wrong, one in eight a body Next cannot decode. */
const calls = (own: fc.Arbitrary<Call>) => fc.oneof({ arbitrary: own, weight: 7 }, { arbitrary: undecodable, weight: 1 });
const plainCall = (arg: fc.Arbitrary<unknown>) => arg.map((a): Call => ({ args: [a] }));

// --- calling an action ------------------------------------------------------------------------------------------

/** A value as React's client encodes it in a reply: a string starting with `$` is escaped, the numbers JSON lacks are named. */
function encode(value: unknown): unknown {
  if (value === FORM) return '$K1';
  if (value === undefined) return '$undefined';
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (typeof value === 'number') return Number.isNaN(value) ? '$NaN' : value === Infinity ? '$Infinity' : value === -Infinity ? '$-Infinity' : Object.is(value, -0) ? '$-0' : value;
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

type Answer = { status: number; body: string; result: unknown; redirect: string | null; setCookies: string[] };

async function callAction(page: string, actionId: string, call: Call, jar: Jar): Promise<Answer> {
  const headers: Record<string, string> = { cookie: cookieHeader(jar), 'next-action': actionId, accept: 'text/x-component', origin: baseURL() };
  let body: BodyInit;
  let chunked = false;
  if ('raw' in call) {
    headers['content-type'] = call.type;
    body = call.raw;
    chunked = call.chunked;
  } else if (call.form) {
    // As React's client writes it: the form's fields under its id, then the arguments (part 0), last.
    const form = new FormData();
    for (const [k, v] of call.form) form.append(`1_${k}`, v);
    form.append('0', JSON.stringify(encode(call.args)));
    body = form;
  } else {
    headers['content-type'] = 'text/plain;charset=UTF-8';
    body = JSON.stringify(encode(call.args));
  }
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', redirect: 'manual', headers, body };
  if (chunked) {
    const bytes = new TextEncoder().encode(body as string);
    init.body = new ReadableStream({
      start(c) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.subarray(i, i + 64 * 1024));
        c.close();
      },
    });
    init.duplex = 'half';
  }
  const res = await fetch(`${baseURL()}${page}`, init);
  const text = await res.text();
  return { status: res.status, body: text, result: actionResult(text), redirect: res.headers.get('x-action-redirect'), setCookies: res.headers.getSetCookie() };
}

/** The action's return value from the RSC answer: row 0 names the row ("$@n") that holds it. */
function actionResult(text: string): unknown {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    // The first row of each id: a long text row may hold newlines of its own.
    if (m && !rows.has(m[1]!)) rows.set(m[1]!, m[2]!);
  }
  try {
    const envelope = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    const ref = typeof envelope?.a === 'string' ? /^\$@([0-9a-f]+)$/.exec(envelope.a)?.[1] : undefined;
    const value: unknown = ref === undefined ? envelope?.a : JSON.parse(rows.get(ref) ?? 'null');
    return value === '$undefined' ? undefined : value;
  } catch {
    return undefined;
  }
}

/** The refusal a body Next could not decode gets from the proxy. */
function proxyRefusal(a: Answer): string | null {
  if (a.status !== 400 && a.status !== 413) return `${a.status} ${a.body.slice(0, 160)}`;
  try {
    const e = (JSON.parse(a.body) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof e?.code === 'string' && typeof e.message === 'string' && e.message.length > 0 ? null : `unstructured ${a.body.slice(0, 160)}`;
  } catch {
    return `not JSON: ${a.body.slice(0, 160)}`;
  }
}

type Refused = (a: Answer) => string | null;
const nonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;

/** A case action's refusal: { ok: false, code, message } with a translated message. */
const caseRefusal: Refused = ({ result }) => {
  const r = result as { ok?: unknown; code?: unknown; message?: unknown } | null;
  return r?.ok === false && nonEmpty(r.code) && nonEmpty(r.message) && r.code !== 'INTERNAL' ? null : `not a case refusal: ${JSON.stringify(result)?.slice(0, 160)}`;
};
/** A staff form's refusal: field errors or a form error, as catalogue keys the form translates; never done. */
const formRefusal: Refused = ({ result }) => {
  const r = result as { fields?: Record<string, unknown>; formError?: unknown; done?: unknown; notice?: unknown } | null;
  const hasFields = r?.fields !== undefined && Object.keys(r.fields).length > 0;
  return r && (hasFields || nonEmpty(r.formError)) && !r.done && !r.notice ? null : `not a form refusal: ${JSON.stringify(result)?.slice(0, 160)}`;
};
const signInRefusal: Refused = ({ result }) => {
  const r = result as { error?: unknown } | null;
  return r && ['invalid', 'required', 'rate_limited', 'account_locked'].includes(r.error as string) ? null : `not a sign-in refusal: ${JSON.stringify(result)?.slice(0, 160)}`;
};
/** Sign-in by SSO (not configured here) and sign-out of nobody: back to the sign-in page, on our own site. */
const toSignIn: Refused = ({ redirect }) => (redirect && new URL(redirect, baseURL()).origin === baseURL() && new URL(redirect, baseURL()).pathname.startsWith('/') ? null : `no redirect to our sign-in: ${redirect}`);
/** The language switcher ignores anything but a language it knows: no cookie. */
const noLocaleCookie: Refused = ({ setCookies, result }) => (setCookies.some((c) => c.startsWith('locale=')) ? `set ${setCookies.join(', ')}` : result === undefined ? null : `returned ${JSON.stringify(result)}`);

/**
 * Every table's content as one hash each. Rate-limit counters are not data, a session's idle clock moves with use,
 * the statistics are refreshed by their job, and the app's worker marks earlier emails delivered meanwhile: of the
 * outbox, which rows exist.
 */
async function snapshot(sql: Sql): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }[]>`select quote_ident(table_name) as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('rate_limits', 'stats_rollup', 'stats_daily', 'stats_monthly') order by 1`;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const row = name === 'email_outbox' ? 't.id::text' : "(to_jsonb(t) - 'last_seen_at')::text";
    const [h] = await sql.unsafe<{ h: string | null }[]>(`select md5(string_agg(md5(${row}), '' order by md5(${row}))) as h from public.${name} t`);
    out[name] = h?.h ?? 'empty';
  }
  return out;
}

// --- the actions ------------------------------------------------------------------------------------------------

let sql: Sql;
// Replaced by the waiting case before the first call; the rules read it when they generate.
let application: { id: string; version: number } = { id: randomUUID(), version: 1 };
let staffUserId: string = randomUUID();
let savedLimits: { key: string; points: number; expires_at: Date }[];
const jars = {} as Record<'anonymous' | 'caseworker' | 'supervisor' | 'admin', Jar>;

/**
 * The app's own background work, done now: a job that ticks during a fuzz (an idle case back to the queue, a
 * reminder, housekeeping) then finds nothing left that was due, and the database changes only if a call changed it.
 */
async function settleJobs() {
  const { getDb } = await import('../../lib/db');
  const { jobs } = await import('../../lib/jobs/registry');
  for (const job of jobs) if (job.enabled?.() ?? true) await job.run(getDb());
}

beforeAll(async () => {
  useAppDatabase(inject('dataDir'), baseURL());
  sql = connectAppDb();
  const app = await insertWaitingCase(sql, {
    givenNames: 'Ana',
    familyName: 'Fuzz',
    registerGivenNames: 'Ana',
    registerFamilyName: 'Fuzz',
    dateOfBirth: '1981-06-05',
    country: 'PT',
    email: 'ana.fuzz@example.com',
    daysAgo: 0,
  });
  application = { id: app.id, version: 1 };
  await sql`update applications set status_token_hash = ${sha256(randomToken())} where id = ${app.id}`;
  jars.anonymous = {};
  jars.caseworker = await signIn('caseworker2@demo.example', 'demo-password');
  jars.supervisor = await signIn('supervisor@demo.example', 'demo-password');
  jars.admin = await signIn('admin@demo.example', 'demo-password');
  const [staffUser] = await sql<{ id: string }[]>`select id from users where email = 'caseworker2@demo.example'`;
  staffUserId = staffUser!.id;
  savedLimits = await sql`select key, points, expires_at from rate_limits`;
});

afterAll(async () => {
  // The sign-in fuzz used up this address's sign-in attempts; the next test files sign in from the same address.
  if (savedLimits) {
    await sql`delete from rate_limits`;
    for (const r of savedLimits) await sql`insert into rate_limits (key, points, expires_at) values (${r.key}, ${r.points}, ${r.expires_at})`;
  }
  await sql?.end();
  await closeAppDatabase();
});

const caseRef = () => ({ applicationId: application.id, expectedVersion: application.version });
/** Well-formed case references the action must still refuse: an unknown case, or a version that is not the case's. */
const staleOrUnknown = (extra: Record<string, fc.Arbitrary<unknown>> = {}) => [
  fc.record({ applicationId: fc.uuid({ version: 4 }), expectedVersion: fc.integer({ min: 1, max: 1000 }), ...extra }),
  fc.record({ applicationId: fc.constant('').map(() => application.id), expectedVersion: fc.integer({ min: 2, max: 2 ** 31 - 1 }).map((v) => application.version + v), ...extra }),
];
/** A caseworker's real account id. */
const realStaff = () => fc.constant('').map(() => staffUserId);
const uuidOrHostile = fc.oneof(fc.uuid({ version: 4 }), edgeString);
const validStaffFields = { email: fc.emailAddress(), role: fc.constantFrom('caseworker', 'supervisor', 'admin'), name: fc.constantFrom('Anna Berg', 'Ōtsuka Ren') };
/** Never an account that exists, so the sign-in fuzz locks nobody out and emails nobody. */
const strangerEmail = fc.oneof(fc.emailAddress().map((e) => `fuzz.${e}`), edgeString);

type Rule = { page: string; jar: keyof typeof jars; calls: fc.Arbitrary<Call>; refused: Refused };
const rules = (): Record<string, Rule> => ({
  'app/(backoffice)/caseworker/actions.ts#takeNextCaseAction': {
    page: '/caseworker',
    jar: 'caseworker',
    // Anything but no argument or an empty object.
    calls: calls(plainCall(fc.oneof(fc.dictionary(edgeString, wrongType.filter((v) => v !== undefined), { minKeys: 1, maxKeys: 3 }), fc.integer(), edgeString, fc.array(wrongType, { maxLength: 2 })))),
    refused: caseRefusal,
  },
  'app/(backoffice)/caseworker/actions.ts#takeCaseAction': { page: '/caseworker', jar: 'caseworker', calls: calls(plainCall(hostileObject(caseRef(), ['applicationId', 'expectedVersion'], staleOrUnknown()))), refused: caseRefusal },
  'app/(backoffice)/caseworker/actions.ts#releaseCaseAction': { page: '/caseworker', jar: 'caseworker', calls: calls(plainCall(hostileObject(caseRef(), ['applicationId', 'expectedVersion'], staleOrUnknown()))), refused: caseRefusal },
  'app/(backoffice)/caseworker/actions.ts#approveAction': {
    page: '/caseworker',
    jar: 'caseworker',
    calls: calls(plainCall(hostileObject({ ...caseRef(), confirmedOthers: true }, ['applicationId', 'expectedVersion'], staleOrUnknown({ confirmedOthers: fc.boolean() })))),
    refused: caseRefusal,
  },
  'app/(backoffice)/caseworker/actions.ts#rejectAction': {
    page: '/caseworker',
    jar: 'caseworker',
    calls: calls(plainCall(hostileObject({ ...caseRef(), reason: 'other', text: 'Not readable.' }, ['applicationId', 'expectedVersion', 'reason', 'text'], staleOrUnknown({ reason: fc.constant('other'), text: edgeString })))),
    refused: caseRefusal,
  },
  'app/(backoffice)/caseworker/actions.ts#requestInfoAction': {
    page: '/caseworker',
    jar: 'caseworker',
    calls: calls(plainCall(hostileObject({ ...caseRef(), question: true, message: 'Please send a sharper photo.' }, ['applicationId', 'expectedVersion', 'message'], staleOrUnknown({ question: fc.constant(true), message: edgeString })))),
    refused: caseRefusal,
  },
  'app/(backoffice)/caseworker/actions.ts#addNoteAction': {
    page: '/caseworker',
    jar: 'caseworker',
    calls: calls(plainCall(hostileObject({ applicationId: application.id, body: 'Checked the photo.' }, ['applicationId', 'body'], [fc.record({ applicationId: fc.uuid({ version: 4 }), body: edgeString })]))),
    refused: caseRefusal,
  },
  'app/(backoffice)/caseworker/actions.ts#reassignCaseAction': {
    page: '/caseworker',
    jar: 'supervisor',
    calls: calls(plainCall(hostileObject({ ...caseRef(), assignee: '' }, ['applicationId', 'expectedVersion', 'assignee'], staleOrUnknown({ assignee: fc.oneof(fc.constant(''), edgeString) })))),
    refused: caseRefusal,
  },
  'app/(backoffice)/admin/staff/actions.ts#createStaffAction': {
    page: '/admin/staff/new',
    jar: 'admin',
    calls: calls(formCall(fc.tuple(wrongType), hostileFields(['name', 'email', 'role'], ['name', 'email', 'role'], validStaffFields))),
    refused: formRefusal,
  },
  'app/(backoffice)/admin/staff/actions.ts#changeRoleAction': {
    page: '/admin/staff',
    jar: 'admin',
    // An id that is no account's (or no id at all), or a role that is none for a real account.
    calls: calls(
      fc.oneof(
        formCall(fc.tuple(fc.oneof(uuidOrHostile, realStaff()), wrongType), hostileFields(['role'], ['role'], { role: validStaffFields.role })),
        formCall(fc.tuple(uuidOrHostile, wrongType), fc.constantFrom<[string, string][]>([['role', 'caseworker']], [['role', 'admin']])),
      ),
    ),
    refused: formRefusal,
  },
  'app/(backoffice)/admin/staff/actions.ts#setActiveAction': {
    page: '/admin/staff',
    jar: 'admin',
    // No account, or a real one with something that is not true or false.
    calls: calls(fc.oneof(fc.tuple(uuidOrHostile, wrongType, wrongType), fc.tuple(realStaff(), wrongType.filter((v) => typeof v !== 'boolean'), wrongType)).map((args): Call => ({ args }))),
    refused: formRefusal,
  },
  'app/(backoffice)/admin/staff/actions.ts#resendInviteAction': { page: '/admin/staff', jar: 'admin', calls: calls(fc.tuple(uuidOrHostile, wrongType).map((args): Call => ({ args }))), refused: formRefusal },
  'app/(public)/set-password/actions.ts#setPasswordAction': {
    page: '/set-password',
    jar: 'anonymous',
    // A token no link has (the password fields well-formed or not).
    calls: calls(formCall(fc.tuple(wrongType), hostileFields(['token', 'password', 'confirm'], ['token', 'password', 'confirm'], { token: fc.constant('').map(() => randomToken()), password: fc.constant('a long enough password'), confirm: fc.constant('a long enough password') }))),
    refused: formRefusal,
  },
  'lib/auth/actions.ts#signInWithPassword': {
    page: '/signin',
    jar: 'anonymous',
    calls: calls(formCall(fc.tuple(fc.oneof(wrongType, fc.record({ attempt: wrongType }))), hostileFields(['email', 'password', 'callbackUrl'], ['email', 'password'], { email: strangerEmail, callbackUrl: edgeString }))),
    refused: signInRefusal,
  },
  'lib/auth/actions.ts#signInWithSso': { page: '/signin', jar: 'anonymous', calls: calls(formCall(fc.constant([]), fc.dictionary(fc.constantFrom('callbackUrl', 'x'), edgeString).map((d) => Object.entries(d)))), refused: toSignIn },
  'lib/auth/actions.ts#signOutStaff': { page: '/signin', jar: 'anonymous', calls: calls(fc.array(wrongType, { maxLength: 2 }).map((args): Call => ({ args }))), refused: toSignIn },
  'lib/i18n/actions.ts#setLocale': {
    page: '/',
    jar: 'anonymous',
    calls: calls(formCall(fc.constant([]), fc.dictionary(fc.constantFrom('locale', 'x'), edgeString.filter((v) => v !== 'en' && v !== 'da')).map((d) => Object.entries(d)))),
    refused: noLocaleCookie,
  },
});

/** Sends RUNS generated calls, a few at a time, and checks every answer; then the database. */
async function fuzz(actionId: string, rule: Rule) {
  await settleJobs();
  const before = await snapshot(sql);
  const generated = fc.sample(rule.calls, { numRuns: RUNS });
  const failures: string[] = [];
  const seen = { refusedByProxy: 0, refusedByAction: 0 };
  let next = 0;
  const worker = async () => {
    while (next < generated.length) {
      const call = generated[next++]!;
      const answer = await callAction(rule.page, actionId, call, jars[rule.jar]);
      const undecodableBody = 'raw' in call;
      // A body Next could not decode must be refused by the proxy; any other call by the action, or by the proxy
      // when the browser's encoding of a hostile form is one Next's parser would choke on.
      const why = answer.status >= 500 ? `${answer.status} ${answer.body.slice(0, 200)}` : undecodableBody || answer.status !== 200 ? proxyRefusal(answer) : rule.refused(answer);
      if (why) failures.push(`${why} ← ${JSON.stringify('raw' in call ? call.raw.slice(0, 100) : call).slice(0, 200)}`);
      else seen[answer.status === 200 ? 'refusedByAction' : 'refusedByProxy']++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(generated).toHaveLength(RUNS);
  expect(failures.slice(0, 5)).toEqual([]);
  expect(seen.refusedByProxy + seen.refusedByAction).toBe(RUNS);
  await settleJobs();
  expect(await snapshot(sql)).toEqual(before);
}

const built = builtActions();

describe(`hostile calls (${RUNS} per server action) get a structured refusal and change nothing`, () => {
  it('knows every server action of the build', () => {
    expect(built.map((a) => a.name).filter((n) => !(n in rules())).sort()).toEqual([]);
    expect(Object.keys(rules()).filter((n) => !built.some((a) => a.name === n))).toEqual([]);
  });

  for (const name of Object.keys(rules())) {
    it(name.split('#')[1]!, async () => {
      await fuzz(built.find((a) => a.name === name)!.id, rules()[name]!);
    }, TIMEOUT);
  }
});
