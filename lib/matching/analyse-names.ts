// The name rules of DESIGN.md section 4: when names are equal enough to link automatically,
// when a caseworker must look (subset, order, birth/historical names, near misses), and when they differ.

import { jaroWinkler } from './jaro-winkler';
import {
  dropParticles,
  everyIn,
  joinCompounds,
  subsetRelation,
  tokenise,
  tokensEqual,
  type SubsetRelation,
  type Token,
} from './name-tokens';
import { normaliseName, spellingVariants } from './normalise';
import type { MatchReason } from './reasons';
import type { CprRecord, EidIdentity } from './types';

export type NameAnalysis = { decision: 'match' | 'manual' | 'no_match'; reasons: MatchReason[] };

// Longer than any real name: refuse to compare rather than spend quadratic work on it.
const MAX_NAME_LENGTH = 200;
const PART_SIMILARITY = 0.85;
const FULL_SIMILARITY = 0.92;

type Sides = {
  eidGiven: Token[];
  eidFamily: Token[];
  regGiven: Token[];
  regMiddle: Token[];
  regFamily: Token[];
  joined: boolean;
};

function buildSides(eid: EidIdentity, record: CprRecord): Sides {
  const eidGiven = tokenise(eid.givenNames);
  const eidFamily = tokenise(eid.familyName);
  const regGiven = tokenise(record.givenNames);
  const regMiddle = tokenise(record.middleName);
  const regFamily = tokenise(record.familyName);
  const eidAll = [...eidGiven, ...eidFamily];
  const regAll = [...regGiven, ...regMiddle, ...regFamily];
  const parts = [
    joinCompounds(eidGiven, regAll),
    joinCompounds(eidFamily, regAll),
    joinCompounds(regGiven, eidAll),
    joinCompounds(regMiddle, eidAll),
    joinCompounds(regFamily, eidAll),
  ] as const;
  return {
    eidGiven: parts[0].tokens,
    eidFamily: parts[1].tokens,
    regGiven: parts[2].tokens,
    regMiddle: parts[3].tokens,
    regFamily: parts[4].tokens,
    joined: parts.some((p) => p.joined),
  };
}

type Relation = SubsetRelation & { eid: Token[]; register: Token[]; withoutParticles: boolean };

/** Full-name subset relation, first as written, then with particles left out of the surnames. */
function relate(
  eidGiven: Token[],
  eidSurnames: Token[][],
  regGiven: Token[],
  regSurnames: Token[][],
): Relation | null {
  const eid = [...eidGiven, ...eidSurnames.flat()];
  const register = [...regGiven, ...regSurnames.flat()];
  const plain = subsetRelation(eid, register);
  if (plain) return { ...plain, eid, register, withoutParticles: false };
  const eidBare = [...eidGiven, ...eidSurnames.flatMap(dropParticles)];
  const registerBare = [...regGiven, ...regSurnames.flatMap(dropParticles)];
  const bare = subsetRelation(eidBare, registerBare);
  return bare ? { ...bare, eid: eidBare, register: registerBare, withoutParticles: true } : null;
}

function textsIn(part: readonly Token[], whole: readonly Token[]): boolean {
  return part.every((t) => whole.some((u) => u.text === t.text));
}

function similarity(a: string, b: string): number {
  let best = 0;
  for (const va of spellingVariants(normaliseName(a))) {
    for (const vb of spellingVariants(normaliseName(b))) best = Math.max(best, jaroWinkler(va, vb));
  }
  return best;
}

const joinNames = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined).join(' ');

