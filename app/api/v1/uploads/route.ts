// A photo for the manual application's draft: checked, processed and stored for the applicant's journey.
import { NextResponse } from 'next/server';
import { requireApplicantJourney } from '@/lib/applications/access';
import { assertSameOrigin } from '@/lib/linking/request';
import { getDb } from '@/lib/db';
import { readUploadForm, storeDocumentPhoto } from '@/lib/documents/uploads';
import { handle } from '@/lib/http';
import { enforce } from '@/lib/security/rate-limit';

export const POST = handle(async (req) => {
  assertSameOrigin(req);
  const db = getDb();
  const journey = await requireApplicantJourney(db, req);
  await enforce(db, `upload:journey:${journey.id}`, 60, 3600);
  const { kind, bytes } = await readUploadForm(req);
  const photo = await storeDocumentPhoto(db, { journeyId: journey.id }, kind, bytes);
  return NextResponse.json(photo, { status: 201 });
});
