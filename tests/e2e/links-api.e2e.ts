// The links API over real HTTP against the running app: the identifier with slashes arriving URL-encoded as one
// segment and as the remaining path, API-key auth, and revocation by a relying party and by a signed-in admin.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { baseURL, desktop, launch, newPage } from './support/browser';

const KEY = 'demo-tax-portal-key';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A whole automatic match over HTTP, as a browser without JavaScript-driven pages would do it. */
async function linkOverHttp(personId: string): Promise<string> {
  const base = baseURL();
  const person = findDemoPerson(personId)!;
  const start = await fetch(`${base}/api/v1/journey/start`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ country: person.eid.country }).toString(),
  });
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const login = new URL(start.headers.get('location')!);
  const simulator = await fetch(`${base}/dev/eid/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body: new URLSearchParams({ state: login.searchParams.get('state')!, nonce: login.searchParams.get('nonce')!, action: 'person', person: personId }).toString(),
  });
  const callback = await fetch(simulator.headers.get('location')!, { redirect: 'manual', headers: { cookie } });
  expect(new URL(callback.headers.get('location')!).pathname).toBe('/connect');
  const match = await fetch(`${base}/api/v1/journey/match`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: base },
    body: JSON.stringify({ cpr: person.register!.cpr, email: `${personId}@example.com` }),
  });
  expect(await match.json()).toMatchObject({ result: 'linked' });
  return person.eid.personIdentifier;
}

const lookup = (path: string, key: string | null = KEY) => fetch(`${baseURL()}/api/v1/links/${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

describe('the links API over HTTP', () => {
  it('finds a link by an identifier sent URL-encoded as one segment and as the remaining path', async () => {
    const pid = await linkOverHttp('p20');
    const encoded = await lookup(encodeURIComponent(pid));
    const asPath = await lookup(pid);
    expect(encoded.status).toBe(200);
    expect(asPath.status).toBe(200);
    const body = await encoded.json();
    expect(body).toEqual({ linked: true, method: 'auto', linkedAt: expect.any(String), cpr: findDemoPerson('p20')!.register!.cpr });
    expect(await asPath.json()).toEqual(body);
  });

  it('answers 401 without a valid key and 404 for an identifier that is not linked', async () => {
    const unauthenticated = await lookup(encodeURIComponent('DE/DK/1'), null);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toContain('Bearer');
    expect((await lookup('DE/DK/1', 'not-the-key-at-all')).status).toBe(401);
    const missing = await lookup(encodeURIComponent('DE/DK/0000000001'));
    expect(missing.status).toBe(404);
    expect((await missing.json()).linked).toBe(false);
  });

  it('lets a signed-in admin revoke a link, and refuses a caseworker', async () => {
    const pid = await linkOverHttp('p06');
    const signIn = async (email: string) => {
      const { context, page } = await newPage(browser, desktop);
      await page.goto('/signin?callbackUrl=%2Fno-access');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill('demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/no-access');
      return { context, page };
    };
    const caseworker = await signIn('caseworker@demo.example');
    expect((await caseworker.page.request.delete(`/api/v1/links/${encodeURIComponent(pid)}`)).status()).toBe(403);
    await caseworker.context.close();

    const admin = await signIn('admin@demo.example');
    const revoked = await admin.page.request.delete(`/api/v1/links/${pid}`);
    expect(revoked.status()).toBe(200);
    expect(await revoked.json()).toMatchObject({ revoked: true, personIdentifier: pid });
    expect((await admin.page.request.delete(`/api/v1/links/${pid}`, { headers: { origin: 'https://evil.example' } })).status()).toBe(403);
    await admin.context.close();
    expect((await lookup(encodeURIComponent(pid))).status).toBe(404);
  });

  it('lets the relying party revoke with its key, after which the person can link again', async () => {
    const pid = await linkOverHttp('p21');
    const revoked = await fetch(`${baseURL()}/api/v1/links/${encodeURIComponent(pid)}`, { method: 'DELETE', headers: { authorization: `Bearer ${KEY}` } });
    expect(revoked.status).toBe(200);
    expect((await lookup(pid)).status).toBe(404);
    await linkOverHttp('p21');
    expect((await lookup(pid)).status).toBe(200);
  });
});
