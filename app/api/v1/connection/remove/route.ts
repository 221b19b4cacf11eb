// "Remove": the signed-in person revokes their own link, after confirming it on the page.
import { NextResponse } from 'next/server';
import { removeOwnConnection, requireConnectionSession } from '@/lib/connection';
import { getDb } from '@/lib/db';
import { clientIp, handle, readJson } from '@/lib/http';
import { assertSameOrigin } from '@/lib/linking/request';
import { enforce } from '@/lib/security/rate-limit';
import { z } from '@/lib/validation';

/** The page sends the confirmation the person gave; anything else is refused as bad input. */
const removeBody = z.object({ confirm: z.literal(true, 'connection.confirmRequired') }).strict();

export const POST = handle(async (req) => {
  assertSameOrigin(req);
  const db = getDb();
  const session = await requireConnectionSession(db, req);
  await enforce(db, `connection:remove:ip:${clientIp(req)}`, 20, 3600);
  await readJson(req, removeBody, 1024);
  const { revokedAt } = await removeOwnConnection(db, session);
  return NextResponse.json({ removed: true, revokedAt }, { headers: { 'Cache-Control': 'no-store' } });
});
