// The Danish texts call connecting an eID to a CPR number one thing, "tilknytte", everywhere: "forbind…" is only ever
// a network connection ("internetforbindelse", "få forbindelse til serveren").
import { describe, expect, it } from 'vitest';
import da from '@/messages/da.json';

function texts(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => texts(v, [...path, k]));
  return [];
}

const NETWORK = /internetforbindelse|forbindelse til (serveren|løsningen)|tjek din forbindelse/gi;

describe('the Danish wording', () => {
  it('says "tilknyt" for connecting an eID and uses "forbind…" only for the network', () => {
    const all = texts(da);
    const other = all.filter(([, text]) => /forbind/i.test(text.replace(NETWORK, '')));
    expect(other).toEqual([]);
    expect(all.filter(([, text]) => /tilknyt/i.test(text)).length).toBeGreaterThan(20);
  });
});
