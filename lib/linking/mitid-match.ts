// The MitID match: after an automatic match that did not link, MitID tells us whose CPR number the applicant holds.
// It links (method mitid) only when that CPR number is the one typed, MitID is at least substantial, and the rules,
// applied to the eID and that CPR number's register record, say `match` or `manual`: MitID proves who holds the CPR
// number, not that the foreign eID is the same person. Anything else → the manual application, never a link.
import type { Db } from '@/lib/db';
import { getMitidBroker, LoginRefused, newLoginRequest } from '@/lib/identity';
import { findJourney, type Journey } from '@/lib/journey';
import type { Locale } from '@/lib/i18n/config';
import { getRegister, type CprRegister } from '@/lib/register';
import { blindIndex, decryptJson, safeEqual } from '@/lib/security/crypto';
import { recordAttempt } from './attempts';
import { journeyIdentity } from './auto-match';
import { destinationAfterLink } from './eid-login';
import { beginLogin, consumeLogin, journeyState, mergeJourneyState } from './journey-state';
import { mitidAttemptsLeft, takeAttempt } from './limits';
import { createLink, findActiveLink } from './links';
import { toEidIdentity } from './identities';
import { decideAgainstRegister } from './register-decision';

/** Added to the journey's matchReasons for the caseworker when MitID named another CPR number than the one typed. */
export const MITID_DIFFERS_REASON = 'mitid_cpr_differs';

export type Typed = { cpr: string; email: string };

export function typedOnJourney(journey: Pick<Journey, 'typedEnc'>): Typed | null {
  return journey.typedEnc ? decryptJson<Typed>(journey.typedEnc) : null;
}

export type MitidStart = { ok: true; loginUrl: URL } | { ok: false; next: string };

/** An eID below `substantial` never links without a caseworker, whatever MitID says (the same gate as decideMatch). */
export const LOA_REASON = 'loa_below_substantial';
/** Added for the caseworker when the MitID login itself was below substantial. */
export const MITID_LOA_REASON = 'mitid_loa_below_substantial';
/** Added for the caseworker when MitID confirmed the CPR number but the rules say the eID is not that person. */
export const MITID_RULES_REASON = 'mitid_rules_no_match';

/**
 * Whether a MitID login sent this journey on to the manual application (it named another CPR number, was too weak, or
 * the rules said no): the application's first step then says, in neutral words, why a caseworker will look.
 */
export function sentOnByMitid(journey: Pick<Journey, 'state'>): boolean {
  const reasons = journeyState(journey).matchReasons ?? [];
  return reasons.some((r) => r === MITID_DIFFERS_REASON || r === MITID_LOA_REASON || r === MITID_RULES_REASON);
}

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
export async function completeMitidLogin(db: Db, journeyId: string, callback: URL, context: { ip: string; locale: Locale; register?: CprRegister }): Promise<string> {
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
  const cprIndex = blindIndex(typed.cpr);
  const toManual = async (outcome: 'manual' | 'no_match' | 'mitid_mismatch', why: string[]) => {
    const reasons = [...new Set([...(journeyState(journey!).matchReasons ?? []), ...why])];
    await db.transaction(async (tx) => {
      await recordAttempt(tx, { identity, method: 'mitid', outcome, reasons: why, cprIndex });
      await mergeJourneyState(tx, journeyId, { matchReasons: reasons });
    });
    return '/apply';
  };
  if (tooWeak(mitid)) return toManual('manual', [MITID_LOA_REASON]);
  if (!safeEqual(mitid.cpr, typed.cpr)) return toManual('mitid_mismatch', [MITID_DIFFERS_REASON]);
  const { decision } = await decideAgainstRegister(context.register ?? getRegister(db), toEidIdentity(identity), typed.cpr);
  if (decision.decision === 'no_match') return toManual('no_match', [...decision.reasons, MITID_RULES_REASON]);
  await createLink(db, { identity, cpr: typed.cpr, method: 'mitid', reasons: decision.reasons, email: typed.email, locale: context.locale });
  return destinationAfterLink(journey!);
}
