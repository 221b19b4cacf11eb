// The automatic-match journey and the links it creates: eID login, CPR + email match, MitID match, attempt limits,
// relying parties (return URLs and API keys), and the link look-up and revocation behind /api/v1/links.
import 'server-only';

export { startEidLogin, completeEidLogin, destinationAfterLink, type StartResult } from './eid-login';
export { submitAutoMatch, journeyIdentity, MIN_ANSWER_MS, NOT_FOUND_REASON, type AutoMatchResult } from './auto-match';
export { startMitidLogin, completeMitidLogin, mitidAfterLimit, typedOnJourney, MITID_DIFFERS_REASON } from './mitid-match';
export { findActiveLink, lookupLink, revokeLink, type LinkAnswer } from './links';
export { relyingPartyForApiKey, relyingPartyForReturnTo, type RelyingParty } from './relying-parties';
export { autoAttemptsLeft, AUTO_ATTEMPTS_PER_IDENTITY } from './limits';
export { journeyState, type JourneyState } from './journey-state';
export { findEidIdentity } from './identities';
export { journeyView, type JourneyView } from './pages';
