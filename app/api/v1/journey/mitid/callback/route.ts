import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { clientIp, seeOther } from '@/lib/http';
import { route } from '@/lib/http/route';
import { requestLocale } from '@/lib/i18n/server';
import { callbackPath, LoginRefused } from '@/lib/identity';
import { completeMitidLogin } from '@/lib/linking';
import { logger } from '@/lib/log';

const isSignedOut = (e: unknown) => e instanceof AppError && e.code === 'UNAUTHENTICATED';

/** Where MitID sends the browser back: the same CPR number links, another one leads to the manual application. */
export const GET = route({ who: 'journey', fail: (e) => (isSignedOut(e) ? seeOther('/start?error=session') : undefined) }, async ({ req, db, caller: journey }) => {
  const callback = new URL(`${env().APP_URL}${callbackPath('mitid')}${req.nextUrl.search}`);
  try {
    return seeOther(await completeMitidLogin(db, journey.id, callback, { ip: clientIp(req), locale: requestLocale(req) }));
  } catch (e) {
    if (e instanceof LoginRefused) {
      logger.info({ reason: e.reason, detail: e.message }, 'MitID login refused');
      return seeOther(`/connect/mitid?error=${e.reason === 'cancelled' ? 'cancelled' : 'login'}`);
    }
    if (isSignedOut(e)) return seeOther('/start?error=session');
    logger.error({ err: e }, 'MitID callback failed');
    return seeOther('/connect/mitid?error=unavailable');
  }
});
