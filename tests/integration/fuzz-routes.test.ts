// Every JSON (and form) route handler, driven in-process with generated hostile input: malformed JSON, bodies over the
// cap with and without a Content-Length, wrong content types, wrong types, missing fields, NUL, RTL marks, emoji,
// lone surrogates and 10,000-character strings. Each request carries the credential its route needs, so the input
// reaches validation. Every answer must be a structured 4xx (JSON { error: { code, message } }; a 303 to our own
// error page for the no-JavaScript form posts), and the database must be exactly as it was after all of them.
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as eidAuthorize } from '@/app/(public)/dev/eid/authorize/route';
import { POST as mitidAuthorize } from '@/app/(public)/dev/mitid/authorize/route';
import { PUT as saveDraft } from '@/app/api/v1/applications/draft/route';
import { POST as submitApplication } from '@/app/api/v1/applications/route';
import { POST as answer } from '@/app/api/v1/applications/status/answer/route';
import { POST as openSession } from '@/app/api/v1/applications/status/session/route';
import { POST as answerUpload } from '@/app/api/v1/applications/status/uploads/route';
import { POST as withdraw } from '@/app/api/v1/applications/status/withdraw/route';
import { POST as match } from '@/app/api/v1/journey/match/route';
import { POST as start } from '@/app/api/v1/journey/start/route';
import { DELETE as revokeLink } from '@/app/api/v1/links/[...identifier]/route';
import { POST as upload } from '@/app/api/v1/uploads/route';
import { getDb } from '@/lib/db';
import { hostileString, hostileStrings, wrongTypeOf } from '../support/hostile';
import { applicantJourney, BASE } from './support/applicant';
import { awaitingApplicant } from './support/cases';
import { RP_KEY, seedRegister, seedRelyingParty } from './support/journey';

const RUNS = 2000;
const CONCURRENCY = 6;
const TIMEOUT = 240_000;
const ctx = undefined as never;

// --- hostile values ---------------------------------------------------------------------------------------------

// The shared hostile strings, and the Log4Shell probe.
const edgeStrings = [...hostileStrings, '${jndi:ldap://x}'];
const edgeString = hostileString(edgeStrings);
const wrongType = wrongTypeOf(edgeString);

type Body = { text: string; type: string; chunked: boolean };

/**
 * A body that breaks the route's contract for certain (so a correct route must refuse it), with noise everywhere else:
 * one required key deleted or given a value its schema cannot accept, other keys set to hostile values.
 */
