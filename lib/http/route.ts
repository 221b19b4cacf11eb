// The one door of a route handler: route({ who, sameOrigin, schema, form, limit, fail }, handler) checks, in this
// order, that a demo-only route is in demo mode, that a browser post comes from our own pages, who is asking (the
// journey behind its cookie, the applicant's journey with an eID login, the status-link session, the person's
// connection session, a staff role, a relying party's API key, or whoever may revoke a link), and the bounded body
// (validated JSON, or a small form); then it calls the handler. Every failure becomes the translated 4xx of
// lib/errors (handle()), or, for a browser route that answers with redirects, the response its `fail` chooses.
// A new route cannot forget a check it declares.
import type { NextRequest, NextResponse } from 'next/server';
import { requireApplicantJourney, type ApplicantJourney } from '@/lib/applications/access';
import { requireStatusSession } from '@/lib/applications/status-token';
import type { Capability, Staff } from '@/lib/auth';
import { requireConnectionSession, type ConnectionSession } from '@/lib/connection/session';
import type { Actor } from '@/lib/audit';
import { getDb, type Db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError, notFound } from '@/lib/errors';
import { journeyIdentity } from '@/lib/linking/auto-match';
import { requireRelyingParty, requireRevoker } from '@/lib/linking/links-api';
import type { RelyingParty } from '@/lib/linking/relying-parties';
import { requestJourney, type Journey } from '@/lib/journey';
import type { z } from '@/lib/validation';
import { assertSameOrigin, DEFAULT_JSON_LIMIT, handle, readForm, readJson } from './index';

/**
 * Who may call: anyone, the journey behind its cookie (any step), the journey once its eID login is verified (401
 * otherwise), the applicant's journey (with an eID login; 403 without), the
 * status-link session, the person's own connection session, staff with a capability, a relying party (API key), or
 * whoever may revoke a link (a relying party with the right, or an admin).
 */
export type Who = 'anyone' | 'journey' | 'eid' | 'applicant' | 'status' | 'connection' | 'relying-party' | 'revoker' | { staff: Capability };

type Caller<W extends Who> = W extends 'journey' | 'eid'
  ? Journey
  : W extends 'applicant'
    ? ApplicantJourney
    : W extends 'status'
      ? { applicationId: string }
      : W extends 'connection'
        ? ConnectionSession
        : W extends 'relying-party'
          ? RelyingParty
          : W extends 'revoker'
            ? Actor
            : W extends { staff: Capability }
              ? Staff
              : null;

export type RouteOptions<W extends Who, S extends z.ZodType | undefined, R extends Response = Response> = {
  who: W;
  /** A demo-only route (the simulators): 404 outside demo mode, before any other check. */
  onlyInDemo?: boolean;
  /** Refuse a request made from another site (every state-changing browser request). */
  sameOrigin?: boolean;
  /** The JSON body's schema; without it (and without `form`) the handler reads the body itself (an upload). */
  schema?: S;
  /** The body is a small urlencoded or multipart form, read as plain strings (a form post without JavaScript). */
  form?: boolean;
  /** The JSON body's byte cap (default 64 KB). */
  limit?: number;
  /** A browser route answers a failure with a redirect: the response for an error, or undefined for the translated 4xx. */
  fail?: (error: unknown) => R | undefined;
};

export type RouteContext<W extends Who, S extends z.ZodType | undefined, P> = {
  req: NextRequest;
  db: Db;
  caller: Caller<W>;
  body: S extends z.ZodType ? z.output<S> : undefined;
  /** The form's fields when `form` is set (empty otherwise). */
  form: Record<string, string>;
  params: P;
};

async function requireJourney(db: Db, req: NextRequest): Promise<Journey> {
  const journey = await requestJourney(db, req);
  if (!journey) throw new AppError('UNAUTHENTICATED');
  return journey;
}

async function callerOf(who: Who, db: Db, req: NextRequest): Promise<unknown> {
  if (who === 'anyone') return null;
  if (who === 'journey') return requireJourney(db, req);
  if (who === 'eid') {
    const journey = await requestJourney(db, req);
    await journeyIdentity(db, journey);
    return journey;
  }
  if (who === 'applicant') return requireApplicantJourney(db, req);
  if (who === 'status') return { applicationId: await requireStatusSession(db, req) };
  if (who === 'connection') return requireConnectionSession(db, req);
  if (who === 'relying-party') return requireRelyingParty(db, req);
  if (who === 'revoker') return requireRevoker(db, req);
  // Loaded only for staff: the relying parties' and the journey's routes stay free of next-auth.
  const { requireStaff } = await import('@/lib/auth');
  return requireStaff(who.staff, req);
}

export function route<W extends Who, S extends z.ZodType | undefined = undefined, P = Record<string, never>, R extends Response = Response>(
  options: RouteOptions<W, S, R>,
  handler: (ctx: RouteContext<W, S, P>) => Promise<R>,
): (req: NextRequest, ctx?: { params: Promise<P> }) => Promise<R | NextResponse> {
  const checked = async (req: NextRequest, ctx?: { params: Promise<P> }) => {
    if (options.onlyInDemo && !env().isDemo) throw notFound();
    if (options.sameOrigin) assertSameOrigin(req);
    const db = getDb();
    const caller = (await callerOf(options.who, db, req)) as Caller<W>;
    const body = (options.schema ? await readJson(req, options.schema, options.limit ?? DEFAULT_JSON_LIMIT) : undefined) as RouteContext<W, S, P>['body'];
    const form = options.form ? await readForm(req) : {};
    const params = ((await ctx?.params) ?? {}) as P;
    return handler({ req, db, caller, body, form, params });
  };
  // handle() answers either what the handler (or fail) returned, or its own error response.
  type Answered = (req: NextRequest, ctx?: { params: Promise<P> }) => Promise<R | NextResponse>;
  const { fail } = options;
  if (!fail) return handle(checked) as Answered;
  return handle(async (req: NextRequest, ctx?: { params: Promise<P> }) => {
    try {
      return await checked(req, ctx);
    } catch (error) {
      const answer = fail(error);
      if (answer) return answer;
      throw error;
    }
  }) as Answered;
}
