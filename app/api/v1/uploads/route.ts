// A photo for the manual application's draft: checked, processed and stored for the applicant's journey.
import { NextResponse } from 'next/server';
import { receiveDocumentPhoto } from '@/lib/documents/uploads';
import { route } from '@/lib/http/route';

export const POST = route({ who: 'applicant', sameOrigin: true }, async ({ req, db, caller: journey }) => {
  const photo = await receiveDocumentPhoto(db, { journeyId: journey.id }, req);
  return NextResponse.json(photo, { status: 201 });
});
