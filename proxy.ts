// Runs before every page and route: sets the per-request Content-Security-Policy nonce (and HSTS in production),
// refuses a form or server action posted to a page from another site with the 403 page before it reaches the action
// (Next would answer it with a 500), refuses a server action call Next could not decode with a structured 4xx
// (lib/security/action-requests), and redirects a back-office URL without any session cookie straight to sign-in.
// The redirect is only early: the real check is requireStaff() in every page, action and route handler.
import { NextResponse, type NextRequest } from 'next/server';
import { refuseUndecodableAction } from '@/lib/security/action-requests';
import { contentSecurityPolicy, createNonce, STRICT_TRANSPORT_SECURITY } from '@/lib/security/headers';
import { saysOurPages } from '@/lib/security/same-site';

const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const BACK_OFFICE = /^\/(caseworker|supervisor|admin)(\/|$)/;

export function proxy(req: NextRequest): NextResponse | Promise<NextResponse> {
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' });
  const secured = (res: NextResponse) => {
    res.headers.set('Content-Security-Policy', csp);
    if (process.env.APP_MODE === 'production') res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    return res;
  };
  // Route handlers under /api make their own same-origin checks (and the brokers' callbacks come from elsewhere).
  const post = req.method === 'POST' && !req.nextUrl.pathname.startsWith('/api/');
  if (post && !sameOrigin(req)) return secured(refuse(req, nonce, csp));
  const early = () =>
    secured(BACK_OFFICE.test(req.nextUrl.pathname) && !SESSION_COOKIES.some((name) => req.cookies.has(name)) ? toSignIn(req) : next(req, nonce, csp));
  if (post && req.headers.has('next-action')) return refuseUndecodableAction(req).then((refused) => (refused ? secured(refused) : early()));
  return early();
}

function withNonce(req: NextRequest, nonce: string, csp: string): Headers {
  const headers = new Headers(req.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  return headers;
}

/**
 * Next reads the nonce from the request's policy header and puts it on every script it renders. Only page loads
 * (GET, HEAD) render scripts; other requests (server actions, API calls) pass unchanged, because a rewritten request
 * would hide the cookies a server action sets from the page it renders next.
 */
function next(req: NextRequest, nonce: string, csp: string): NextResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') return NextResponse.next();
  return NextResponse.next({ request: { headers: withNonce(req, nonce, csp) } });
}

function toSignIn(req: NextRequest): NextResponse {
  const url = req.nextUrl.clone();
  url.pathname = '/signin';
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/**
 * Whether a POST comes from our own pages. Browsers say so in Sec-Fetch-Site; without it, the check Next makes for
 * server actions: the Origin's host is the host the request was sent to. A plain form post may carry `Origin: null` (a
 * privacy setting): that and a missing Origin are left to the route's own check.
 */
function sameOrigin(req: NextRequest): boolean {
  const said = saysOurPages(req);
  if (said !== undefined) return said;
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null') return true;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(req: NextRequest, nonce: string, csp: string): NextResponse {
  // Shown as a page, not run as an action: without the action header and with a body type Next never decodes as one.
  const headers = withNonce(req, nonce, csp);
  headers.delete('next-action');
  headers.delete('next-router-state-tree');
  headers.set('content-type', 'application/x-www-form-urlencoded');
  return NextResponse.rewrite(new URL('/forbidden', req.url), { status: 403, request: { headers } });
}

// Everything but the build's static files, which carry no script of their own.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
