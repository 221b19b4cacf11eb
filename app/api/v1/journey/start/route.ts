import { clientIp, seeOther } from '@/lib/http';
import { route } from '@/lib/http/route';
import { startEidLogin } from '@/lib/linking';
import { withJourneyCookie } from '@/lib/journey';
import { startSchema } from '@/lib/linking/schemas';
import { logger } from '@/lib/log';

/** The country form on /start: starts a journey and sends the browser to the eID broker. */
export const POST = route(
  {
    who: 'anyone',
    sameOrigin: true,
    form: true,
    fail: (e) => {
      logger.warn({ err: e }, 'journey start failed');
      return seeOther(startPage('unavailable', undefined));
    },
  },
  async ({ req, db, form }) => {
    const returnTo = form.returnTo || undefined;
    const input = startSchema.safeParse({ country: form.country ?? '', returnTo });
    if (!input.success) return seeOther(startPage('country', returnTo));
    const started = await startEidLogin(db, { ...input.data, ip: clientIp(req) });
    if (!started.ok) return seeOther(startPage(started.reason, started.reason === 'returnTo' ? undefined : returnTo));
    return withJourneyCookie(seeOther(started.loginUrl), started.journeyId);
  },
);

function startPage(error: string, returnTo: string | undefined): string {
  const params = new URLSearchParams({ error });
  if (returnTo) params.set('returnTo', returnTo);
  return `/start?${params}`;
}
