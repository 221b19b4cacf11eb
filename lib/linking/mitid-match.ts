// The MitID match: after an automatic match that did not link, MitID tells us whose CPR number the applicant holds.
// Equal to the CPR number they typed → link (method mitid); different → the manual application, never a link.
import type { Db } from '@/lib/db';
import { getMitidBroker, LoginRefused, newLoginRequest } from '@/lib/identity';
import { findJourney, type Journey } from '@/lib/journey';
import type { Locale } from '@/lib/i18n/config';
import { blindIndex, decryptJson, safeEqual } from '@/lib/security/crypto';
import { recordAttempt } from './attempts';
import { journeyIdentity } from './auto-match';
import { destinationAfterLink } from './eid-login';
import { beginLogin, consumeLogin, journeyState, mergeJourneyState } from './journey-state';
import { mitidAttemptsLeft, takeAttempt } from './limits';
import { createLink, findActiveLink } from './links';

/** Added to the journey's matchReasons for the caseworker when MitID named another CPR number than the one typed. */
export const MITID_DIFFERS_REASON = 'mitid_cpr_differs';

export type Typed = { cpr: string; email: string };

export function typedOnJourney(journey: Pick<Journey, 'typedEnc'>): Typed | null {
  return journey.typedEnc ? decryptJson<Typed>(journey.typedEnc) : null;
}

export type MitidStart = { ok: true; loginUrl: URL } | { ok: false; next: string };

/** An eID below `substantial` never links without a caseworker, whatever MitID says (the same gate as decideMatch). */
export const LOA_REASON = 'loa_below_substantial';
const tooWeak = (identity: { levelOfAssurance: string }) => identity.levelOfAssurance !== 'substantial' && identity.levelOfAssurance !== 'high';

/**
 * Whether MitID can still link this journey after the automatic attempts ran out: the CPR number typed last is
 * there to compare with, the eID is strong enough, and MitID's own daily limit is not used up. MitID's answer is
 * then checked exactly as after a failed automatic match.
 */
export async function mitidAfterLimit(db: Db, journey: Pick<Journey, 'typedEnc'>, identity: { personIdentifier: string; levelOfAssurance: string }): Promise<boolean> {
  return Boolean(journey.typedEnc) && !tooWeak(identity) && (await mitidAttemptsLeft(db, identity.personIdentifier)) > 0;
}

export async function startMitidLogin(db: Db, journey: Journey | null): Promise<MitidStart> {
  const identity = await journeyIdentity(db, journey);
  const state = journeyState(journey!);
  if (await findActiveLink(db, identity.personIdentifier)) return { ok: false, next: destinationAfterLink(journey!) };
  if (state.autoOutcome === 'limited' && !(await mitidAfterLimit(db, journey!, identity))) return { ok: false, next: '/connect/limit' };
  if (state.autoOutcome === undefined || !journey!.typedEnc) return { ok: false, next: '/connect' };
  if (tooWeak(identity)) return { ok: false, next: '/apply' };
  const request = newLoginRequest();
  const loginUrl = await getMitidBroker().authorizationUrl(request);
  await beginLogin(db, journey!.id, 'mitid', request);
  return { ok: true, loginUrl };
}

/** Returns the path to continue at. Throws LoginRefused for a callback that does not answer this journey's login. */
export async function completeMitidLogin(db: Db, journeyId: string, callback: URL, context: { ip: string; locale: Locale }): Promise<string> {
  const pending = await consumeLogin(db, journeyId, 'mitid', callback.searchParams.get('state') ?? '');
  if (!pending) throw new LoginRefused('state', 'no MitID login in flight for this state');
  const journey = await findJourney(db, journeyId);
  const identity = await journeyIdentity(db, journey);
  const typed = typedOnJourney(journey!);
  if (!typed) throw new LoginRefused('state', 'nothing typed to compare with');
  const mitid = await getMitidBroker().complete(callback, pending);

  if (await findActiveLink(db, identity.personIdentifier)) return destinationAfterLink(journey!);
  if (!(await takeAttempt(db, 'mitid', identity.personIdentifier, context.ip))) {
    await recordAttempt(db, { identity, method: 'mitid', outcome: 'rate_limited', reasons: [] });
    await mergeJourneyState(db, journeyId, { autoOutcome: 'limited' });
    return '/connect/limit';
  }
  if (tooWeak(identity)) {
    await recordAttempt(db, { identity, method: 'mitid', outcome: 'manual', reasons: [LOA_REASON], cprIndex: blindIndex(typed.cpr) });
    return '/apply';
  }
  if (safeEqual(mitid.cpr, typed.cpr)) {
    await createLink(db, { identity, cpr: typed.cpr, method: 'mitid', reasons: [], email: typed.email, locale: context.locale });
    return destinationAfterLink(journey!);
  }
  const reasons = [...new Set([...(journeyState(journey!).matchReasons ?? []), MITID_DIFFERS_REASON])];
  await db.transaction(async (tx) => {
    await recordAttempt(tx, { identity, method: 'mitid', outcome: 'mitid_mismatch', reasons: [MITID_DIFFERS_REASON], cprIndex: blindIndex(typed.cpr) });
    await mergeJourneyState(tx, journeyId, { matchReasons: reasons });
  });
  return '/apply';
}
