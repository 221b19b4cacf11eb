import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { DELETE, GET } from '@/app/api/v1/links/[...identifier]/route';
import * as s from '@/db/schema';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { APP, cprOf, loginWithEid, RP_KEY, seedRegister, seedRelyingParty, submit } from './support/journey';

const db = () => getDb();
const ctx = (id: string) => ({ params: Promise.resolve({ identifier: id.split('/') }) });
const encoded = (id: string) => `${APP}/api/v1/links/${encodeURIComponent(id)}`;
const asPath = (id: string) => `${APP}/api/v1/links/${id}`;
const call = (handler: typeof GET, url: string, key: string | null, init: { body?: string; headers?: Record<string, string> } = {}) =>
  handler(new NextRequest(url, { method: handler === DELETE ? 'DELETE' : 'GET', body: init.body, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...init.headers } }), ctx(''));

async function link(person: string): Promise<string> {
  const { cookie } = await loginWithEid(person);
  expect(await (await submit(cookie, { cpr: cprOf(person), email: `${person}@example.com` })).json()).toMatchObject({ result: 'linked' });
  return findDemoPerson(person)!.eid.personIdentifier;
}

beforeAll(async () => {
  await seedRegister(db());
  await seedRelyingParty(db());
  await seedRelyingParty(db(), { name: 'Library', key: 'library-key-without-rights', canSeeCpr: false, canRevoke: false, allowedReturnUrls: [] });
  await seedRelyingParty(db(), { name: 'Retired service', key: 'retired-service-key', active: false });
  await seedRelyingParty(db(), { name: 'Small service', key: 'small-service-key', canSeeCpr: false, canRevoke: false, allowedReturnUrls: [], lookupsPerMinute: 3 });
});

describe('GET /api/v1/links/{personIdentifier}', () => {
  it('answers with the link, the CPR number only to a party allowed to see it, for the identifier encoded or as a path', async () => {
    const pid = await link('p01');
    expect(pid).toContain('/');
    for (const url of [encoded(pid), asPath(pid)]) {
      const res = await call(GET, url, RP_KEY);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ linked: true, method: 'auto', linkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), cpr: cprOf('p01') });
    }
    const withoutRight = await call(GET, encoded(pid), 'library-key-without-rights');
    expect(await withoutRight.json()).toEqual({ linked: true, method: 'auto', linkedAt: expect.any(String) });
  });

  it('answers 404 for an identifier that is not linked', async () => {
    const res = await call(GET, encoded('SE/DK/0000000000'), RP_KEY);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ linked: false, error: { code: 'NOT_FOUND', message: 'This eID identifier is not connected to a CPR number.' } });
  });

  it('answers 401 with a Bearer challenge without a key, with a wrong key and with the key of an inactive party', async () => {
    for (const key of [null, 'wrong-key-wrong-key', 'retired-service-key']) {
      const res = await call(GET, encoded('DE/DK/1'), key);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect((await res.json()).error).toEqual({ code: 'UNAUTHENTICATED', message: 'The API key is missing or not valid. Send it in the header Authorization: Bearer followed by the key.' });
    }
    const basic = await call(GET, encoded('DE/DK/1'), null, { headers: { authorization: `Basic ${Buffer.from(`x:${RP_KEY}`).toString('base64')}` } });
    expect(basic.status).toBe(401);
  });

  it('answers 400 to an identifier that is not one', async () => {
    expect((await call(GET, `${APP}/api/v1/links/%E0%A4%A`, RP_KEY)).status).toBe(400);
    expect((await call(GET, `${APP}/api/v1/links/a%0Ab`, RP_KEY)).status).toBe(400);
  });

  it('records every look-up, found or not', async () => {
    const before = await db().$count(s.applicationEvents, eq(s.applicationEvents.type, 'link_looked_up'));
    await call(GET, encoded('SE/DK/0000000001'), RP_KEY);
    await call(GET, asPath('SE/DK/0000000002'), 'library-key-without-rights');
    const events = await db().select().from(s.applicationEvents).where(eq(s.applicationEvents.type, 'link_looked_up'));
    expect(events.length).toBe(before + 2);
    expect(events.at(-1)).toMatchObject({ actorType: 'relying_party', data: { personIdentifier: 'SE/DK/0000000002', found: false, cprShown: false } });
  });
});

