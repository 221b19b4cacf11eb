// "Sign out" on /connection: ends the person's session on the server and removes its cookie.
import { NextResponse } from 'next/server';
import { CONNECTION_COOKIE, connectionCookieOptions, endConnectionSession, verifyConnectionCookie } from '@/lib/connection';
import { getDb } from '@/lib/db';
import { handle } from '@/lib/http';
import { assertSameOrigin } from '@/lib/linking/request';

export const DELETE = handle(async (req) => {
  assertSameOrigin(req);
  const id = verifyConnectionCookie(req.cookies.get(CONNECTION_COOKIE)?.value);
  if (id) await endConnectionSession(getDb(), id);
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(CONNECTION_COOKIE, '', { ...connectionCookieOptions(), maxAge: 0 });
  return res;
});
