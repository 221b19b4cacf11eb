// The applicant answers a request for more information (photos, corrections, message).
import { NextResponse } from 'next/server';
import { answerInfoRequest } from '@/lib/applications/answer';
import { route } from '@/lib/http/route';
import { z } from '@/lib/validation';

export const POST = route({ who: 'status', sameOrigin: true, schema: z.record(z.string(), z.unknown()), limit: 32 * 1024 }, async ({ db, caller, body }) => {
  return NextResponse.json(await answerInfoRequest(db, caller.applicationId, body));
});
