// Submits the manual application. Idempotent: the form sends the same key on every retry.
import { NextResponse } from 'next/server';
import { submitBody } from '@/lib/applications/schema';
import { submitApplication } from '@/lib/applications/submit';
import { route } from '@/lib/http/route';
import { requestLocale } from '@/lib/i18n/server';

export const POST = route({ who: 'applicant', sameOrigin: true, schema: submitBody, limit: 32 * 1024 }, async ({ req, db, caller: journey, body }) => {
  const result = await submitApplication(db, { journey, idempotencyKey: body.idempotencyKey, values: body.values, locale: requestLocale(req) });
  return NextResponse.json({ reference: result.reference }, { status: result.created ? 201 : 200 });
});
