import { requireApplicantJourney } from '@/lib/applications/access';
import { resendStatusLink } from '@/lib/applications/open-application';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { journeyIdentity } from '@/lib/linking/auto-match';
import { seeOther } from '@/lib/http';

/**
 * "Send the link again" on the page that shows the eID identity's open application: a fresh link by email. A post
 * from another site is refused with a 403 by the door; the journey is checked in the handler (not as `who`) because a
 * missing one is answered with a redirect to the start, which the door's `fail` could not tell from that 403.
 */
export const POST = route({ who: 'anyone', sameOrigin: true }, async ({ req, db }) => {
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
