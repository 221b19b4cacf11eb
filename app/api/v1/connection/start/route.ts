import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/http';
import { CONNECTION_PATH, startEidLogin } from '@/lib/linking';
import { assertSameOrigin, readForm, seeOther, withJourneyCookie } from '@/lib/linking/request';
import { startSchema } from '@/lib/linking/schemas';
import { logger } from '@/lib/log';

const countryOnly = startSchema.pick({ country: true }).strict();

/**
 * The country form on /connection: the journey's eID login (same broker, same callback, same limit on logins per
 * address), marked so that the callback opens the person's own session.
 */
export async function POST(req: NextRequest) {
  try {
    assertSameOrigin(req);
    const form = await readForm(req);
    const input = countryOnly.safeParse({ country: form.country ?? '' });
    if (!input.success) return seeOther(`${CONNECTION_PATH}?error=country`);
    const started = await startEidLogin(getDb(), { country: input.data.country, ip: clientIp(req), purpose: 'connection' });
    if (!started.ok) return seeOther(`${CONNECTION_PATH}?error=${started.reason}`);
    return withJourneyCookie(seeOther(started.loginUrl), started.journeyId);
  } catch (e) {
    logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'connection login start failed');
    return seeOther(`${CONNECTION_PATH}?error=unavailable`);
  }
}
