// Saves the manual form's progress under the journey, and keeps the journey cookie alive as long as the draft.
import { NextResponse } from 'next/server';
import { requireApplicantJourney } from '@/lib/applications/access';
import { assertSameOrigin } from '@/lib/linking/request';
import { saveDraft } from '@/lib/applications/drafts';
import { draftBody } from '@/lib/applications/schema';
import { getDb } from '@/lib/db';
import { handle, readJson } from '@/lib/http';
import { JOURNEY_COOKIE, journeyCookieOptions, signJourneyId } from '@/lib/journey';

export const PUT = handle(async (req) => {
  assertSameOrigin(req);
  const db = getDb();
  const journey = await requireApplicantJourney(db, req);
  const draft = await readJson(req, draftBody, 32 * 1024);
  await saveDraft(db, journey.id, draft);
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(JOURNEY_COOKIE, signJourneyId(journey.id), journeyCookieOptions());
  return res;
});
