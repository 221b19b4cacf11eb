import type { NextRequest } from 'next/server';
import { requireApplicantJourney } from '@/lib/applications/access';
import { resendStatusLink } from '@/lib/applications/open-application';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { journeyIdentity } from '@/lib/linking/auto-match';
import { assertSameOrigin, seeOther } from '@/lib/linking/request';

/** "Send the link again" on the page that shows the eID identity's open application: a fresh link by email. */
export const POST = handle(async (req: NextRequest) => {
  assertSameOrigin(req);
  const db = getDb();
  try {
    const journey = await requireApplicantJourney(db, req);
    const identity = await journeyIdentity(db, journey);
    const sent = await resendStatusLink(db, identity.personIdentifier);
    return seeOther(sent ? '/apply?link=sent' : '/apply');
  } catch (e) {
    if (e instanceof AppError && e.code === 'RATE_LIMITED') return seeOther('/apply?link=limited');
    if (e instanceof AppError && (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN')) return seeOther('/start?error=session');
    throw e;
  }
});
