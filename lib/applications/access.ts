// Who is asking: the applicant's journey (the manual form, before submission) or the status-link session
// (after submission). Every applicant route starts here, before it reads or changes anything.
import { eq } from 'drizzle-orm';
import { eidIdentities } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { findJourney, JOURNEY_COOKIE, verifyJourneyCookie, type Journey } from '@/lib/journey';

export type ApplicantJourney = Journey & { eidIdentityId: string };

/** A cookie from a request, for route handlers (which may be called outside Next's request scope in tests). */
export function requestCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * The journey of the request, which must carry an eID login: an application without an eID identifier could never
 * become a link, so the form is only for applicants who logged in with their eID.
 */
export async function requireApplicantJourney(db: DbOrTx, req: Request): Promise<ApplicantJourney> {
  const id = verifyJourneyCookie(requestCookie(req, JOURNEY_COOKIE));
  const journey = id ? await findJourney(db, id) : null;
  if (!journey) throw new AppError('UNAUTHENTICATED', 'application.noJourney');
  if (!journey.eidIdentityId) throw new AppError('FORBIDDEN', 'application.eidRequired');
  return journey as ApplicantJourney;
}

export function hasEidLogin(journey: Journey | null): journey is ApplicantJourney {
  return Boolean(journey?.eidIdentityId);
}

export async function findEidIdentity(db: DbOrTx, id: string) {
  const [row] = await db.select().from(eidIdentities).where(eq(eidIdentities.id, id));
  return row ?? null;
}

/**
 * Refuses a state-changing request sent from another site. The cookies are SameSite already; this also covers
 * browsers and proxies that do not honour it.
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  if (!origin) return;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('FORBIDDEN');
  }
  if (originHost !== host && originHost !== new URL(env().APP_URL).host) throw new AppError('FORBIDDEN');
}
