import type { NextRequest } from 'next/server';
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/http';
import { startEidLogin } from '@/lib/linking';
import { assertSameOrigin, readForm, seeOther, withJourneyCookie } from '@/lib/linking/request';
import { startSchema } from '@/lib/linking/schemas';
import { logger } from '@/lib/log';

/** The country form on /start: starts a journey and sends the browser to the eID broker. */
export async function POST(req: NextRequest) {
  let returnTo: string | undefined;
  try {
    assertSameOrigin(req);
    const form = await readForm(req);
    returnTo = form.returnTo || undefined;
    const input = startSchema.safeParse({ country: form.country ?? '', returnTo });
    if (!input.success) return seeOther(startPage('country', returnTo));
    const started = await startEidLogin(getDb(), { ...input.data, ip: clientIp(req) });
    if (!started.ok) return seeOther(startPage(started.reason, started.reason === 'returnTo' ? undefined : returnTo));
    return withJourneyCookie(seeOther(started.loginUrl), started.journeyId);
  } catch (e) {
    logger.warn({ err: e }, 'journey start failed');
    return seeOther(startPage('unavailable', undefined));
  }
}

function startPage(error: string, returnTo: string | undefined): string {
  const params = new URLSearchParams({ error });
  if (returnTo) params.set('returnTo', returnTo);
  return `/start?${params}`;
}
