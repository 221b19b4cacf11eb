// Names as the caseworker queue searches them: the matching rules' normalisation (NFC, upper case, separators to
// spaces) and spelling variants (ICAO 9303 transliteration, diacritics stripped), so "dvorak" finds Dvořák.

import { icaoTransliterate, normaliseName, stripDiacritics } from './normalise';

const accentFree = (s: string) => [...new Set([icaoTransliterate(s), stripDiacritics(s)])];

/**
 * The stored search text of an applicant's name: each variant of the full name, and of the family name written
 * together (O'Brien → OBRIEN), separated by " | " and opened by a space, so that a search matches at any word start
 * with one `LIKE '% TERM%'` on a trigram index.
 */
export function nameSearchKey(givenNames: string, familyName: string): string {
  const full = normaliseName(`${givenNames} ${familyName}`);
  const family = normaliseName(familyName);
  const compact = family.includes(' ') ? accentFree(family.replaceAll(' ', '')) : [];
  return ` ${[...new Set([...accentFree(full), ...compact])].join(' | ')}`;
}

/** What a typed search looks for: its accent-free spellings ("Müller" → MULLER, MUELLER); none for punctuation only. */
export function nameSearchTerms(q: string): string[] {
  const normalised = normaliseName(q);
  return normalised === '' ? [] : accentFree(normalised);
}
