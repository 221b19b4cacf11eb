import { CONNECTION_COOKIE, connectionCookieOptions, signConnectionSession } from '@/lib/connection/session';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { callbackPath, LoginRefused } from '@/lib/identity';
import { JOURNEY_COOKIE, journeyCookieOptions } from '@/lib/journey';
import { completeEidLogin, CONNECTION_PATH, journeyState } from '@/lib/linking';
import { seeOther } from '@/lib/http';
import { logger } from '@/lib/log';

/**
 * Where the eID broker sends the browser back: verify the login once, then onwards. A login started from
 * /connection gets the person's own session cookie and loses its journey cookie.
 */
export const GET = route(
  { who: 'journey', fail: (e) => (e instanceof AppError && e.code === 'UNAUTHENTICATED' ? seeOther('/start?error=session') : undefined) },
  async ({ req, db, caller: journey }) => {
    const from = journeyState(journey).purpose === 'connection' ? CONNECTION_PATH : '/start';
    // The URL the broker redirected to, as registered (APP_URL), whatever host the proxy forwarded.
    const callback = new URL(`${env().APP_URL}${callbackPath('eid')}${req.nextUrl.search}`);
    try {
      const outcome = await completeEidLogin(db, journey.id, callback);
      const res = seeOther(outcome.to);
      if (outcome.connectionSessionId) {
        res.cookies.set(CONNECTION_COOKIE, signConnectionSession(outcome.connectionSessionId), connectionCookieOptions());
        res.cookies.set(JOURNEY_COOKIE, '', { ...journeyCookieOptions(), maxAge: 0 });
      }
      return res;
    } catch (e) {
      if (e instanceof LoginRefused) {
        logger.info({ reason: e.reason, detail: e.message }, 'eID login refused');
        return seeOther(`${from}?error=${e.reason === 'cancelled' ? 'cancelled' : 'login'}`);
      }
      logger.error({ err: e }, 'eID callback failed');
      return seeOther(`${from}?error=unavailable`);
    }
  },
);
