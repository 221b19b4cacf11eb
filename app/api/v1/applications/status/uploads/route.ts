// A photo sent in answer to a request for more information; it joins the application when the answer is sent.
import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/linking/request';
import { requireOpenRequest } from '@/lib/applications/answer';
import { requireStatusSession } from '@/lib/applications/status-token';
import { getDb } from '@/lib/db';
import { readUploadForm, storeDocumentPhoto } from '@/lib/documents/uploads';
import { handle } from '@/lib/http';
import { enforce } from '@/lib/security/rate-limit';

export const POST = handle(async (req) => {
  assertSameOrigin(req);
  const db = getDb();
  const applicationId = await requireStatusSession(db, req);
  await requireOpenRequest(db, applicationId);
  await enforce(db, `upload:application:${applicationId}`, 60, 3600);
  const { kind, bytes } = await readUploadForm(req);
  const photo = await storeDocumentPhoto(db, { pendingApplicationId: applicationId }, kind, bytes);
  return NextResponse.json(photo, { status: 201 });
});
