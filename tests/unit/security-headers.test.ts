import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const appMode = process.env.APP_MODE;
afterEach(() => {
  process.env.APP_MODE = appMode;
});

const directives = (csp: string): Record<string, string[]> => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('the headers the proxy sets on every response', () => {
  it('gives each request its own nonce and a policy without inline scripts, plugins, <base> or framing', async () => {
    const a = await proxy(new NextRequest('http://localhost/start'));
    const b = await proxy(new NextRequest('http://localhost/start'));
    const csp = directives(a.headers.get('content-security-policy')!);
    expect(csp['script-src']).toContain('\'strict-dynamic\'');
    expect(csp['script-src']!.some((v) => /^'nonce-[A-Za-z0-9+/=]{20,}'$/.test(v))).toBe(true);
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['img-src']).toEqual(["'self'", 'blob:', 'data:']);
    expect(b.headers.get('content-security-policy')).not.toBe(a.headers.get('content-security-policy'));
  });

  it('sets HSTS in production only', async () => {
    process.env.APP_MODE = 'production';
    expect((await proxy(new NextRequest('https://identity-matching.example/'))).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    process.env.APP_MODE = 'demo';
    expect((await proxy(new NextRequest('http://localhost/'))).headers.get('strict-transport-security')).toBeNull();
  });

  it('still sends a back-office visitor without a session cookie to sign-in, with the policy', async () => {
    const res = await proxy(new NextRequest('http://localhost/caseworker/cases/1'));
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get('location')!).pathname).toBe('/signin');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
