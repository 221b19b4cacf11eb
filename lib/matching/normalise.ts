// Name normalisation: NFC, upper case, separators to spaces, and the spelling variants
// (ICAO 9303 transliteration, plain diacritic stripping) under which two name tokens count as equal.

// DESIGN.md lists - ' ’ . , ; the extra code points are the same marks as they arrive from
// phones and word processors (hyphen, non-breaking hyphen, dashes, modifier apostrophe, accents).
const SEPARATORS = /[-'’.,\u2010\u2011\u2013\u2014\u2018\u02BC\u00B4`]/gu;
// Invisible format characters (soft hyphen, zero-width space/joiners) come in with copy-paste.
const FORMAT_CHARACTERS = /\p{Cf}/gu;

export function normaliseName(s: string): string {
  return String(s)
    .normalize('NFC')
    .replace(FORMAT_CHARACTERS, '')
    .toUpperCase()
    .normalize('NFC')
    .replace(SEPARATORS, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

// ICAO Doc 9303 part 3 transliterations that differ from dropping the accent.
const ICAO: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Å: 'AA',
  Æ: 'AE',
  Ö: 'OE',
  Ø: 'OE',
  Ü: 'UE',
  ẞ: 'SS',
  Þ: 'TH',
  Ð: 'D',
  Œ: 'OE',
  Ĳ: 'IJ',
};

// Letters that carry no combining mark under NFD and so survive plain stripping.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  Ø: 'O',
  Æ: 'AE',
  Œ: 'OE',
  ẞ: 'SS',
  Þ: 'TH',
  Ð: 'D',
  Đ: 'D',
  Ł: 'L',
  Ħ: 'H',
  Ŧ: 'T',
  Ĳ: 'IJ',
};

function mapLetters(s: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of s) out += table[ch] ?? ch;
  return out;
}

/** Plain diacritic stripping: Ø→O, Å→A, É→E … on an already normalised name. */
export function stripDiacritics(s: string): string {
  return mapLetters(s, UNDECOMPOSABLE)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** ICAO 9303 transliteration (Ä→AE, Å→AA, Ø→OE …), other accents dropped. */
export function icaoTransliterate(s: string): string {
  return stripDiacritics(mapLetters(s, ICAO));
}

/** The spellings a normalised name or token may stand for; two are equal if any spelling is shared. */
export function spellingVariants(s: string): string[] {
  return [...new Set([s, icaoTransliterate(s), stripDiacritics(s)])];
}

const PARTICLES = new Set(['VAN', 'VON', 'DER', 'DE', 'DA', 'DI', 'DEL', 'LA', 'LE']);

export function isParticle(token: string): boolean {
  return PARTICLES.has(stripDiacritics(token));
}
