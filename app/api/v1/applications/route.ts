// Submits the manual application. Idempotent: the form sends the same key on every retry.
import { NextResponse } from 'next/server';
import { requireApplicantJourney } from '@/lib/applications/access';
import { assertSameOrigin } from '@/lib/linking/request';
import { submitBody } from '@/lib/applications/schema';
import { submitApplication } from '@/lib/applications/submit';
import { getDb } from '@/lib/db';
import { handle, readJson } from '@/lib/http';
import { requestLocale } from '@/lib/i18n/server';

export const POST = handle(async (req) => {
  assertSameOrigin(req);
  const db = getDb();
  const journey = await requireApplicantJourney(db, req);
  const body = await readJson(req, submitBody, 32 * 1024);
  const result = await submitApplication(db, { journey, idempotencyKey: body.idempotencyKey, values: body.values, locale: requestLocale(req) });
  return NextResponse.json({ reference: result.reference }, { status: result.created ? 201 : 200 });
});
