// The one door of a route handler: route({ who, sameOrigin, schema, limit }, handler) checks, in this order, that a
// browser post comes from our own pages, who is asking (the applicant's journey with an eID login, the status-link
// session, the person's connection session, or a staff role), and the bounded, validated JSON body; then it calls the handler. Every failure becomes the
// translated 4xx of lib/errors (handle()). A new route cannot forget a check it declares.
import type { NextRequest } from 'next/server';
import { requireApplicantJourney, type ApplicantJourney } from '@/lib/applications/access';
import { requireStatusSession } from '@/lib/applications/status-token';
import { requireStaff, type Capability, type Staff } from '@/lib/auth';
import { requireConnectionSession, type ConnectionSession } from '@/lib/connection/session';
import { getDb, type Db } from '@/lib/db';
import { assertSameOrigin } from '@/lib/linking/request';
import type { z } from '@/lib/validation';
import { DEFAULT_JSON_LIMIT, handle, readJson } from './index';

/**
 * Who may call: anyone, the applicant's journey (with an eID login), the status-link session, the person's own
 * connection session, or staff with a capability.
 */
export type Who = 'anyone' | 'applicant' | 'status' | 'connection' | { staff: Capability };

type Caller<W extends Who> = W extends 'applicant'
  ? ApplicantJourney
  : W extends 'status'
    ? { applicationId: string }
    : W extends 'connection'
      ? ConnectionSession
      : W extends { staff: Capability }
        ? Staff
        : null;

export type RouteOptions<W extends Who, S extends z.ZodType | undefined> = {
  who: W;
  /** Refuse a request made from another site (every state-changing browser request). */
  sameOrigin?: boolean;
  /** The JSON body's schema; without it the handler reads the body itself (an upload, a form). */
  schema?: S;
  /** The JSON body's byte cap (default 64 KB). */
  limit?: number;
};

export type RouteContext<W extends Who, S extends z.ZodType | undefined, P> = {
  req: NextRequest;
  db: Db;
  caller: Caller<W>;
  body: S extends z.ZodType ? z.output<S> : undefined;
  params: P;
};

async function callerOf(who: Who, db: Db, req: NextRequest): Promise<unknown> {
  if (who === 'anyone') return null;
  if (who === 'applicant') return requireApplicantJourney(db, req);
  if (who === 'status') return { applicationId: await requireStatusSession(db, req) };
  if (who === 'connection') return requireConnectionSession(db, req);
  return requireStaff(who.staff, req);
}

export function route<W extends Who, S extends z.ZodType | undefined = undefined, P = Record<string, never>>(
  options: RouteOptions<W, S>,
  handler: (ctx: RouteContext<W, S, P>) => Promise<Response>,
): (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response> {
  return handle(async (req: NextRequest, ctx: { params: Promise<P> }) => {
    if (options.sameOrigin) assertSameOrigin(req);
    const db = getDb();
    const caller = (await callerOf(options.who, db, req)) as Caller<W>;
    const body = (options.schema ? await readJson(req, options.schema, options.limit ?? DEFAULT_JSON_LIMIT) : undefined) as RouteContext<W, S, P>['body'];
    const params = ((await ctx?.params) ?? {}) as P;
    return handler({ req, db, caller, body, params });
  });
}
