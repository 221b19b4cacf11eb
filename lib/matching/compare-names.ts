// Field-level name agreement for the caseworker's side-by-side view, using exactly the
// normalisation and token equality that decideMatch uses.

import { dropParticles, joinCompounds, tokenise, tokensEqual, type Token } from './name-tokens';

function sameSequence(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((t, i) => {
    const u = b[i];
    return u !== undefined && tokensEqual(t, u);
  });
}

/** Two whole name strings agree when their tokens are equal in order (case, accents, hyphens, joins aside). */
export function namesAgree(a: string, b: string): boolean {
  const rawA = tokenise(a);
  const rawB = tokenise(b);
  if (rawA.length === 0 || rawB.length === 0) return false;
  const ta = joinCompounds(rawA, rawB).tokens;
  const tb = joinCompounds(rawB, rawA).tokens;
  return sameSequence(ta, tb) || sameSequence(dropParticles(ta), dropParticles(tb));
}

export function compareNames(a: string, b: string): 'agree' | 'differ' {
  return namesAgree(a, b) ? 'agree' : 'differ';
}
