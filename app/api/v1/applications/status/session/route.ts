// Opens the status page from the private link: the token (from the link's fragment) is exchanged for an httpOnly
// cookie, so it never appears in an address, a server log or a Referer. DELETE ends the session.
import { NextResponse } from 'next/server';
import { assertSameOrigin } from '@/lib/linking/request';
import { openStatusSession, STATUS_COOKIE, statusCookieOptions } from '@/lib/applications/status-token';
import { getDb } from '@/lib/db';
import { clientIp, handle, readJson } from '@/lib/http';
import { z } from '@/lib/validation';

const body = z.object({ token: z.string().max(200) });

export const POST = handle(async (req) => {
  assertSameOrigin(req);
  const { token } = await readJson(req, body, 1024);
  await openStatusSession(getDb(), token, clientIp(req));
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(STATUS_COOKIE, token, statusCookieOptions());
  return res;
});

export const DELETE = handle(async (req) => {
  assertSameOrigin(req);
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(STATUS_COOKIE, '', { ...statusCookieOptions(), maxAge: 0 });
  return res;
});