function hostileBody(base: Record<string, unknown>, required: string[], cap: number): fc.Arbitrary<Body> {
  const json = (v: unknown, chunked = false): Body => ({ text: JSON.stringify(v), type: 'application/json', chunked });
  const corrupted = fc
    .record({
      key: fc.constantFrom(...required),
      how: fc.constantFrom('delete', 'wrong'),
      wrong: wrongType,
      noise: fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(base)), edgeString), wrongType, { maxKeys: 4 }),
      chunked: fc.boolean(),
    })
    .map(({ key, how, wrong, noise, chunked }) => {
      const value: Record<string, unknown> = { ...base, ...noise };
      if (how === 'delete') delete value[key];
      // A string where the schema wants one would be valid input: required keys get a value of another kind.
      else value[key] = typeof base[key] === 'string' && typeof wrong === 'string' ? [wrong] : typeof base[key] === 'number' && typeof wrong === 'number' ? String(wrong) : wrong;
      return json(value, chunked);
    });
  const malformed = fc
    .oneof(fc.constantFrom('{', '{"a":', '[1,2', 'nul', '{"x": NaN}', '\u0000', "{'a':1}", '{"a":1}}'), fc.string({ unit: 'binary', maxLength: 60 }))
    .filter((t) => {
      try {
        JSON.parse(t);
        return false;
      } catch {
        return true;
      }
    })
    .map((text): Body => ({ text, type: 'application/json', chunked: false }));
  const notAnObject = fc.oneof(fc.integer(), fc.constant(null), fc.array(edgeString, { maxLength: 3 }), edgeString).map((v) => json(v));
  const oversized = fc
    .record({ chunked: fc.boolean(), fill: fc.constantFrom('a', 'Ü', '🙂', '\u0000') })
    .map(({ chunked, fill }) => json({ ...base, pad: fill.repeat(Math.ceil((cap + 1) / Buffer.byteLength(fill))) }, chunked));
  const wrongMediaType = fc
    .record({ type: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', ''), chunked: fc.boolean() })
    .map(({ type, chunked }): Body => ({ text: JSON.stringify(base), type, chunked }));
  return fc.oneof({ arbitrary: corrupted, weight: 5 }, { arbitrary: malformed, weight: 2 }, { arbitrary: notAnObject, weight: 1 }, { arbitrary: oversized, weight: 1 }, { arbitrary: wrongMediaType, weight: 1 });
}

/** A urlencoded form post: wrong or missing fields, hostile values, oversized, with or without a Content-Length. */
function hostileForm(fields: string[], cap: number): fc.Arbitrary<Body> {
  const form = fc
    .record({ values: fc.dictionary(fc.oneof(fc.constantFrom(...fields), edgeString), edgeString, { maxKeys: 5 }), chunked: fc.boolean() })
    .map(({ values, chunked }): Body => ({ text: new URLSearchParams(values).toString(), type: 'application/x-www-form-urlencoded', chunked }));
  const oversized = fc.boolean().map((chunked): Body => ({ text: `country=${'A'.repeat(cap + 1)}`, type: 'application/x-www-form-urlencoded', chunked }));
  const wrongMediaType = fc.constantFrom('text/plain', 'application/json', '').map((type): Body => ({ text: 'country=DE', type, chunked: false }));
  return fc.oneof({ arbitrary: form, weight: 6 }, { arbitrary: oversized, weight: 1 }, { arbitrary: wrongMediaType, weight: 1 });
}

/** A multipart upload that is not a usable photo: no file, a wrong kind, random bytes, or far too large. */
function hostileUpload(): fc.Arbitrary<Body> {
  const boundary = 'fuzzboundary';
  const part = (name: string, value: string, file = false) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? '; filename="photo.jpg"\r\nContent-Type: image/jpeg' : ''}\r\n\r\n${value}\r\n`;
  const multipart = fc
    .record({
      kind: fc.oneof(fc.constantFrom('passport_photo', 'id_front', 'selfie', ''), edgeString),
      file: fc.option(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('\xFF\xD8\xFF\xE0broken jpeg', 'RIFF\x00\x00\x00\x00WEBPVP8 ', '\x89PNG\r\n\x1a\n')), { nil: undefined }),
      chunked: fc.boolean(),
      truncate: fc.boolean(),
    })
    .map(({ kind, file, chunked, truncate }): Body => {
      let text = part('kind', kind) + (file === undefined ? '' : part('file', file, true)) + `--${boundary}--\r\n`;
      if (truncate) text = text.slice(0, Math.floor(text.length / 2));
      return { text, type: `multipart/form-data; boundary=${boundary}`, chunked };
    });
  const huge = part('kind', 'passport_photo') + part('file', 'x'.repeat(21 * 1024 * 1024), true);
  const oversized = fc.boolean().map((chunked): Body => ({ text: huge, type: `multipart/form-data; boundary=${boundary}`, chunked }));
  const wrongMediaType = fc.constantFrom('application/json', 'image/jpeg', '').map((type): Body => ({ text: '{}', type, chunked: false }));
  return fc.oneof({ arbitrary: multipart, weight: 8 }, { arbitrary: oversized, weight: 1 }, { arbitrary: wrongMediaType, weight: 1 });
}

// --- requests and answers ---------------------------------------------------------------------------------------

const encoded = new Map<string, Uint8Array<ArrayBuffer>>();
const encode = (text: string): Uint8Array<ArrayBuffer> => {
  if (text.length < 1_000_000) return new TextEncoder().encode(text);
  if (!encoded.has(text)) encoded.set(text, new TextEncoder().encode(text));
  return encoded.get(text)!;
};

function request(path: string, body: Body, headers: Record<string, string>, method = 'POST'): NextRequest {
  const bytes = encode(body.text);
  const h: Record<string, string> = { ...headers, ...(body.type ? { 'content-type': body.type } : {}) };
  if (!body.chunked) {
    return new NextRequest(`${BASE}${path}`, { method, headers: h, body: bytes as Uint8Array<ArrayBuffer> });
  }
  // No Content-Length: the reader only learns the size by reading, and must stop at its cap.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
      controller.close();
    },
  });
  return new NextRequest(`${BASE}${path}`, { method, headers: h, body: stream, duplex: 'half' } as ConstructorParameters<typeof NextRequest>[1]);
}

type Outcome = { ok: true } | { ok: false; why: string };

async function structuredRefusal(res: Response, form: boolean): Promise<Outcome> {
  if (form && res.status === 303) {
    const to = new URL(res.headers.get('location') ?? '', BASE);
    return to.origin === new URL(BASE).origin && /[?&]error=|^\/connect/.test(to.pathname + to.search) ? { ok: true } : { ok: false, why: `303 to ${to}` };
  }
  const text = await res.text();
  if (res.status < 400 || res.status > 499) return { ok: false, why: `${res.status} ${text.slice(0, 200)}` };
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string' && typeof body.error.message === 'string' && body.error.message.length > 0) return { ok: true };
  } catch {
    // not JSON
  }
  return { ok: false, why: `${res.status} without a structured error: ${text.slice(0, 200)}` };
}

/** Every table's content, as one hash each. Rate-limit counters are not data: refused requests are meant to count. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await getDb().execute<{ name: string }>(
    sql`select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('rate_limits') order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await getDb().execute<{ h: string | null }>(sql.raw(`select md5(string_agg(md5(t::text), '' order by md5(t::text))) as h from ${name} t`));
    out[name] = row?.h ?? 'empty';
  }
  return out;
}

