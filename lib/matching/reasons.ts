// The stable machine codes decideMatch explains itself with; the UI translates them through the
// message catalogues, so a code, once shipped, is never renamed or reused for another meaning.

export const MATCH_REASONS = [
  // Gates, checked before names.
  'loa_below_substantial', // eID level of assurance is below substantial → manual
  'status_deceased', // register status deceased → no_match
  'status_annulled', // register status annulled → manual
  'status_changed', // register status changed (CPR replaced) → manual
  'status_disappeared', // register status disappeared → manual
  'status_unknown', // register status not one we know → manual
  'birth_date_differs', // birth dates differ → no_match
  'birth_date_invalid', // a birth date is not a real YYYY-MM-DD date → manual
  'gender_differs', // eID gender disagrees with the register sex → manual
  'register_ambiguous', // the eID would also match another person in the register (a look-alike) → manual
  // Names that match, and how.
  'name_exact', // identical after normalisation
  'name_equivalent', // the same person's name written differently (details follow)
  'name_transliterated', // equal only through ICAO transliteration or diacritic stripping
  'name_compact', // a split name equals a joined one (O NEILL = ONEILL)
  'name_particles_ignored', // equal once particles (van, de …) are left out
  'name_register_subset', // the register holds fewer name tokens than the eID
  'name_eid_subset', // the eID holds fewer name tokens than the register
  // Names a caseworker must compare.
  'name_token_order', // the same tokens in other roles or another order
  'family_name_differs', // a register family-name token is missing from the eID family name
  'first_given_name_differs', // the first given names differ
  'too_few_name_tokens', // fewer than two name tokens confirmed
  'name_part_missing', // a given or family name is empty on one side
  'name_too_long', // a name longer than any real name; not compared
  'birth_name_explains', // the eID birth name accounts for the difference
  'historical_name_explains', // a former register name accounts for the difference
  'name_fuzzy_given', // family names agree, given names are close (Jaro–Winkler ≥ 0.85)
  'name_fuzzy_family', // given names agree, family names are close (Jaro–Winkler ≥ 0.85)
  'name_fuzzy_full', // full names are close (Jaro–Winkler ≥ 0.92)
  // Names with nothing in common.
  'name_differs',
] as const;

export type MatchReason = (typeof MATCH_REASONS)[number];

/** Deduplicated, in the order of MATCH_REASONS, so equal inputs always explain themselves alike. */
export function orderReasons(reasons: Iterable<MatchReason>): MatchReason[] {
  const present = new Set(reasons);
  return MATCH_REASONS.filter((r) => present.has(r));
}
