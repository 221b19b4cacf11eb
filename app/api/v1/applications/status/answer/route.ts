// The applicant answers a request for more information (photos, corrections, message).
import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/linking/request';
import { answerInfoRequest } from '@/lib/applications/answer';
import { requireStatusSession } from '@/lib/applications/status-token';
import { getDb } from '@/lib/db';
import { handle, readJson } from '@/lib/http';
import { z } from '@/lib/validation';

export const POST = handle(async (req) => {
  assertSameOrigin(req);
  const db = getDb();
  const applicationId = await requireStatusSession(db, req);
  const body = await readJson(req, z.record(z.string(), z.unknown()), 32 * 1024);
  const result = await answerInfoRequest(db, applicationId, body);
  return NextResponse.json(result);
});
