// Starting the journey and the eID login, and completing it at the callback: the identity is verified by the broker,
// stored, tied to the journey, and an identifier that is already linked goes straight back to where it came from.
import type { Db } from '@/lib/db';
import { getEidBroker, LoginRefused, newLoginRequest } from '@/lib/identity';
import { createJourney, findJourney, updateJourney, type Journey } from '@/lib/journey';
import { recordAttempt } from './attempts';
import { recordEidIdentity } from './identities';
import { beginLogin, consumeLogin } from './journey-state';
import { takeLoginStart } from './limits';
import { findActiveLink } from './links';
import { relyingPartyForReturnTo } from './relying-parties';

/** Where the applicant goes once linked: the relying party they came from, else our own confirmation page. */
export function destinationAfterLink(journey: Pick<Journey, 'returnTo'>): string {
  return journey.returnTo ?? '/connect/done';
}

export type StartResult = { ok: true; journeyId: string; loginUrl: URL } | { ok: false; reason: 'returnTo' | 'limited' };

export async function startEidLogin(db: Db, input: { country: string; returnTo?: string; ip: string }): Promise<StartResult> {
  let relyingPartyId: string | null = null;
  if (input.returnTo) {
    const party = await relyingPartyForReturnTo(db, input.returnTo);
    if (!party) return { ok: false, reason: 'returnTo' };
    relyingPartyId = party.id;
  }
  if (!(await takeLoginStart(db, input.ip))) return { ok: false, reason: 'limited' };
  const request = newLoginRequest(input.country);
  const loginUrl = await getEidBroker().authorizationUrl(request);
  const journey = await createJourney(db, { country: input.country, returnTo: input.returnTo ?? null, relyingPartyId });
  await beginLogin(db, journey.id, 'eid', request);
  return { ok: true, journeyId: journey.id, loginUrl };
}

/** Returns the path to continue at. Throws LoginRefused for a callback that does not answer this journey's login. */
export async function completeEidLogin(db: Db, journeyId: string, callback: URL): Promise<string> {
  const pending = await consumeLogin(db, journeyId, 'eid', callback.searchParams.get('state') ?? '');
  if (!pending) throw new LoginRefused('state', 'no eID login in flight for this state');
  const eid = await getEidBroker().complete(callback, pending);
  const identity = await recordEidIdentity(db, eid);
  await updateJourney(db, journeyId, { eidIdentityId: identity.id, country: identity.country });
  const journey = await findJourney(db, journeyId);
  if (await findActiveLink(db, identity.personIdentifier)) {
    await recordAttempt(db, { identity, method: 'auto', outcome: 'already_linked', reasons: [] });
    return destinationAfterLink(journey ?? { returnTo: null });
  }
  return '/connect';
}