/** Sends RUNS generated bodies, a few at a time (one running server sees the same), and checks every answer. */
async function fuzz(arbitrary: fc.Arbitrary<Body>, send: (body: Body) => Promise<Response>, form = false) {
  const before = await snapshot();
  const bodies = fc.sample(arbitrary, { numRuns: RUNS });
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const outcome = await structuredRefusal(await send(body), form);
      if (!outcome.ok) failures.push(`${outcome.why} ← ${body.type} ${body.chunked ? 'chunked' : ''} ${body.text.slice(0, 120)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(bodies).toHaveLength(RUNS);
  expect(failures.slice(0, 5)).toEqual([]);
  expect(await snapshot()).toEqual(before);
}

// --- the routes -------------------------------------------------------------------------------------------------

let journeyCookie: string;
let statusCookie: string;

beforeAll(async () => {
  await seedRegister(getDb());
  await seedRelyingParty(getDb());
  journeyCookie = (await applicantJourney()).cookie;
  const waiting = await awaitingApplicant([{ type: 'question' }]);
  statusCookie = `im_status=${waiting.token}`;
}, 120_000);

const json = (cookie: string) => ({ cookie, origin: BASE });
const uuid = '0b9f6a52-7d39-4bd4-9b2f-0f3c1f2d6e11';

describe(`hostile input (${RUNS} generated requests per route) gets a structured 4xx and changes nothing`, () => {
  it('POST /api/v1/journey/match (JSON)', async () => {
    await fuzz(hostileBody({ cpr: '150385-1234', email: 'erika@example.com' }, ['cpr', 'email'], 4 * 1024), (b) => match(request('/api/v1/journey/match', b, json(journeyCookie)), ctx));
  }, TIMEOUT);

  it('PUT /api/v1/applications/draft', async () => {
    await fuzz(hostileBody({ step: 2, idempotencyKey: uuid, values: { givenNames: 'Erika' } }, ['step', 'idempotencyKey'], 32 * 1024), (b) =>
      saveDraft(request('/api/v1/applications/draft', b, json(journeyCookie), 'PUT'), ctx),
    );
  }, TIMEOUT);

  it('POST /api/v1/applications', async () => {
    await fuzz(hostileBody({ idempotencyKey: uuid, values: { givenNames: 'Erika' } }, ['idempotencyKey', 'values'], 32 * 1024), (b) =>
      submitApplication(request('/api/v1/applications', b, json(journeyCookie)), ctx),
    );
  }, TIMEOUT);

  it('POST /api/v1/applications/status/session', async () => {
    await fuzz(hostileBody({ token: 'x' }, ['token'], 1024), (b) => openSession(request('/api/v1/applications/status/session', b, { origin: BASE }), ctx));
  }, TIMEOUT);

  it('POST /api/v1/applications/status/answer', async () => {
    await fuzz(hostileBody({ expectedVersion: 3, message: 'Here is my answer.' }, ['expectedVersion'], 32 * 1024), (b) =>
      answer(request('/api/v1/applications/status/answer', b, json(statusCookie)), ctx),
    );
  }, TIMEOUT);

  it('POST /api/v1/applications/status/withdraw', async () => {
    await fuzz(hostileBody({ expectedVersion: 3 }, ['expectedVersion'], 1024), (b) => withdraw(request('/api/v1/applications/status/withdraw', b, json(statusCookie)), ctx));
  }, TIMEOUT);

  it('DELETE /api/v1/links/{identifier}', async () => {
    await fuzz(hostileBody({ reason: 'Reported by the person' }, ['reason'], 2048), (b) =>
      revokeLink(request('/api/v1/links/DE%2FDK%2F9100000000', b, { authorization: `Bearer ${RP_KEY}` }, 'DELETE'), { params: Promise.resolve({ identifier: ['DE/DK/9100000000'] }) }),
    );
  }, TIMEOUT);

  it('POST /api/v1/uploads (multipart)', async () => {
    await fuzz(hostileUpload(), (b) => upload(request('/api/v1/uploads', b, json(journeyCookie)), ctx));
  }, TIMEOUT);

  it('POST /api/v1/applications/status/uploads (multipart)', async () => {
    await fuzz(hostileUpload(), (b) => answerUpload(request('/api/v1/applications/status/uploads', b, json(statusCookie)), ctx));
  }, TIMEOUT);

  it('POST /api/v1/journey/start (form)', async () => {
    await fuzz(hostileForm(['country', 'returnTo'], 8 * 1024), (b) => start(request('/api/v1/journey/start', b, { origin: BASE })), true);
  }, TIMEOUT);

  it('POST /api/v1/journey/match (form)', async () => {
    await fuzz(hostileForm(['cpr', 'email'], 8 * 1024), (b) => match(request('/api/v1/journey/match', b, json(journeyCookie)), ctx), true);
  }, TIMEOUT);

  it('POST /dev/eid/authorize and /dev/mitid/authorize (forms)', async () => {
    await fuzz(hostileForm(['state', 'nonce', 'action', 'person', 'country'], 8 * 1024), (b) => eidAuthorize(request('/dev/eid/authorize', b, { origin: BASE }), ctx), true);
    await fuzz(hostileForm(['state', 'nonce', 'action', 'person', 'cpr'], 8 * 1024), (b) => mitidAuthorize(request('/dev/mitid/authorize', b, { origin: BASE }), ctx), true);
  }, TIMEOUT);
});
