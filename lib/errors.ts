// Domain errors with codes, mapped in one place to an HTTP status and a translated, safe message.
// The cause goes to the log; the user gets the code's message and, for bad input, the field errors.
import { NextResponse } from 'next/server';
import { z } from '@/lib/validation';
import { logger } from '@/lib/log';

export const errorStatus = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
/** Field name → message keys (from the `errors` and `validation` catalogues) or plain translated strings. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Key under `errors.` in the message catalogues; defaults to the code's generic message. */
    readonly messageKey: string = code,
    readonly details: { fields?: FieldErrors; [k: string]: unknown } = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${messageKey}`, options);
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const invalidInput = (fields: FieldErrors, messageKey = 'INVALID_INPUT') => new AppError('INVALID_INPUT', messageKey, { fields });
export const notFound = (messageKey = 'NOT_FOUND') => new AppError('NOT_FOUND', messageKey);
export const forbidden = (messageKey = 'FORBIDDEN') => new AppError('FORBIDDEN', messageKey);
export const conflict = (messageKey = 'CONFLICT', details: Record<string, unknown> = {}) => new AppError('CONFLICT', messageKey, details);

/** Turns a zod error into every field's messages (not only the first). */
export function fromZod(error: z.ZodError): AppError {
  const flat = z.flattenError(error);
  const fields: FieldErrors = { ...(flat.fieldErrors as FieldErrors) };
  if (flat.formErrors.length) fields._form = flat.formErrors;
  return invalidInput(fields);
}

// The database is unreachable or restarting (refused, dropped, shutting down, starting up): a moment's outage, not a
// bug. Answered 503 with Retry-After so clients and load balancers retry; the pool reconnects by itself.
const DB_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DB_UNAVAILABLE.has(code)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return fromZod(error);
  if (isDatabaseUnavailable(error)) return new AppError('UNAVAILABLE', 'UNAVAILABLE', { retryAfter: 5 }, { cause: error });
  return new AppError('INTERNAL', 'INTERNAL', {}, { cause: error });
}

type Translate = (key: string) => string;

/**
 * The one mapping from an error to what a client sees: status, code, translated message, field errors.
 * Unknown errors are logged with their cause and answered with a generic message.
 */
export function errorResponse(error: unknown, t: Translate, extraHeaders: Record<string, string> = {}): NextResponse {
  const e = toAppError(error);
  if (e.code === 'INTERNAL') logger.error({ err: e.cause ?? error }, 'unhandled error');
  else logger.info({ code: e.code, messageKey: e.messageKey }, 'request refused');
  const { fields, ...rest } = e.details;
  const safeDetails = Object.fromEntries(Object.entries(rest).filter(([k]) => k === 'retryAfter' || k === 'state' || k === 'step'));
  return NextResponse.json(
    {
      error: {
        code: e.code,
        message: t(e.messageKey),
        ...(fields ? { fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.map((m) => t(m))])) } : {}),
        ...safeDetails,
      },
    },
    {
      status: e.status,
      headers: { ...extraHeaders, ...(typeof rest.retryAfter === 'number' ? { 'Retry-After': String(rest.retryAfter) } : {}) },
    },
  );
}
