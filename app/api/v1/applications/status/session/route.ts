// Opens the status page from the private link: the token (from the link's fragment) is exchanged for an httpOnly
// cookie, so it never appears in an address, a server log or a Referer. DELETE ends the session.
import { NextResponse } from 'next/server';
import { openStatusSession, STATUS_COOKIE, statusCookieOptions } from '@/lib/applications/status-token';
import { clientIp } from '@/lib/http';
import { route } from '@/lib/http/route';
import { z } from '@/lib/validation';

const tokenBody = z.object({ token: z.string().max(200) });

export const POST = route({ who: 'anyone', sameOrigin: true, schema: tokenBody, limit: 1024 }, async ({ req, db, body: { token } }) => {
  await openStatusSession(db, token, clientIp(req));
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(STATUS_COOKIE, token, statusCookieOptions());
  return res;
});

export const DELETE = route({ who: 'anyone', sameOrigin: true }, async () => {
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(STATUS_COOKIE, '', { ...statusCookieOptions(), maxAge: 0 });
  return res;
});
