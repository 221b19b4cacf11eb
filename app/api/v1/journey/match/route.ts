import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/lib/db';
import { clientIp, handle, readJson } from '@/lib/http';
import { requestLocale, errorTranslator } from '@/lib/i18n/server';
import { journeyIdentity, submitAutoMatch } from '@/lib/linking';
import { assertSameOrigin, requestJourney } from '@/lib/linking/request';
import { cprAndEmailSchema } from '@/lib/linking/schemas';

/**
 * The CPR + email form. Answers `linked` (with where to go), `not_matched` (one neutral answer for every reason),
 * or 429 `limited`. Never echoes the CPR number and never says which field differed.
 */
export const POST = handle(async (req: NextRequest) => {
  assertSameOrigin(req);
  const db = getDb();
  const journey = await requestJourney(db, req);
  await journeyIdentity(db, journey);
  const input = await readJson(req, cprAndEmailSchema, 4 * 1024);
  const result = await submitAutoMatch(db, journey, input, { ip: clientIp(req), locale: requestLocale(req) });
  if (result.result === 'limited') {
    const t = errorTranslator(req);
    return NextResponse.json({ result: 'limited', next: '/connect/limit', error: { code: 'RATE_LIMITED', message: t('attemptsUsed') } }, { status: 429 });
  }
  if (result.result === 'not_matched') return NextResponse.json({ result: 'not_matched', next: '/connect/mitid' });
  return NextResponse.json(result);
});
