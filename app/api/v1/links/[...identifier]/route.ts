import { NextResponse, type NextRequest } from 'next/server';
import { notFound } from '@/lib/errors';
import { readJson } from '@/lib/http';
import { route } from '@/lib/http/route';
import { errorTranslator } from '@/lib/i18n/server';
import { lookupLink, revokeLink } from '@/lib/linking';
import { personIdentifierFrom } from '@/lib/linking/links-api';
import { z } from '@/lib/validation';

const noStore = { 'Cache-Control': 'no-store' };
const revokeSchema = z.object({ reason: z.string().trim().max(500).optional() }).strict();

/** A 401 names the scheme it wants (RFC 6750). */
type Params = { identifier: string[] };
function withBearerChallenge(handler: (req: NextRequest, ctx?: { params: Promise<Params> }) => Promise<Response>) {
  return async (req: NextRequest, ctx?: { params: Promise<Params> }) => {
    const res = await handler(req, ctx);
    if (res.status === 401) res.headers.set('WWW-Authenticate', 'Bearer realm="identity-matching"');
    return res;
  };
}

/**
 * A relying party asks whether an eID person identifier is linked (and, when allowed, to which CPR number). The
 * identifier is read from the path itself (it contains slashes and may arrive encoded), not from the params.
 */
const lookup = route<'relying-party', undefined, Params>({ who: 'relying-party' }, async ({ req, db, caller: party }) => {
  const personIdentifier = personIdentifierFrom(req);
  const answer = await lookupLink(db, party, personIdentifier);
  if (!answer) {
    const t = errorTranslator(req);
    return NextResponse.json({ linked: false, error: { code: 'NOT_FOUND', message: t('linkNotFound') } }, { status: 404, headers: noStore });
  }
  return NextResponse.json(answer, { headers: noStore });
});

/**
 * Revokes the identifier's active link: a relying party with the right to revoke, or an admin. The body is optional
 * (a DELETE may carry none), so it is read here, not declared as the door's schema.
 */
const revoke = route<'revoker', undefined, Params>({ who: 'revoker' }, async ({ req, db, caller: actor }) => {
  const personIdentifier = personIdentifierFrom(req);
  const hasBody = Number(req.headers.get('content-length') ?? '0') > 0 || req.headers.has('content-type');
  const { reason } = hasBody ? await readJson(req, revokeSchema, 2048) : { reason: undefined };
  const revoked = await revokeLink(db, personIdentifier, actor, reason ?? null);
  if (!revoked) throw notFound('linkNotFound');
  return NextResponse.json({ revoked: true, personIdentifier, revokedAt: revoked.revokedAt }, { headers: noStore });
});

export const GET = withBearerChallenge(lookup);
export const DELETE = withBearerChallenge(revoke);
