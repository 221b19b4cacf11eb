// Early answers only: a form or server action posted to a page from another site is refused with the 403 page before
// it reaches the action (Next would answer it with a 500), and a back-office URL without any session cookie goes
// straight to sign-in.
// The real checks are in every page, action and route handler (requireStaff, the journey and status sessions).
import { NextResponse, type NextRequest } from 'next/server';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const BACK_OFFICE = /^\/(caseworker|supervisor|admin)(\/|$)/;

export function proxy(req: NextRequest) {
  // Route handlers under /api make their own same-origin checks (and the brokers' callbacks come from elsewhere).
  if (req.method === 'POST' && !req.nextUrl.pathname.startsWith('/api/') && !sameOrigin(req)) return refuse(req);
  if (!BACK_OFFICE.test(req.nextUrl.pathname)) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = '/signin';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/** The check Next makes for server actions: the Origin's host is the host the request was sent to. */
function sameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return true; // browsers send Origin with every POST; without one Next itself decides
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(req: NextRequest) {
  // Shown as a page, not run as an action: without the action header and with a body type Next never decodes as one.
  const headers = new Headers(req.headers);
  headers.delete('next-action');
  headers.delete('next-router-state-tree');
  headers.set('content-type', 'application/x-www-form-urlencoded');
  return NextResponse.rewrite(new URL('/forbidden', req.url), { status: 403, request: { headers } });
}

// Everything but static assets: actions can be posted to any page.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|fonts/).*)'] };
