// Request plumbing: bounded JSON bodies and small forms, the same-origin check of browser posts, redirects to our own
// pages, the client's address, and every failure mapped by lib/errors to a translated 4xx (never a stack trace).
// Every route handler opens with route() (./route.ts), which uses these, and every server action with action()
// (./action.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { AppError, errorResponse, fromZod } from '@/lib/errors';
import { errorTranslator } from '@/lib/i18n/server';
import { saysOurPages } from '@/lib/security/same-site';
import type { z } from '@/lib/validation';

export const DEFAULT_JSON_LIMIT = 64 * 1024;

/** Reads and validates a JSON body; malformed JSON, wrong types and oversized bodies become 400/413. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = DEFAULT_JSON_LIMIT): Promise<z.output<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const raw = (await readBody(req, maxBytes)).toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new AppError('INVALID_INPUT', 'MALFORMED_JSON');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}

/**
 * The one byte-capped body reader every route uses: a declared Content-Length over the cap is refused unread, and a
 * body without one (chunked) is read only up to the cap, then the stream is cancelled. Never more than `maxBytes` in memory.
 */
export async function readBody(req: Request, maxBytes: number, tooLargeKey = 'PAYLOAD_TOO_LARGE', malformedKey = 'INVALID_INPUT'): Promise<Buffer> {
  if (Number(req.headers.get('content-length') ?? '0') > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', tooLargeKey);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let part: ReadableStreamReadResult<Uint8Array>;
    try {
      part = await reader.read();
    } catch {
      // The client went away or the body is not a byte stream.
      throw new AppError('INVALID_INPUT', malformedKey);
    }
    if (part.done) break;
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError('PAYLOAD_TOO_LARGE', tooLargeKey);
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks);
}

/** A multipart body already read by readBody, as FormData; a body that is not valid multipart is INVALID_INPUT. */
export async function parseMultipart(body: Buffer, contentType: string, malformedKey = 'INVALID_INPUT'): Promise<FormData> {
  try {
    return await new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new AppError('INVALID_INPUT', malformedKey);
  }
}

const FORM_LIMIT = 8 * 1024;

/** A small urlencoded or multipart form as a plain object of its text fields; anything larger or of another type is refused. */
export async function readForm(req: Request): Promise<Record<string, string>> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const body = await readBody(req, FORM_LIMIT);
  if (type.startsWith('multipart/form-data')) {
    const data = await parseMultipart(body, type);
    return Object.fromEntries([...data.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  }
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

/**
 * Refuses a POST made from another site (cookies are also SameSite=Lax), as the proxy does for server actions: a
 * browser says where a request comes from in Sec-Fetch-Site, which no page can forge, and that decides. Without it,
 * the Origin must be ours; `Origin: null` (a privacy setting, a page without a referrer) is let through.
 */
export function assertSameOrigin(req: Request): void {
  const said = saysOurPages(req);
  if (said === false) throw new AppError('FORBIDDEN');
  if (said) return;
  const origin = req.headers.get('origin');
  if (origin && origin !== 'null' && origin !== new URL(env().APP_URL).origin) throw new AppError('FORBIDDEN');
}

/**
 * A 303 to one of our paths, or to an absolute URL that came from an allow-list (a journey's returnTo or a broker's
 * login URL). Paths are resolved against APP_URL, never against the request's Host header.
 */
export function seeOther(target: string | URL): NextResponse {
  const url = typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? new URL(target, env().APP_URL) : new URL(target);
  return NextResponse.redirect(url, 303);
}

type Handler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

/** Wraps a route handler so that any error becomes the mapped, translated response. */
export function handle<C>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      return errorResponse(error, errorTranslator(req));
    }
  };
}

/** Set by scripts/serve.mjs from the TCP socket on every request, replacing anything the client sent under that name. */
export const CLIENT_ADDRESS_HEADER = 'x-im-client-address';

/**
 * The client's address for rate limits. With no proxy in front (TRUSTED_PROXY_HOPS=0) it is the socket's address and
 * X-Forwarded-For is never read: the client writes that header. Behind proxies, entries left of those our own proxies
 * appended are written by the client, so the address is taken TRUSTED_PROXY_HOPS entries from the right.
 */
export function clientIp(req: Request, hops: number = env().TRUSTED_PROXY_HOPS): string {
  if (hops === 0) return req.headers.get(CLIENT_ADDRESS_HEADER)?.trim() || 'unknown';
  const entries = (req.headers.get('x-forwarded-for') ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return 'unknown';
  return entries[Math.max(0, entries.length - hops)]!;
}
