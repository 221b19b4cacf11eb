// The relying parties: where an applicant may be sent back to (exact origin + path from the allow-list), and which
// party an API key belongs to (keys are stored as sha256 only). Keys are checked against a short-lived in-process
// cache, so a look-up costs no database round trip for the key; a revoked or deactivated key stops working within
// API_KEY_CACHE_MS on every instance.
import { and, eq } from 'drizzle-orm';
import { relyingParties } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import { sha256 } from '@/lib/security/crypto';

export type RelyingParty = Pick<typeof relyingParties.$inferSelect, 'id' | 'name' | 'canSeeCpr' | 'canRevoke' | 'lookupsPerMinute'>;

const columns = {
  id: relyingParties.id,
  name: relyingParties.name,
  canSeeCpr: relyingParties.canSeeCpr,
  canRevoke: relyingParties.canRevoke,
  lookupsPerMinute: relyingParties.lookupsPerMinute,
};

/** How long a key's answer (a party, or none) is trusted without asking the database again. */
export const API_KEY_CACHE_MS = 10_000;
/** Bounds the cache's memory when someone sends many different wrong keys. */
const API_KEY_CACHE_MAX = 1000;
const keyCache = new Map<string, { party: RelyingParty | null; until: number }>();

function originAndPath(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return `${url.origin}${url.pathname}`;
}

/**
 * The relying party whose allow-list holds exactly this origin and path, or null. The query may vary (a service's
 * own state); a different host, scheme, port or path never passes, so this can never become an open redirect.
 */
export async function relyingPartyForReturnTo(db: DbOrTx, returnTo: string): Promise<RelyingParty | null> {
  const wanted = originAndPath(returnTo);
  if (!wanted || returnTo.length > 2000) return null;
  const parties = await db
    .select({ ...columns, allowedReturnUrls: relyingParties.allowedReturnUrls })
    .from(relyingParties)
    .where(eq(relyingParties.active, true));
  const party = parties.find((p) => p.allowedReturnUrls.some((allowed) => originAndPath(allowed) === wanted));
  if (!party) return null;
  const { allowedReturnUrls: _ignored, ...rest } = party;
  return rest;
}

/** The active relying party holding this API key (from `Authorization: Bearer <key>`), or null. */
export async function relyingPartyForApiKey(db: DbOrTx, authorization: string | null): Promise<RelyingParty | null> {
  const match = /^Bearer\s+(\S{8,512})$/i.exec(authorization?.trim() ?? '');
  if (!match) return null;
  const hash = sha256(match[1]!);
  const now = Date.now();
  const cached = keyCache.get(hash);
  if (cached && cached.until > now) return cached.party;
  const [party] = await db
    .select(columns)
    .from(relyingParties)
    .where(and(eq(relyingParties.apiKeyHash, hash), eq(relyingParties.active, true)));
  if (keyCache.size >= API_KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(hash, { party: party ?? null, until: now + API_KEY_CACHE_MS });
  return party ?? null;
}
