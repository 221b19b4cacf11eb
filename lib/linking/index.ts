// The automatic-match journey and the links it creates: eID login, CPR + email match, MitID match, attempt limits,
// relying parties (return URLs and API keys), and the link look-up and revocation behind /api/v1/links.
import 'server-only';

export { startEidLogin, completeEidLogin, destinationAfterLink, CONNECTION_PATH, type StartResult, type EidLoginOutcome } from './eid-login';
export { submitAutoMatch, journeyIdentity, MIN_ANSWER_MS, type AutoMatchResult } from './auto-match';
export { NOT_FOUND_REASON } from './register-decision';
export { startMitidLogin, completeMitidLogin, mitidAfterLimit, sentOnByMitid, typedOnJourney, MITID_DIFFERS_REASON } from './mitid-match';
export { findActiveLink, lookupLink, revokeLink, connectionPageUrl, REVOKED_BY_PERSON, type LinkAnswer } from './links';
export { relyingPartyForApiKey, relyingPartyForReturnTo, type RelyingParty } from './relying-parties';
export { autoAttemptsLeft, AUTO_ATTEMPTS_PER_IDENTITY } from './limits';
export { journeyState, type JourneyState } from './journey-state';
export { findEidIdentity } from './identities';
export { journeyView, type JourneyView } from './pages';
