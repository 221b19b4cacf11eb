// Who is asking: the applicant's journey (the manual form, before submission) or the status-link session
// (after submission). Every applicant route starts here, before it reads or changes anything.
import type { NextRequest } from 'next/server';
import type { DbOrTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { requestJourney, type Journey } from '@/lib/journey';

export type ApplicantJourney = Journey & { eidIdentityId: string };

/**
 * The journey of the request, which must carry an eID login: an application without an eID identifier could never
 * become a link, so the form is only for applicants who logged in with their eID.
 */
export async function requireApplicantJourney(db: DbOrTx, req: NextRequest): Promise<ApplicantJourney> {
  const journey = await requestJourney(db, req);
  if (!journey) throw new AppError('UNAUTHENTICATED', 'application.noJourney');
  if (!journey.eidIdentityId) throw new AppError('FORBIDDEN', 'application.eidRequired');
  return journey as ApplicantJourney;
}

export function hasEidLogin(journey: Journey | null): journey is ApplicantJourney {
  return Boolean(journey?.eidIdentityId);
}
