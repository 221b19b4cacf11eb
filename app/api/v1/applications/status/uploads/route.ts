// A photo sent in answer to a request for more information; it joins the application when the answer is sent.
import { NextResponse } from 'next/server';
import { requireOpenRequest } from '@/lib/applications/answer';
import { readUploadForm, storeDocumentPhoto } from '@/lib/documents/uploads';
import { route } from '@/lib/http/route';
import { enforce } from '@/lib/security/rate-limit';

export const POST = route({ who: 'status', sameOrigin: true }, async ({ req, db, caller: { applicationId } }) => {
  await requireOpenRequest(db, applicationId);
  await enforce(db, `upload:application:${applicationId}`, 60, 3600);
  const { kind, bytes } = await readUploadForm(req);
  const photo = await storeDocumentPhoto(db, { pendingApplicationId: applicationId }, kind, bytes);
  return NextResponse.json(photo, { status: 201 });
});
