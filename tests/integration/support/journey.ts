// Drives the automatic-match journey through its real route handlers, as a browser would: form posts, redirects,
// and the journey cookie carried from one request to the next.
import { NextRequest } from 'next/server';
import { POST as eidAuthorize } from '@/app/(public)/dev/eid/authorize/route';
import { POST as mitidAuthorize } from '@/app/(public)/dev/mitid/authorize/route';
import { GET as eidCallback } from '@/app/api/v1/journey/eid/callback/route';
import { POST as matchRoute } from '@/app/api/v1/journey/match/route';
import { GET as mitidCallback } from '@/app/api/v1/journey/mitid/callback/route';
import { POST as mitidStart } from '@/app/api/v1/journey/mitid/start/route';
import { POST as startRoute } from '@/app/api/v1/journey/start/route';
import * as s from '@/db/schema';
import type { Db } from '@/lib/db';
import { JOURNEY_COOKIE } from '@/lib/journey';
import { demoRegisterRows } from '@/lib/register';
import { findDemoPerson } from '@/lib/register/demo-persons';
import { sha256 } from '@/lib/security/crypto';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http';

export const APP = 'http://localhost:3000';
export const RETURN_URL = `${APP}/dev/return`;
export const RP_KEY = 'test-tax-portal-key';

type Fields = Record<string, string>;

export function form(url: string, fields: Fields, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(url, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

export function location(res: Response): string {
  return res.headers.get('location') ?? '';
}

export async function seedRegister(db: Db): Promise<void> {
  await db.insert(s.cprRegister).values(demoRegisterRows());
}

export async function seedRelyingParty(db: Db, values: Partial<typeof s.relyingParties.$inferInsert> & { key?: string } = {}) {
  const { key = RP_KEY, ...rest } = values;
  const [row] = await db
    .insert(s.relyingParties)
    .values({ name: 'Demo Tax Portal', apiKeyHash: sha256(key), allowedReturnUrls: [RETURN_URL], canSeeCpr: true, canRevoke: true, ...rest })
    .returning();
  return row!;
}

export function cprOf(personId: string): string {
  const cpr = findDemoPerson(personId)?.register?.cpr;
  if (!cpr) throw new Error(`${personId} is not in the register`);
  return cpr;
}

/** POST /start: the journey cookie and the broker's login URL. */
export async function startJourney(options: { country?: string; returnTo?: string; ip?: string } = {}) {
  const fields: Fields = { country: options.country ?? 'DE' };
  if (options.returnTo) fields.returnTo = options.returnTo;
  const res = await startRoute(form(`${APP}/api/v1/journey/start`, fields, options.ip ? { [CLIENT_ADDRESS_HEADER]: options.ip } : {}));
  const value = res.cookies.get(JOURNEY_COOKIE)?.value;
  return { res, cookie: value ? `${JOURNEY_COOKIE}=${value}` : '', loginUrl: new URL(location(res)) };
}

/** The eID simulator's answer for a login URL: our callback URL with the sealed assertion. */
export async function simulateEid(loginUrl: URL, who: string | Fields): Promise<URL> {
  const request = { state: loginUrl.searchParams.get('state')!, nonce: loginUrl.searchParams.get('nonce')! };
  const fields = typeof who === 'string' ? { ...request, action: 'person', person: who } : { ...request, action: 'typed', ...who };
  return new URL(location(await eidAuthorize(form(`${APP}/dev/eid/authorize`, fields), undefined)));
}

export function get(url: URL | string, cookie: string, headers: Record<string, string> = {}): NextRequest {
  return new NextRequest(url, { headers: { cookie, ...headers } });
}

/** Start, log in at the simulator, come back: the journey cookie and the callback's response. */
export async function loginWithEid(who: string | Fields, options: { returnTo?: string; ip?: string } = {}) {
  const { cookie, loginUrl } = await startJourney({ returnTo: options.returnTo ?? RETURN_URL, ip: options.ip });
  const callback = await simulateEid(loginUrl, who);
  const res = await eidCallback(get(callback, cookie));
  return { cookie, res, callback };
}

export async function submit(cookie: string, body: unknown, options: { ip?: string; raw?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const req = new NextRequest(`${APP}/api/v1/journey/match`, {
    method: 'POST',
    body: options.raw ?? JSON.stringify(body),
    headers: { 'content-type': 'application/json', cookie, ...(options.ip ? { [CLIENT_ADDRESS_HEADER]: options.ip } : {}), ...options.headers },
  });
  return matchRoute(req, undefined);
}

/** "Continue to MitID match", then the MitID simulator as `who` (a demo person or a typed CPR, at a level), then the callback. */
export async function loginWithMitid(cookie: string, who: ({ person: string } | { cpr: string }) & { levelOfAssurance?: string } | 'cancel') {
  const start = await mitidStart(form(`${APP}/api/v1/journey/mitid/start`, {}, { cookie }));
  const loginUrl = new URL(location(start));
  if (!loginUrl.pathname.startsWith('/dev/mitid')) return { start, res: start };
  const request = { state: loginUrl.searchParams.get('state')!, nonce: loginUrl.searchParams.get('nonce')! };
  const level: Fields = who !== 'cancel' && who.levelOfAssurance ? { levelOfAssurance: who.levelOfAssurance } : {};
  const fields: Fields = who === 'cancel' ? { ...request, action: 'cancel' } : 'person' in who ? { ...request, ...level, action: 'person', person: who.person } : { ...request, ...level, action: 'typed', cpr: who.cpr };
  const callback = new URL(location(await mitidAuthorize(form(`${APP}/dev/mitid/authorize`, fields), undefined)));
  const res = await mitidCallback(get(callback, cookie));
  return { start, res, callback };
}

export { eidCallback, mitidCallback, mitidStart };
