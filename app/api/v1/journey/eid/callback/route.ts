import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { callbackPath, LoginRefused } from '@/lib/identity';
import { completeEidLogin } from '@/lib/linking';
import { requestJourney, seeOther } from '@/lib/linking/request';
import { logger } from '@/lib/log';

/** Where the eID broker sends the browser back: verify the login once, then onwards. */
export async function GET(req: NextRequest) {
  const db = getDb();
  const journey = await requestJourney(db, req);
  if (!journey) return seeOther('/start?error=session');
  // The URL the broker redirected to, as registered (APP_URL), whatever host the proxy forwarded.
  const callback = new URL(`${env().APP_URL}${callbackPath('eid')}${req.nextUrl.search}`);
  try {
    return seeOther(await completeEidLogin(db, journey.id, callback));
  } catch (e) {
    if (e instanceof LoginRefused) {
      logger.info({ reason: e.reason, detail: e.message }, 'eID login refused');
      return seeOther(`/start?error=${e.reason === 'cancelled' ? 'cancelled' : 'login'}`);
    }
    logger.error({ err: e }, 'eID callback failed');
    return seeOther('/start?error=unavailable');
  }
}
