// The running app's headers on every kind of response a browser or client gets: public and journey pages, the
// simulators, staff pages, the sign-in redirect, JSON routes, a 404. Each page's scripts carry that response's nonce.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL } from './support/browser';
import { cookieHeader, signIn, type Jar } from './support/http';

let caseworker: Jar;
beforeAll(async () => {
  caseworker = await signIn('caseworker@demo.example', 'demo-password');
});
afterAll(() => {});

const pages = ['/', '/start', '/connect', '/apply', '/status', '/accessibility', '/privacy', '/signin', '/set-password?token=x', '/dev/eid?state=s&nonce=n&country=DE', '/dev/mailbox', '/no-such-page'];
const staffPages = ['/caseworker', '/no-access'];
const other = ['/caseworker' /* redirect to sign-in */, '/api/health', '/api/v1/links/DE%2FDK%2F1', '/api/auth/csrf'];

async function get(url: string, jar: Jar = {}) {
  const res = await fetch(`${baseURL()}${url}`, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
  return { res, body: await res.text() };
}

function expectPolicy(headers: Headers, url: string): string {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "img-src 'self' blob: data:"]) expect(csp, url).toContain(d);
  expect(headers.get('referrer-policy'), url).toBe('same-origin');
  expect(headers.get('x-frame-options'), url).toBe('DENY');
  expect(headers.get('x-content-type-options'), url).toBe('nosniff');
  expect(headers.get('permissions-policy'), url).toBe('camera=(self), geolocation=(), microphone=()');
  // Demo mode is served over plain HTTP on localhost: HSTS is for production only.
  expect(headers.get('strict-transport-security'), url).toBeNull();
  return /'nonce-([^']+)'/.exec(csp)![1]!;
}

describe('security headers', () => {
  for (const url of [...pages, ...staffPages]) {
    it(`on ${url}: a fresh nonce on every script`, async () => {
      const { res, body } = await get(url, staffPages.includes(url) ? caseworker : {});
      expect(res.status, url).toBeLessThan(500);
      const nonce = expectPolicy(res.headers, url);
      const scripts = body.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, url).toBeGreaterThan(0);
      expect(scripts.filter((s) => !s.includes(`nonce="${nonce}"`)), url).toEqual([]);
      const again = await get(url, staffPages.includes(url) ? caseworker : {});
      expect(expectPolicy(again.res.headers, url)).not.toBe(nonce);
    });
  }

  for (const url of other) {
    it(`on ${url}`, async () => {
      const { res } = await get(url);
      expectPolicy(res.headers, url);
    });
  }
});
