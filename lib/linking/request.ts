// Request plumbing shared by the journey's route handlers: the journey behind the signed cookie, the same-origin
// check for form posts, and redirects that only ever go to our own pages or an allow-listed return URL.
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import type { DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { parseMultipart, readBody } from '@/lib/http';
import { findJourney, JOURNEY_COOKIE, journeyCookieOptions, signJourneyId, verifyJourneyCookie, type Journey } from '@/lib/journey';

export async function requestJourney(db: DbOrTx, req: NextRequest): Promise<Journey | null> {
  const id = verifyJourneyCookie(req.cookies.get(JOURNEY_COOKIE)?.value);
  return id ? findJourney(db, id) : null;
}

/**
 * Refuses a POST made from another site (the journey cookie is also SameSite=Lax). Our pages send no referrer, so
 * browsers send `Origin: null` on our own form posts; Sec-Fetch-Site then tells same-origin from cross-site.
 */
export function assertSameOrigin(req: NextRequest): void {
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError('FORBIDDEN');
  const origin = req.headers.get('origin');
  if (origin && origin !== 'null' && origin !== new URL(env().APP_URL).origin) throw new AppError('FORBIDDEN');
}

/**
 * A 303 to one of our paths, or to an absolute URL that came from the allow-list (a journey's returnTo or a broker's
 * login URL). Paths are resolved against APP_URL, never against the request's Host header.
 */
export function seeOther(target: string | URL): NextResponse {
  const url = typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? new URL(target, env().APP_URL) : new URL(target);
  return NextResponse.redirect(url, 303);
}

export function withJourneyCookie(res: NextResponse, journeyId: string): NextResponse {
  res.cookies.set(JOURNEY_COOKIE, signJourneyId(journeyId), journeyCookieOptions());
  return res;
}

const FORM_LIMIT = 8 * 1024;

/** A small urlencoded form as a plain object; anything larger or of another type is refused. */
export async function readForm(req: NextRequest): Promise<Record<string, string>> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const body = await readBody(req, FORM_LIMIT);
  if (type.startsWith('multipart/form-data')) {
    const data = await parseMultipart(body, type);
    return Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  }
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}
