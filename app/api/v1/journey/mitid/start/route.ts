import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { startMitidLogin } from '@/lib/linking';
import { assertSameOrigin, requestJourney, seeOther } from '@/lib/linking/request';
import { logger } from '@/lib/log';

/** "Continue to MitID match": sends the browser to MitID, or back to the step the journey is really at. */
export async function POST(req: NextRequest) {
  try {
    assertSameOrigin(req);
    const db = getDb();
    const started = await startMitidLogin(db, await requestJourney(db, req));
    return seeOther(started.ok ? started.loginUrl : started.next);
  } catch (e) {
    if (e instanceof AppError && e.code === 'UNAUTHENTICATED') return seeOther('/start?error=session');
    logger.warn({ err: e }, 'MitID start failed');
    return seeOther('/connect/mitid?error=unavailable');
  }
}
