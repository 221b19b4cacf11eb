// Name tokens and the set operations the matching rules are written in: token equality by shared
// spelling variant, joining of split compounds (O NEILL = ONEILL), particle dropping, subset tests.

import { isParticle, normaliseName, spellingVariants } from './normalise';

export type Token = { readonly text: string; readonly variants: readonly string[] };

export function toToken(text: string): Token {
  return { text, variants: spellingVariants(text) };
}

export function tokenise(name: string | undefined): Token[] {
  const normalised = normaliseName(name ?? '');
  return normalised === '' ? [] : normalised.split(' ').map(toToken);
}

export function tokensEqual(a: Token, b: Token): boolean {
  return a.variants.some((v) => b.variants.includes(v));
}

export function contains(tokens: readonly Token[], t: Token): boolean {
  return tokens.some((u) => tokensEqual(u, t));
}

/** Every token of `part` has an equal in `whole`. */
export function everyIn(part: readonly Token[], whole: readonly Token[]): boolean {
  return part.every((t) => contains(whole, t));
}

function distinctByText(tokens: readonly Token[]): Token[] {
  const seen = new Map<string, Token>();
  for (const t of tokens) if (!seen.has(t.text)) seen.set(t.text, t);
  return [...seen.values()];
}

/**
 * How many different tokens the two sides confirm to each other: a maximum one-to-one pairing of
 * equal tokens. Variant equality is not transitive (Ö = OE, Ö = O, OE ≠ O), so counting distinct
 * tokens on one side alone can both over- and under-count.
 */
export function pairedCount(a: readonly Token[], b: readonly Token[]): number {
  const left = distinctByText(a);
  const right = distinctByText(b);
  const partnerOf: (number | undefined)[] = new Array<number | undefined>(right.length).fill(undefined);
  const tryPair = (i: number, visited: boolean[]): boolean => {
    const t = left[i];
    if (!t) return false;
    for (let j = 0; j < right.length; j++) {
      const u = right[j];
      if (visited[j] || !u || !tokensEqual(t, u)) continue;
      visited[j] = true;
      const current = partnerOf[j];
      if (current === undefined || tryPair(current, visited)) {
        partnerOf[j] = i;
        return true;
      }
    }
    return false;
  };
  let paired = 0;
  for (let i = 0; i < left.length; i++) {
    if (tryPair(i, new Array<boolean>(right.length).fill(false))) paired++;
  }
  return paired;
}

// A compound is at most this many adjacent tokens ("VAN DER BERG" = "VANDERBERG").
const MAX_JOIN = 4;

/**
 * Joins runs of adjacent tokens whose concatenation equals a token the other side holds, so that
 * "ANNE MARIE" and "ANNEMARIE" become the same single token before any set comparison. Only tokens
 * that found no partner as written are joined, and only into a partner this side lacks: a join must
 * never take a token away from a pairing that already holds.
 */
export function joinCompounds(
  field: readonly Token[],
  otherSide: readonly Token[],
): { tokens: Token[]; joined: boolean } {
  const tokens: Token[] = [];
  let joined = false;
  let i = 0;
  while (i < field.length) {
    let taken = 0;
    for (let len = Math.min(MAX_JOIN, field.length - i); len >= 2 && taken === 0; len--) {
      const run = field.slice(i, i + len);
      if (run.some((t) => contains(otherSide, t))) continue;
      const candidate = toToken(run.map((t) => t.text).join(''));
      if (otherSide.some((o) => tokensEqual(candidate, o) && !contains(field, o))) {
        tokens.push(candidate);
        taken = len;
        joined = true;
      }
    }
    if (taken === 0) {
      const single = field[i];
      if (single) tokens.push(single);
      taken = 1;
    }
    i += taken;
  }
  return { tokens, joined };
}

/** The form without particles (van, von, de …); a name made only of particles keeps them. */
export function dropParticles(tokens: readonly Token[]): Token[] {
  const kept = tokens.filter((t) => !isParticle(t.text));
  return kept.length > 0 ? kept : [...tokens];
}

export type SubsetRelation = {
  direction: 'equal' | 'eid_in_register' | 'register_in_eid';
  /** different tokens the two sides confirm to each other (see pairedCount) */
  sharedTokens: number;
};

/** Whether one side's full token set is a subset of the other's; an empty side relates to nothing. */
export function subsetRelation(eid: readonly Token[], register: readonly Token[]): SubsetRelation | null {
  if (eid.length === 0 || register.length === 0) return null;
  const eidInRegister = everyIn(eid, register);
  const registerInEid = everyIn(register, eid);
  if (!eidInRegister && !registerInEid) return null;
  const sharedTokens = pairedCount(eid, register);
  if (eidInRegister && registerInEid) return { direction: 'equal', sharedTokens };
  if (eidInRegister) return { direction: 'eid_in_register', sharedTokens };
  return { direction: 'register_in_eid', sharedTokens };
}
