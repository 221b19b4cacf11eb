// The applicant withdraws an application that is not yet decided.
import { NextResponse } from 'next/server';
import { withdrawApplication, withdrawBody } from '@/lib/applications/withdraw';
import { route } from '@/lib/http/route';

export const POST = route({ who: 'status', sameOrigin: true, schema: withdrawBody, limit: 1024 }, async ({ db, caller, body }) => {
  await withdrawApplication(db, caller.applicationId, body);
  return new NextResponse(null, { status: 204 });
});
