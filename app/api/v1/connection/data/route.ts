// "Your data": the copy of what the service holds about the signed-in person's eID identifier, as a JSON download.
import { NextResponse } from 'next/server';
import { buildDataCopy, dataCopyFileName, limitDataCopies } from '@/lib/connection';
import { clientIp } from '@/lib/http';
import { route } from '@/lib/http/route';
import { requestLocale } from '@/lib/i18n/server';

export const GET = route({ who: 'connection' }, async ({ req, db, caller: session }) => {
  await limitDataCopies(db, session.personIdentifier, clientIp(req));
  const now = new Date();
  const copy = await buildDataCopy(db, session.personIdentifier, requestLocale(req), now);
  return new NextResponse(`${JSON.stringify(copy, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${dataCopyFileName(now)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
