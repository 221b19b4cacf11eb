// The links API's request rules: who is asking (a relying party's API key; an admin for revocation), and the
// person identifier, which contains slashes and may arrive URL-encoded as one segment or as the remaining path.
import type { NextRequest } from 'next/server';
import type { Actor } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { AppError, invalidInput } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http';
import { enforce } from '@/lib/security/rate-limit';
import { relyingPartyForApiKey, type RelyingParty } from './relying-parties';

const PREFIX = '/api/v1/links/';

/** "DE/DK/123" from /api/v1/links/DE%2FDK%2F123 and from /api/v1/links/DE/DK/123 alike. */
export function personIdentifierFrom(req: NextRequest): string {
  const path = req.nextUrl.pathname;
  const at = path.indexOf(PREFIX);
  const raw = at >= 0 ? path.slice(at + PREFIX.length) : '';
  let id: string;
  try {
    id = raw.split('/').map((s) => decodeURIComponent(s)).join('/');
  } catch {
    throw invalidInput({ personIdentifier: ['invalid'] });
  }
  // eIDAS identifiers are printable ASCII: "XX/YY/" and the issuing state's own part.
  if (id.length < 3 || id.length > 256 || !/^[\x21-\x7e]+$/.test(id)) throw invalidInput({ personIdentifier: ['invalid'] });
  return id;
}

export function hasBearer(req: NextRequest): boolean {
  return /^Bearer\s/i.test(req.headers.get('authorization') ?? '');
}

/** The calling relying party; 401 without a valid key. A look-up counts against the party's limit in lookupLink. */
export async function requireRelyingParty(db: Db, req: NextRequest): Promise<RelyingParty> {
  const party = await relyingPartyForApiKey(db, req.headers.get('authorization'));
  if (!party) throw new AppError('UNAUTHENTICATED', 'apiKeyInvalid');
  return party;
}

/** Auth.js keeps the staff session in this cookie (with a __Secure- prefix over https). */
function hasStaffSessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some((c) => /(^|\.)authjs\.session-token$/.test(c.name));
}

/**
 * Who may revoke: a relying party with the right to (API key), or a signed-in admin (staff session, same origin).
 * 401 without either, 403 for a party or staff member without the right.
 */
export async function requireRevoker(db: Db, req: NextRequest): Promise<Actor> {
  if (hasBearer(req) || !hasStaffSessionCookie(req)) {
    const party = await requireRelyingParty(db, req);
    await enforce(db, `links:revoke:${party.id}`, party.lookupsPerMinute, 60);
    if (!party.canRevoke) throw new AppError('FORBIDDEN');
    return { type: 'relying_party', id: party.id };
  }
  assertSameOrigin(req);
  // Loaded only for staff: the relying parties' path (and its tests) stays free of next-auth.
  const { requireStaff } = await import('@/lib/auth');
  const staff = await requireStaff('admin');
  return { type: 'staff', id: staff.id };
}
