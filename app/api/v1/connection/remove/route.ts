// "Remove": the signed-in person revokes their own link, after confirming it on the page.
import { NextResponse } from 'next/server';
import { limitRemovals, removeOwnConnection } from '@/lib/connection';
import { clientIp, readJson } from '@/lib/http';
import { route } from '@/lib/http/route';
import { z } from '@/lib/validation';

/** The page sends the confirmation the person gave; anything else is refused as bad input. */
const removeBody = z.object({ confirm: z.literal(true, 'connection.confirmRequired') }).strict();

export const POST = route({ who: 'connection', sameOrigin: true }, async ({ req, db, caller: session }) => {
  await limitRemovals(db, clientIp(req));
  await readJson(req, removeBody, 1024);
  const { revokedAt } = await removeOwnConnection(db, session);
  return NextResponse.json({ removed: true, revokedAt }, { headers: { 'Cache-Control': 'no-store' } });
});
