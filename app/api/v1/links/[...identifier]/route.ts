import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { handle, readJson } from '@/lib/http';
import { errorTranslator } from '@/lib/i18n/server';
import { lookupLink, revokeLink } from '@/lib/linking';
import { personIdentifierFrom, requireRelyingParty, requireRevoker } from '@/lib/linking/links-api';
import { z } from '@/lib/validation';

const noStore = { 'Cache-Control': 'no-store' };
const revokeSchema = z.object({ reason: z.string().trim().max(500).optional() }).strict();

/** A 401 names the scheme it wants (RFC 6750). */
function withBearerChallenge(handler: (req: NextRequest, ctx: unknown) => Promise<Response>) {
  return async (req: NextRequest, ctx: unknown) => {
    const res = await handler(req, ctx);
    if (res.status === 401) res.headers.set('WWW-Authenticate', 'Bearer realm="identity-matching"');
    return res;
  };
}

/** A relying party asks whether an eID person identifier is linked (and, when allowed, to which CPR number). */
async function lookup(req: NextRequest): Promise<Response> {
  const db = getDb();
  const party = await requireRelyingParty(db, req);
  const personIdentifier = personIdentifierFrom(req);
  const answer = await lookupLink(db, party, personIdentifier);
  if (!answer) {
    const t = errorTranslator(req);
    return NextResponse.json({ linked: false, error: { code: 'NOT_FOUND', message: t('linkNotFound') } }, { status: 404, headers: noStore });
  }
  return NextResponse.json(answer, { headers: noStore });
}

/** Revokes the identifier's active link: a relying party with the right to revoke, or an admin. */
async function revoke(req: NextRequest): Promise<Response> {
  const db = getDb();
  const actor = await requireRevoker(db, req);
  const personIdentifier = personIdentifierFrom(req);
  const hasBody = Number(req.headers.get('content-length') ?? '0') > 0 || req.headers.has('content-type');
  const { reason } = hasBody ? await readJson(req, revokeSchema, 2048) : { reason: undefined };
  const revoked = await revokeLink(db, personIdentifier, actor, reason ?? null);
  if (!revoked) throw notFound('linkNotFound');
  return NextResponse.json({ revoked: true, personIdentifier, revokedAt: revoked.revokedAt }, { headers: noStore });
}

export const GET = withBearerChallenge(handle(lookup));
export const DELETE = withBearerChallenge(handle(revoke));