export function analyseNames(eid: EidIdentity, record: CprRecord): NameAnalysis {
  const allNames = [
    eid.givenNames,
    eid.familyName,
    eid.birthName,
    record.givenNames,
    record.middleName,
    record.familyName,
    ...(record.historicalNames ?? []),
  ];
  if (allNames.some((n) => normaliseName(n ?? '').length > MAX_NAME_LENGTH)) {
    return { decision: 'manual', reasons: ['name_too_long'] };
  }

  const s = buildSides(eid, record);
  const partsPresent =
    s.eidGiven.length > 0 && s.eidFamily.length > 0 && s.regGiven.length > 0 && s.regFamily.length > 0;
  const familyAsWritten = s.regFamily.length > 0 && everyIn(s.regFamily, s.eidFamily);
  const familyOk = familyAsWritten || (s.regFamily.length > 0 && everyIn(dropParticles(s.regFamily), s.eidFamily));
  const [eidFirst] = s.eidGiven;
  const [regFirst] = s.regGiven;
  const firstGivenOk = eidFirst !== undefined && regFirst !== undefined && tokensEqual(eidFirst, regFirst);
  const relation = relate(s.eidGiven, [s.eidFamily], s.regGiven, [s.regMiddle, s.regFamily]);
  const enoughTokens = relation !== null && relation.sharedTokens >= 2;

  if (partsPresent && familyOk && firstGivenOk && relation && enoughTokens) {
    return { decision: 'match', reasons: matchReasons(eid, record, s, relation, familyAsWritten) };
  }

  const reasons: MatchReason[] = [];
  if (!partsPresent) reasons.push('name_part_missing');
  if (relation) {
    if (relation.direction === 'equal' && (!familyOk || !firstGivenOk)) reasons.push('name_token_order');
    if (relation.direction === 'eid_in_register') reasons.push('name_eid_subset');
    if (relation.direction === 'register_in_eid') reasons.push('name_register_subset');
    if (!familyOk) reasons.push('family_name_differs');
    if (!firstGivenOk) reasons.push('first_given_name_differs');
    if (!enoughTokens) reasons.push('too_few_name_tokens');
  } else {
    if (birthNameExplains(eid, s)) reasons.push('birth_name_explains');
    if (historicalNameExplains(record, s)) reasons.push('historical_name_explains');
  }

  const eidSurnameEqual = s.eidFamily.length > 0 && everyIn(dropParticles(s.eidFamily), [...s.regMiddle, ...s.regFamily]);
  const givenSimilarity = Math.max(
    similarity(eid.givenNames, record.givenNames),
    similarity(eidFirst?.text ?? '', regFirst?.text ?? ''),
  );
  if (!firstGivenOk && (familyOk || eidSurnameEqual) && givenSimilarity >= PART_SIMILARITY) {
    reasons.push('name_fuzzy_given');
  }
  const familySimilarity = Math.max(
    similarity(eid.familyName, record.familyName),
    similarity(eid.familyName, joinNames(record.middleName, record.familyName)),
  );
  if (firstGivenOk && !familyOk && familySimilarity >= PART_SIMILARITY) reasons.push('name_fuzzy_family');
  const fullSimilarity = similarity(
    joinNames(eid.givenNames, eid.familyName),
    joinNames(record.givenNames, record.middleName, record.familyName),
  );
  if (!relation && fullSimilarity >= FULL_SIMILARITY) reasons.push('name_fuzzy_full');

  const routesToManual = reasons.some((r) => r !== 'name_part_missing');
  return routesToManual
    ? { decision: 'manual', reasons }
    : { decision: 'no_match', reasons: [...reasons, 'name_differs'] };
}

function matchReasons(
  eid: EidIdentity,
  record: CprRecord,
  s: Sides,
  relation: Relation,
  familyAsWritten: boolean,
): MatchReason[] {
  const exact =
    normaliseName(eid.givenNames) === normaliseName(record.givenNames) &&
    normaliseName(eid.familyName) === normaliseName(joinNames(record.middleName, record.familyName));
  if (exact) return ['name_exact'];
  const reasons: MatchReason[] = ['name_equivalent'];
  const [smaller, larger] =
    relation.direction === 'register_in_eid' ? [relation.register, relation.eid] : [relation.eid, relation.register];
  if (!textsIn(smaller, larger)) reasons.push('name_transliterated');
  if (s.joined) reasons.push('name_compact');
  if (relation.withoutParticles || !familyAsWritten) reasons.push('name_particles_ignored');
  if (relation.direction === 'register_in_eid') reasons.push('name_register_subset');
  if (relation.direction === 'eid_in_register') reasons.push('name_eid_subset');
  return reasons;
}

/** The eID birth name, read as the family name at birth, accounts for the register's family name. */
function birthNameExplains(eid: EidIdentity, s: Sides): boolean {
  const registerAll = [...s.regGiven, ...s.regMiddle, ...s.regFamily];
  const birth = joinCompounds(tokenise(eid.birthName), registerAll).tokens;
  if (birth.length === 0) return false;
  const relation = relate(s.eidGiven, [birth], s.regGiven, [s.regMiddle, s.regFamily]);
  return (
    relation !== null &&
    relation.sharedTokens >= 2 &&
    everyIn(dropParticles(s.regFamily), [...s.eidGiven, ...birth])
  );
}

/** A former register name accounts for the eID's family name. */
function historicalNameExplains(record: CprRecord, s: Sides): boolean {
  const eidAll = [...s.eidGiven, ...s.eidFamily];
  return (record.historicalNames ?? []).some((name) => {
    const former = joinCompounds(tokenise(name), eidAll).tokens;
    if (former.length === 0) return false;
    const relation = relate(s.eidGiven, [s.eidFamily], s.regGiven, [former]);
    return relation !== null && relation.sharedTokens >= 2 && everyIn(dropParticles(s.eidFamily), former);
  });
}
