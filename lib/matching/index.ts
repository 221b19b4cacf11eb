// Public surface of lib/matching: CPR parsing and the eID ↔ CPR register match decision.
// Pure (no I/O, no server-only) because the client form uses parseCpr and the caseworker UI compareNames.

export { parseCpr, maskedCpr, CPR_PARSE_ERRORS, type CprParseError, type ParsedCpr } from './cpr';
export { decideMatch, findLookAlikes } from './decide';
export { isIsoDate } from './calendar';
export { MATCH_REASONS, type MatchReason } from './reasons';
export { compareNames, namesAgree } from './compare-names';
export { normaliseName } from './normalise';
export { jaroWinkler } from './jaro-winkler';
export type {
  CprRecord,
  CprStatus,
  Decision,
  EidIdentity,
  LevelOfAssurance,
  MatchDecision,
} from './types';
