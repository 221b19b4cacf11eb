// Jaro–Winkler string similarity (0 = nothing shared, 1 = identical), used only to route
// near-miss names to a caseworker; it never decides a match on its own.

// Names longer than this are not real names; truncating bounds the quadratic work on hostile input,
// and can only weaken a similarity hint that at most sends a case to a human.
const MAX_CODE_POINTS = 256;
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;
const BOOST_THRESHOLD = 0.7;

export function jaroWinkler(a: string, b: string): number {
  const s = Array.from(a).slice(0, MAX_CODE_POINTS);
  const t = Array.from(b).slice(0, MAX_CODE_POINTS);
  // Empty names are similar to nothing: an absent name must never look like a near miss.
  if (s.length === 0 || t.length === 0) return 0;

  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sMatched: boolean[] = new Array<boolean>(s.length).fill(false);
  const tMatched: boolean[] = new Array<boolean>(t.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    const hi = Math.min(i + window + 1, t.length);
    for (let j = Math.max(0, i - window); j < hi; j++) {
      if (tMatched[j] || s[i] !== t[j]) continue;
      sMatched[i] = true;
      tMatched[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;

  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k++;
    if (s[i] !== t[k]) halfTranspositions++;
    k++;
  }
  const transpositions = halfTranspositions / 2;
  const jaro = (matches / s.length + matches / t.length + (matches - transpositions) / matches) / 3;
  if (jaro <= BOOST_THRESHOLD) return jaro;

  let prefix = 0;
  while (prefix < MAX_PREFIX && prefix < s.length && prefix < t.length && s[prefix] === t[prefix]) prefix++;
  return jaro + prefix * PREFIX_SCALE * (1 - jaro);
}
