import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/http';
import { requestLocale } from '@/lib/i18n/server';
import { callbackPath, LoginRefused } from '@/lib/identity';
import { completeMitidLogin } from '@/lib/linking';
import { requestJourney, seeOther } from '@/lib/linking/request';
import { logger } from '@/lib/log';

/** Where MitID sends the browser back: the same CPR number links, another one leads to the manual application. */
export async function GET(req: NextRequest) {
  const db = getDb();
  const journey = await requestJourney(db, req);
  if (!journey) return seeOther('/start?error=session');
  const callback = new URL(`${env().APP_URL}${callbackPath('mitid')}${req.nextUrl.search}`);
  try {
    return seeOther(await completeMitidLogin(db, journey.id, callback, { ip: clientIp(req), locale: requestLocale(req) }));
  } catch (e) {
    if (e instanceof LoginRefused) {
      logger.info({ reason: e.reason, detail: e.message }, 'MitID login refused');
      return seeOther(`/connect/mitid?error=${e.reason === 'cancelled' ? 'cancelled' : 'login'}`);
    }
    if (e instanceof AppError && e.code === 'UNAUTHENTICATED') return seeOther('/start?error=session');
    logger.error({ err: e }, 'MitID callback failed');
    return seeOther('/connect/mitid?error=unavailable');
  }
}
