// A photo for the manual application's draft: checked, processed and stored for the applicant's journey.
import { NextResponse } from 'next/server';
import { readUploadForm, storeDocumentPhoto } from '@/lib/documents/uploads';
import { route } from '@/lib/http/route';
import { enforce } from '@/lib/security/rate-limit';

export const POST = route({ who: 'applicant', sameOrigin: true }, async ({ req, db, caller: journey }) => {
  await enforce(db, `upload:journey:${journey.id}`, 60, 3600);
  const { kind, bytes } = await readUploadForm(req);
  const photo = await storeDocumentPhoto(db, { journeyId: journey.id }, kind, bytes);
  return NextResponse.json(photo, { status: 201 });
});
