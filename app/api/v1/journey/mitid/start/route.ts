import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { startMitidLogin } from '@/lib/linking';
import { seeOther } from '@/lib/http';
import { logger } from '@/lib/log';

/** "Continue to MitID match": sends the browser to MitID, or back to the step the journey is really at. */
export const POST = route(
  {
    who: 'journey',
    sameOrigin: true,
    fail: (e) => {
      if (e instanceof AppError && e.code === 'UNAUTHENTICATED') return seeOther('/start?error=session');
      logger.warn({ err: e }, 'MitID start failed');
      return seeOther('/connect/mitid?error=unavailable');
    },
  },
  async ({ db, caller: journey }) => {
    const started = await startMitidLogin(db, journey);
    return seeOther(started.ok ? started.loginUrl : started.next);
  },
);
