// Staff accounts and real sign-ins for integration tests: a session cookie obtained through next-auth's own
// credentials endpoint, exactly as a browser gets it.
import { NextRequest } from 'next/server';
import { users } from '@/db/schema';
import type { StaffRole } from '@/lib/vocabulary';
import { handlers } from '@/lib/auth';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http';

export const TEST_PASSWORD = 'correct horse battery';
const ORIGIN = 'http://localhost:3000';

export async function createStaff(email: string, role: StaffRole | null, name = email.split('@')[0]!) {
  const [u] = await getDb()
    .insert(users)
    .values({ email, name, role, passwordHash: await hashPassword(TEST_PASSWORD) })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  return u!;
}

function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    out[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return out;
}

export const cookieHeader = (jar: Record<string, string>) => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');

/** Posts the credentials form; returns the response and the cookies it set. */
export async function postCredentials(email: string, password: string, ip = '203.0.113.10') {
  const csrfRes = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`, { headers: { [CLIENT_ADDRESS_HEADER]: ip } }));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), [CLIENT_ADDRESS_HEADER]: ip },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${ORIGIN}/caseworker` }),
    }),
  );
  return { res, cookies: { ...jar, ...cookiesOf(res) }, location: res.headers.get('location') ?? '' };
}

/** A real signed-in session cookie header for the account. */
export async function signInCookie(email: string, password = TEST_PASSWORD): Promise<string> {
  const { cookies, location } = await postCredentials(email, password);
  if (!cookies['authjs.session-token']) throw new Error(`sign-in failed: ${location}`);
  return `authjs.session-token=${cookies['authjs.session-token']}`;
}
