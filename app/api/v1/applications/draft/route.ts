// Saves the manual form's progress under the journey, and keeps the journey cookie alive as long as the draft.
import { NextResponse } from 'next/server';
import { saveDraft } from '@/lib/applications/drafts';
import { draftBody } from '@/lib/applications/schema';
import { route } from '@/lib/http/route';
import { JOURNEY_COOKIE, journeyCookieOptions, signJourneyId } from '@/lib/journey';

export const PUT = route({ who: 'applicant', sameOrigin: true, schema: draftBody, limit: 32 * 1024 }, async ({ db, caller: journey, body }) => {
  await saveDraft(db, journey.id, body);
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(JOURNEY_COOKIE, signJourneyId(journey.id), journeyCookieOptions());
  return res;
});
