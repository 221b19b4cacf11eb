// A photo sent in answer to a request for more information; it joins the application when the answer is sent.
import { NextResponse } from 'next/server';
import { requireOpenRequest } from '@/lib/applications/answer';
import { receiveDocumentPhoto } from '@/lib/documents/uploads';
import { route } from '@/lib/http/route';

export const POST = route({ who: 'status', sameOrigin: true }, async ({ req, db, caller: { applicationId } }) => {
  await requireOpenRequest(db, applicationId);
  const photo = await receiveDocumentPhoto(db, { pendingApplicationId: applicationId }, req);
  return NextResponse.json(photo, { status: 201 });
});
