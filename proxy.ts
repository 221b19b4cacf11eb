// Runs before every page and route: sets the per-request Content-Security-Policy nonce (and HSTS in production), and
// redirects a back-office URL without any session cookie straight to sign-in. The redirect is only early: the real
// check is requireStaff() in every page, action and route handler.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/security/headers';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const BACK_OFFICE = /^\/(caseworker|supervisor|admin)(\/|$)/;

export function proxy(req: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const res = BACK_OFFICE.test(req.nextUrl.pathname) && !SESSION_COOKIES.some((name) => req.cookies.has(name)) ? toSignIn(req) : next(req, nonce, csp);
  res.headers.set('Content-Security-Policy', csp);
  if (process.env.APP_MODE === 'production') res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return res;
}

/**
 * Next reads the nonce from the request's policy header and puts it on every script it renders. Only page loads
 * (GET, HEAD) render scripts; other requests (server actions, API calls) pass unchanged, because a rewritten request
 * would hide the cookies a server action sets from the page it renders next.
 */
function next(req: NextRequest, nonce: string, csp: string): NextResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') return NextResponse.next();
  const headers = new Headers(req.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  return NextResponse.next({ request: { headers } });
}

function toSignIn(req: NextRequest): NextResponse {
  const url = req.nextUrl.clone();
  url.pathname = '/signin';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

// Everything but the build's static files, which carry no script of their own.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
