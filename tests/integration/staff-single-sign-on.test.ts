// Single sign-on against a real OpenID provider (oidc-provider) on loopback, through next-auth's own endpoints.
import type { Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/lib/db/embedded';

const issuerPort = await freePort();
const issuer = `http://localhost:${issuerPort}`;
const app = 'http://localhost:3000';
process.env.AUTH_OIDC_ISSUER = issuer;
process.env.AUTH_OIDC_CLIENT_ID = 'identity-matching-staff';
process.env.AUTH_OIDC_CLIENT_SECRET = 'a-client-secret-that-is-long-enough-for-hs256';

const { users } = await import('@/db/schema');
const { handlers, requireStaff } = await import('@/lib/auth');
const { getDb } = await import('@/lib/db');
const { AppError } = await import('@/lib/errors');

let server: Server;

beforeAll(async () => {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'identity-matching-staff',
        client_secret: 'a-client-secret-that-is-long-enough-for-hs256',
        redirect_uris: [`${app}/api/auth/callback/sso`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // The login typed at the provider is the account: its email and name come back as claims.
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, email: sub, email_verified: true, name: `Agency ${sub.split('@')[0]}` }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key'] },
  });
  server = provider.listen(issuerPort);
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

type Jar = Record<string, string>;
const header = (jar: Jar) => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');
function absorb(jar: Jar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    const value = pair!.slice(i + 1);
    if (value) jar[pair!.slice(0, i)] = value;
    else delete jar[pair!.slice(0, i)];
  }
}

/** Signs in through the provider with `login`, as a browser would; returns the app's cookies afterwards. */
async function signInWithSso(login: string): Promise<{ appJar: Jar; location: string }> {
  const appJar: Jar = {};
  const csrf = await handlers.GET(new NextRequest(`${app}/api/auth/csrf`));
  absorb(appJar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await handlers.POST(
    new NextRequest(`${app}/api/auth/signin/sso`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(appJar) },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${app}/caseworker` }),
    }),
  );
  absorb(appJar, start);
  let next = start.headers.get('location')!;
  expect(next.startsWith(`${issuer}/auth`)).toBe(true);

  // At the provider: follow redirects, fill in the login form, then the consent form, until it sends us back.
  const providerJar: Jar = {};
  for (let step = 0; step < 20 && !next.startsWith(app); step++) {
    let res = await fetch(next, { redirect: 'manual', headers: { cookie: header(providerJar) } });
    absorb(providerJar, res);
    if (res.status === 200) {
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
      const prompt = /name="prompt" value="(\w+)"/.exec(html)![1]!;
      const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt });
      res = await fetch(new URL(action, issuer), { method: 'POST', redirect: 'manual', headers: { cookie: header(providerJar), 'content-type': 'application/x-www-form-urlencoded' }, body });
      absorb(providerJar, res);
    }
    next = new URL(res.headers.get('location')!, issuer).toString();
  }
  const callback = await handlers.GET(new NextRequest(next, { headers: { cookie: header(appJar) } }));
  absorb(appJar, callback);
  return { appJar, location: callback.headers.get('location') ?? '' };
}

const documentRequest = (jar: Jar) => new NextRequest(`${app}/api/v1/documents/x`, { headers: { cookie: header(jar) } });

describe('single sign-on for staff', () => {
  it('creates an unknown staff member without a role, who gets no access until an admin grants one', async () => {
    const { appJar, location } = await signInWithSso('new.person@agency.example');
    expect(location).toBe(`${app}/caseworker`);
    expect(appJar['authjs.session-token']).toBeTruthy();

    const [user] = await getDb().select().from(users).where(eq(users.email, 'new.person@agency.example'));
    expect(user).toMatchObject({ role: null, active: true, name: 'Agency new.person', passwordHash: null });
    const refused = await requireStaff('caseworker', documentRequest(appJar)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as InstanceType<typeof AppError>).code).toBe('FORBIDDEN');

    // An admin grants the caseworker role: the same session now works.
    await getDb().update(users).set({ role: 'caseworker' }).where(eq(users.id, user!.id));
    expect(await requireStaff('caseworker', documentRequest(appJar))).toMatchObject({ id: user!.id, role: 'caseworker' });
  });

  it('signs a known staff member in to the existing account, never a second one', async () => {
    await getDb().insert(users).values({ email: 'known@agency.example', name: 'Known Person', role: 'supervisor' });
    const { appJar } = await signInWithSso('known@agency.example');
    expect(await requireStaff('supervisor', documentRequest(appJar))).toMatchObject({ email: 'known@agency.example', role: 'supervisor' });
    expect(await getDb().select().from(users).where(eq(users.email, 'known@agency.example'))).toHaveLength(1);
  });

  it('refuses a deactivated staff member', async () => {
    await getDb().insert(users).values({ email: 'gone@agency.example', name: 'Gone', role: 'caseworker', active: false });
    const { appJar, location } = await signInWithSso('gone@agency.example');
    expect(appJar['authjs.session-token']).toBeUndefined();
    expect(location).toContain('/signin?error=AccessDenied');
  });
});
