import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import * as s from '@/db/schema';
import { getDb } from '@/lib/db';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { APP, cprOf, location, loginWithEid, RETURN_URL, seedRegister, seedRelyingParty, startJourney, submit } from './support/journey';

const db = () => getDb();

beforeAll(async () => {
  await seedRegister(db());
  await seedRelyingParty(db());
});

describe('bad input to the CPR + email endpoint', () => {
  it('answers 401 without a journey, with a forged cookie, and before the eID login', async () => {
    expect((await submit('', { cpr: '0101901234', email: 'a@example.com' })).status).toBe(401);
    expect((await submit('im_journey=00000000-0000-0000-0000-000000000000.abc', { cpr: '0101901234', email: 'a@example.com' })).status).toBe(401);
    const { cookie } = await startJourney();
    const res = await submit(cookie, { cpr: '0101901234', email: 'a@example.com' });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('Your session has ended. Please start again.');
  });

  it('answers 400 with translated field errors for an impossible date, a bad email and wrong types, and changes nothing', async () => {
    const { cookie } = await loginWithEid('p08');
    const before = await db().$count(s.matchAttempts);
    let res = await submit(cookie, { cpr: '310290-1234', email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({
      cpr: ['The first 6 digits of a CPR number are a date of birth (DDMMYY). This one is not a real date.'],
      email: ['Enter a valid email address, for example name@example.com.'],
    });
    res = await submit(cookie, { cpr: '12345', email: 'a@example.com' }, { headers: { 'accept-language': 'da' } });
    expect((await res.json()).error.fields.cpr).toEqual(['Skriv dit CPR-nummer med 10 cifre: din fødselsdato (DDMMÅÅ) og 4 cifre mere.']);
    res = await submit(cookie, { cpr: 101901234, email: ['a'] });
    expect(res.status).toBe(400);
    expect(Object.keys((await res.json()).error.fields).sort()).toEqual(['cpr', 'email']);
    res = await submit(cookie, { cpr: '0101901234', email: 'a@example.com', extra: 1 });
    expect(res.status).toBe(400);
    expect(await db().$count(s.matchAttempts)).toBe(before);
  });

  it('answers 400 to malformed JSON and 413 to an oversized body', async () => {
    const { cookie } = await loginWithEid('p09');
    const malformed = await submit(cookie, null, { raw: '{"cpr": "0101' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toBe('The request could not be read.');
    const big = await submit(cookie, null, { raw: JSON.stringify({ cpr: '0101901234', email: `${'a'.repeat(10_000)}@example.com` }) });
    expect(big.status).toBe(413);
  });

  it('refuses a submission from another site', async () => {
    const { cookie } = await loginWithEid('p10');
    const res = await submit(cookie, { cpr: cprOf('p10'), email: 'a@example.com' }, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(await db().$count(s.identityLinks, eq(s.identityLinks.personIdentifier, findDemoPerson('p10')!.eid.personIdentifier))).toBe(0);
  });
});

describe('the CPR + email form without JavaScript', () => {
  const post = async (cookie: string, fields: Record<string, string>) => {
    const { POST } = await import('@/app/api/v1/journey/match/route');
    return POST(new NextRequest(`${APP}/api/v1/journey/match`, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie } }), undefined);
  };

  it('links with a plain form post and redirects to the service', async () => {
    const { cookie } = await loginWithEid('p17');
    const res = await post(cookie, { cpr: cprOf('p17'), email: 'anna.k@example.com' });
    expect(res.status).toBe(303);
    expect(location(res)).toBe(RETURN_URL);
  });

  it('sends field errors back as message keys, never with what was typed', async () => {
    const { cookie } = await loginWithEid('p18');
    const res = await post(cookie, { cpr: '310290-1234', email: 'nope' });
    expect(location(res)).toBe(`${APP}/connect?cpr=cprDate&email=email`);
    const notMatched = await post(cookie, { cpr: '0101011234', email: 'a@example.com' });
    expect(location(notMatched)).toBe(`${APP}/connect/mitid`);
    expect(location(await post('', { cpr: '0101011234', email: 'a@example.com' }))).toBe(`${APP}/start?error=session`);
  });
});
