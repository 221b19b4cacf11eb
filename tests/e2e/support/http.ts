// Talking to the running app over HTTP as a given person: a real staff sign-in through next-auth's own endpoints,
// page and route requests without following redirects, and server actions called the way the browser calls them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { baseURL } from './browser';

export type Jar = Record<string, string>;

function absorb(jar: Jar, res: Response): void {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
}

export const cookieHeader = (jar: Jar) => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in with email and password through the credentials endpoint, as the sign-in form does. */
export async function signIn(email: string, password: string): Promise<Jar> {
  const jar: Jar = {};
  const csrf = await fetch(`${baseURL()}/api/auth/csrf`);
  absorb(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseURL()}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseURL()}/caseworker` }),
  });
  absorb(jar, res);
  if (!jar['authjs.session-token']) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.headers.get('location')}`);
  return { 'authjs.session-token': jar['authjs.session-token'] };
}

/** What a request ended in, in the matrix's words: ok, redirect:/path, or the HTTP status. */
export async function outcomeOfGet(url: string, jar: Jar): Promise<string> {
  const res = await fetch(`${baseURL()}${url}`, { redirect: 'manual', headers: { cookie: cookieHeader(jar) } });
  await res.arrayBuffer();
  if (res.status >= 300 && res.status < 400) return `redirect:${new URL(res.headers.get('location')!, baseURL()).pathname}`;
  return res.status === 200 ? 'ok' : String(res.status);
}

/**
 * Calls a server action by id with JSON arguments, as the browser's fetch does, and names the outcome:
 * a redirect (the proxy's early one), the refusal code (UNAUTHENTICATED, FORBIDDEN), or "ran" when the action
 * got past authorisation (whatever the input then did).
 */
export async function outcomeOfAction(pagePath: string, actionId: string, args: unknown[], jar: Jar): Promise<string> {
  const res = await fetch(`${baseURL()}${pagePath}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar), 'next-action': actionId, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: baseURL() },
    body: JSON.stringify(args),
  });
  const body = await res.text();
  if (res.status >= 300 && res.status < 400) return `redirect:${new URL(res.headers.get('location')!, baseURL()).pathname}`;
  // Case actions answer { ok, code }; staff forms answer { formError | fields | notice }.
  const code = /"ok":false,"code":"(\w+)"/.exec(body)?.[1] ?? /"formError":"(\w+)"/.exec(body)?.[1];
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return code;
  if (res.status === 200 && (/"ok":true/.test(body) || code || /"(fields|notice)":/.test(body))) return 'ran';
  return `unexpected ${res.status}: ${body.slice(0, 200)}`;
}

type ActionEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** Every server action of the build, with the pages (workers) that can run it. */
export function builtActions(): { id: string; name: string; workers: string[] }[] {
  const manifest = JSON.parse(readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, ActionEntry> };
  return Object.entries(manifest.node).map(([id, a]) => ({ id, name: `${a.filename}#${a.exportedName}`, workers: Object.keys(a.workers) }));
}

/** Every page and route handler of the build, by its app path (e.g. "/(backoffice)/caseworker/page"). */
export function builtRoutes(): string[] {
  return Object.keys(JSON.parse(readFileSync(path.resolve('.next/server/app-paths-manifest.json'), 'utf8')) as Record<string, string>);
}
