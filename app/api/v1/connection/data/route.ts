// "Your data": the copy of what the service holds about the signed-in person's eID identifier, as a JSON download.
import { NextResponse } from 'next/server';
import { buildDataCopy, dataCopyFileName, requireConnectionSession } from '@/lib/connection';
import { getDb } from '@/lib/db';
import { clientIp, handle } from '@/lib/http';
import { requestLocale } from '@/lib/i18n/server';
import { enforce } from '@/lib/security/rate-limit';

const COPIES_PER_HOUR = 20;

export const GET = handle(async (req) => {
  const db = getDb();
  const session = await requireConnectionSession(db, req);
  await enforce(db, `connection:data:${session.personIdentifier}`, COPIES_PER_HOUR, 3600);
  await enforce(db, `connection:data:ip:${clientIp(req)}`, COPIES_PER_HOUR * 3, 3600);
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
