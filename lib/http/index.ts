// The one way a route handler reads input and answers errors: bounded JSON bodies, shared zod schemas,
// and every failure mapped by lib/errors to a translated 4xx (never a stack trace).
import type { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { AppError, errorResponse, fromZod } from '@/lib/errors';
import { errorTranslator } from '@/lib/i18n/server';
import type { z } from '@/lib/validation';

export const DEFAULT_JSON_LIMIT = 64 * 1024;

/** Reads and validates a JSON body; malformed JSON, wrong types and oversized bodies become 400/413. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = DEFAULT_JSON_LIMIT): Promise<z.output<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  const raw = await readLimited(req, maxBytes);
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

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
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

/**
 * The client's address for rate limits. X-Forwarded-For entries left of those our own proxies appended are written by
 * the client, so the address is taken TRUSTED_PROXY_HOPS entries from the right (Next itself fills the header with
 * the socket address when no proxy sent one).
 */
export function clientIp(req: Request, hops: number = env().TRUSTED_PROXY_HOPS): string {
  const entries = (req.headers.get('x-forwarded-for') ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return 'unknown';
  return entries[Math.max(0, entries.length - Math.max(1, hops))]!;
}
