// The applicant withdraws an application that is not yet decided.
import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/linking/request';
import { requireStatusSession } from '@/lib/applications/status-token';
import { withdrawApplication, withdrawBody } from '@/lib/applications/withdraw';
import { getDb } from '@/lib/db';
import { handle, readJson } from '@/lib/http';

export const POST = handle(async (req) => {
  assertSameOrigin(req);
  const db = getDb();
  const applicationId = await requireStatusSession(db, req);
  const body = await readJson(req, withdrawBody, 1024);
  await withdrawApplication(db, applicationId, body);
  return new NextResponse(null, { status: 204 });
});