describe('the look-up limit of a relying party', () => {
  it('answers 429 with Retry-After past the party’s own limit, records only the look-ups it answered, and leaves other parties alone', async () => {
    const recorded = () => db().$count(s.applicationEvents, eq(s.applicationEvents.type, 'link_looked_up'));
    const before = await recorded();
    for (let i = 0; i < 3; i++) expect((await call(GET, encoded(`SE/DK/100000000${i}`), 'small-service-key')).status).toBe(404);
    const limited = await call(GET, encoded('SE/DK/1000000009'), 'small-service-key');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    expect(await recorded()).toBe(before + 3);
    expect((await call(GET, encoded('SE/DK/1000000009'), RP_KEY)).status).toBe(404);
  });

  it('holds the limit under parallel look-ups, give or take the look-ups in flight at the same moment', async () => {
    await seedRelyingParty(db(), { name: 'Busy service', key: 'busy-service-key', canSeeCpr: false, canRevoke: false, allowedReturnUrls: [], lookupsPerMinute: 40 });
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => call(GET, encoded(`SE/DK/20000000${String(i).padStart(2, '0')}`), 'busy-service-key').then((r) => r.status)));
    const answered = statuses.filter((st) => st === 404).length;
    // Each look-up sees the counts committed before it started: at most one per other connection of the pool is missed.
    expect(answered).toBeGreaterThanOrEqual(40);
    expect(answered).toBeLessThanOrEqual(40 + env().DATABASE_POOL_MAX - 1);
    expect(statuses.filter((st) => st === 429)).toHaveLength(60 - answered);
    expect((await call(GET, encoded('SE/DK/2000000099'), 'busy-service-key')).status).toBe(429);
  });
});

describe('DELETE /api/v1/links/{personIdentifier}', () => {
  it('revokes the link for a party with the right, records it, and a later journey can link again', async () => {
    const pid = await link('p02');
    const res = await call(DELETE, asPath(pid), RP_KEY, { body: JSON.stringify({ reason: 'Reported by the person' }), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ revoked: true, personIdentifier: pid, revokedAt: expect.any(String) });
    expect((await call(GET, encoded(pid), RP_KEY)).status).toBe(404);
    const [event] = await db().select().from(s.applicationEvents).where(eq(s.applicationEvents.type, 'link_revoked'));
    expect(event).toMatchObject({ actorType: 'relying_party', data: { personIdentifier: pid, reason: 'Reported by the person' } });

    await link('p02');
    expect(await (await call(GET, encoded(pid), RP_KEY)).json()).toMatchObject({ linked: true, method: 'auto' });
    const rows = await db().select().from(s.identityLinks).where(eq(s.identityLinks.personIdentifier, pid));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
  });

  it('revokes with the identifier URL-encoded and without a body', async () => {
    const pid = await link('p03');
    expect((await call(DELETE, encoded(pid), RP_KEY)).status).toBe(200);
    expect((await call(DELETE, encoded(pid), RP_KEY)).status).toBe(404);
  });

  it('refuses a party without the right to revoke, and one without a key', async () => {
    const pid = await link('p04');
    expect((await call(DELETE, encoded(pid), 'library-key-without-rights')).status).toBe(403);
    expect((await call(DELETE, encoded(pid), null)).status).toBe(401);
    expect((await call(GET, encoded(pid), RP_KEY)).status).toBe(200);
  });

  it('answers 400 to a malformed reason and leaves the link alone', async () => {
    const pid = await link('p05');
    const res = await call(DELETE, encoded(pid), RP_KEY, { body: '{"reason": 5}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect((await call(GET, encoded(pid), RP_KEY)).status).toBe(200);
  });
});
