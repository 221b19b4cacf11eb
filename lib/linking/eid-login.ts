// Starting the journey and the eID login, and completing it at the callback: the identity is verified by the broker,
// stored, tied to the journey, and an identifier that is already linked goes straight back to where it came from.
// A login started from /connection uses the same path and ends in the person's own session instead of the match.
import type { Db } from '@/lib/db';
import { getEidBroker, LoginRefused, newLoginRequest } from '@/lib/identity';
import { openConnectionSession } from '@/lib/connection/session';
import { createJourney, endJourney, findJourney, updateJourney, type Journey } from '@/lib/journey';
import { recordAttempt } from './attempts';
import { recordEidIdentity } from './identities';
import { beginLogin, consumeLogin, journeyState, mergeJourneyState } from './journey-state';
import { takeLoginStart } from './limits';
import { findActiveLink } from './links';
import { relyingPartyForReturnTo } from './relying-parties';

/** Where the applicant goes once linked: the relying party they came from, else our own confirmation page. */
export function destinationAfterLink(journey: Pick<Journey, 'returnTo'>): string {
  return journey.returnTo ?? '/connect/done';
}

export type StartResult = { ok: true; journeyId: string; loginUrl: URL } | { ok: false; reason: 'returnTo' | 'limited' };

export const CONNECTION_PATH = '/connection';

export async function startEidLogin(db: Db, input: { country: string; returnTo?: string; ip: string; purpose?: 'connection' }): Promise<StartResult> {
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
  if (input.purpose) await mergeJourneyState(db, journey.id, { purpose: input.purpose });
  await beginLogin(db, journey.id, 'eid', request);
  return { ok: true, journeyId: journey.id, loginUrl };
}

export type EidLoginOutcome = { to: string; connectionSessionId?: string };

/**
 * Where to continue, and for a login from /connection the person's new session (the journey, which did its job,
 * ends, so a shared device keeps no journey with this eID). Throws LoginRefused for a callback that does not answer
 * this journey's login.
 */
export async function completeEidLogin(db: Db, journeyId: string, callback: URL): Promise<EidLoginOutcome> {
  const pending = await consumeLogin(db, journeyId, 'eid', callback.searchParams.get('state') ?? '');
  if (!pending) throw new LoginRefused('state', 'no eID login in flight for this state');
  const eid = await getEidBroker().complete(callback, pending);
  const identity = await recordEidIdentity(db, eid);
  const journey = await findJourney(db, journeyId);
  if (journey && journeyState(journey).purpose === 'connection') {
    await endJourney(db, journeyId);
    // The page shows a person's CPR number (masked), applications and emails, and removes links: not on a low login.
    if (identity.levelOfAssurance === 'low') return { to: `${CONNECTION_PATH}?error=assurance` };
    return { to: CONNECTION_PATH, connectionSessionId: await openConnectionSession(db, identity) };
  }
  await updateJourney(db, journeyId, { eidIdentityId: identity.id, country: identity.country });
  if (await findActiveLink(db, identity.personIdentifier)) {
    await recordAttempt(db, { identity, method: 'auto', outcome: 'already_linked', reasons: [] });
    return { to: destinationAfterLink(journey ?? { returnTo: null }) };
  }
  return { to: '/connect' };
}
