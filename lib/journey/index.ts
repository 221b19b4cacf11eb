// The applicant's journey: server-side state keyed by an httpOnly, signed cookie that holds only a random id.
// It carries the eID identity, the relying party's return URL and what was typed, from login to link or application.
import { and, eq, gt } from 'drizzle-orm';
import { cookies } from 'next/headers';
import type { NextRequest, NextResponse } from 'next/server';
import { createHmac } from 'node:crypto';
import { journeys } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import { safeEqual } from '@/lib/security/crypto';

export const JOURNEY_COOKIE = 'im_journey';
/** A manual application's draft is kept this long, so a phone that reloads or comes back later loses nothing. */
export const JOURNEY_TTL_SECONDS = 24 * 3600;

export type Journey = typeof journeys.$inferSelect;

function mac(id: string): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`journey:${id}`).digest('base64url');
}

export function signJourneyId(id: string): string {
  return `${id}.${mac(id)}`;
}

/** The journey id from a cookie value, or null when it is missing or its signature is wrong. */
export function verifyJourneyCookie(value: string | undefined | null): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  return safeEqual(value.slice(dot + 1), mac(id)) ? id : null;
}

export function journeyCookieOptions() {
  return {
    httpOnly: true,
    secure: !env().isDemo || env().APP_URL.startsWith('https:'),
    sameSite: 'lax' as const,
    path: '/',
    maxAge: JOURNEY_TTL_SECONDS,
  };
}

export async function createJourney(db: DbOrTx, values: Partial<Pick<Journey, 'returnTo' | 'relyingPartyId' | 'country' | 'eidIdentityId'>> = {}): Promise<Journey> {
  const [row] = await db
    .insert(journeys)
    .values({ ...values, expiresAt: new Date(Date.now() + JOURNEY_TTL_SECONDS * 1000) })
    .returning();
  return row!;
}

export async function findJourney(db: DbOrTx, id: string): Promise<Journey | null> {
  const [row] = await db.select().from(journeys).where(and(eq(journeys.id, id), gt(journeys.expiresAt, new Date())));
  return row ?? null;
}

export async function updateJourney(db: DbOrTx, id: string, values: Partial<Pick<Journey, 'returnTo' | 'relyingPartyId' | 'country' | 'eidIdentityId' | 'typedEnc' | 'state'>>): Promise<void> {
  await db.update(journeys).set(values).where(eq(journeys.id, id));
}

/** Ends a journey at once (its cookie then finds nothing); housekeeping deletes the row later. */
export async function endJourney(db: DbOrTx, id: string): Promise<void> {
  await db.update(journeys).set({ expiresAt: new Date() }).where(eq(journeys.id, id));
}

/** For server components and actions: the current request's journey, if its cookie is valid and unexpired. */
export async function currentJourney(db: DbOrTx): Promise<Journey | null> {
  const id = verifyJourneyCookie((await cookies()).get(JOURNEY_COOKIE)?.value);
  return id ? findJourney(db, id) : null;
}

/** For server actions: starts a journey and sets its cookie. */
export async function startJourney(db: DbOrTx, values: Parameters<typeof createJourney>[1] = {}): Promise<Journey> {
  const journey = await createJourney(db, values);
  (await cookies()).set(JOURNEY_COOKIE, signJourneyId(journey.id), journeyCookieOptions());
  return journey;
}

/** The journey behind a request's signed cookie, or null (no cookie, a forged one, or a journey that has expired). */
export async function requestJourney(db: DbOrTx, req: NextRequest): Promise<Journey | null> {
  const id = verifyJourneyCookie(req.cookies.get(JOURNEY_COOKIE)?.value);
  return id ? findJourney(db, id) : null;
}

/** Sets the journey's signed cookie on a response (a redirect that starts or resumes the journey). */
export function withJourneyCookie(res: NextResponse, journeyId: string): NextResponse {
  res.cookies.set(JOURNEY_COOKIE, signJourneyId(journeyId), journeyCookieOptions());
  return res;
}
