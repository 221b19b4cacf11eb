// Structured JSON logging (pino). Personal data never reaches a log line: known secret fields are redacted, a failed
// database query is logged by its error code and statement name only, and any CPR-like digit run is masked.
import pino from 'pino';

const CPR_LIKE = /(?<!\d)\d{2}\s?\d{2}\s?\d{2}\s?[-–]?\s?\d{4}(?!\d)/;
// A row id (UUID) can hold ten digits in a row; it is matched first and kept whole, so it stays readable in the log.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const MASKED = new RegExp(`(${UUID.source})|${CPR_LIKE.source}`, 'gi');

export function maskCpr(text: string): string {
  return text.replace(MASKED, (match, uuid: string | undefined) => (uuid ? match : '[cpr]'));
}

type ErrorLike = Error & { code?: unknown; severity?: unknown; query?: unknown; params?: unknown; constraint_name?: unknown; table_name?: unknown; column_name?: unknown };

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** "insert applications", "update users", "select rate_limits": what the statement did to which table, without any value. */
export function statementName(query: string): string {
  const text = query.replace(/\s+/g, ' ').trim().toLowerCase();
  const verb = /^(with|select|insert|update|delete)\b/.exec(text)?.[1] ?? 'query';
  const table =
    (verb === 'insert' && /^insert into "?([\w.]+)"?/.exec(text)?.[1]) ||
    (verb === 'update' && /^update "?([\w.]+)"?/.exec(text)?.[1]) ||
    /\bfrom "?([\w.]+)"?/.exec(text)?.[1] ||
    '';
  return table ? `${verb} ${table}` : verb;
}

/** drizzle's wrapper (DrizzleQueryError: the SQL, its parameters, the driver's error as cause); duck-typed, as bundling renames classes. */
const isDrizzleQueryError = (e: ErrorLike) => typeof e.query === 'string' && Array.isArray(e.params);

function isDatabaseError(e: ErrorLike): boolean {
  return isDrizzleQueryError(e) || e.name === 'PostgresError' || (typeof e.code === 'string' && SQLSTATE.test(e.code) && 'severity' in e);
}

/**
 * What a log line may say about an error. A database error carries its query's parameters (names, birth dates, emails,
 * document numbers) in drizzle's message, and values in PostgreSQL's message and detail ("Key (email)=(…)"): it is
 * logged as its SQLSTATE code, the statement's name and the constraint, table and column it names, nothing else.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: typeof error === 'string' ? error : 'non-error thrown' };
  const e = error as ErrorLike;
  if (isDatabaseError(e)) {
    const pg = (isDrizzleQueryError(e) && e.cause instanceof Error ? e.cause : e) as ErrorLike;
    return {
      type: 'DatabaseError',
      code: typeof pg.code === 'string' ? pg.code : undefined,
      query: typeof e.query === 'string' ? statementName(e.query) : typeof pg.query === 'string' ? statementName(pg.query) : undefined,
      constraint: typeof pg.constraint_name === 'string' ? pg.constraint_name : undefined,
      table: typeof pg.table_name === 'string' ? pg.table_name : undefined,
      column: typeof pg.column_name === 'string' ? pg.column_name : undefined,
    };
  }
  return {
    type: e.name,
    message: e.message,
    stack: e.stack,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(e.cause !== undefined ? { cause: loggableError(e.cause) } : {}),
  };
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
  serializers: { err: loggableError },
  redact: {
    paths: ['cpr', '*.cpr', 'password', '*.password', 'token', '*.token', 'apiKey', '*.apiKey', 'authorization', '*.authorization', 'cookie', '*.cookie'],
    censor: '[redacted]',
  },
  hooks: {
    streamWrite: (line) => maskCpr(line),
  },
});
