// "Sign out" on /connection: ends the person's session on the server and removes its cookie.
import { NextResponse } from 'next/server';
import { CONNECTION_COOKIE, connectionCookieOptions, endConnectionSession, verifyConnectionCookie } from '@/lib/connection';
import { route } from '@/lib/http/route';

export const DELETE = route({ who: 'anyone', sameOrigin: true }, async ({ req, db }) => {
  const id = verifyConnectionCookie(req.cookies.get(CONNECTION_COOKIE)?.value);
  if (id) await endConnectionSession(db, id);
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set(CONNECTION_COOKIE, '', { ...connectionCookieOptions(), maxAge: 0 });
  return res;
});
