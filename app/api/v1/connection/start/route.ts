import { clientIp, seeOther } from '@/lib/http';
import { route } from '@/lib/http/route';
import { CONNECTION_PATH, startEidLogin } from '@/lib/linking';
import { withJourneyCookie } from '@/lib/journey';
import { startSchema } from '@/lib/linking/schemas';
import { logger } from '@/lib/log';

const countryOnly = startSchema.pick({ country: true }).strict();

/**
 * The country form on /connection: the journey's eID login (same broker, same callback, same limit on logins per
 * address), marked so that the callback opens the person's own session.
 */
export const POST = route(
  {
    who: 'anyone',
    sameOrigin: true,
    form: true,
    fail: (e) => {
      logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'connection login start failed');
      return seeOther(`${CONNECTION_PATH}?error=unavailable`);
    },
  },
  async ({ req, db, form }) => {
    const input = countryOnly.safeParse({ country: form.country ?? '' });
    if (!input.success) return seeOther(`${CONNECTION_PATH}?error=country`);
    const started = await startEidLogin(db, { country: input.data.country, ip: clientIp(req), purpose: 'connection' });
    if (!started.ok) return seeOther(`${CONNECTION_PATH}?error=${started.reason}`);
    return withJourneyCookie(seeOther(started.loginUrl), started.journeyId);
  },
);
