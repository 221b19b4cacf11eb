import { describe, expect, it } from 'vitest';
import { compareNames, decideMatch, MATCH_REASONS, namesAgree, normaliseName } from '@/lib/matching';
import { matchingExamples } from './matching-examples';

const cases = matchingExamples;

describe('decideMatch on the shared worked examples', () => {
  it('has worked examples to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.id} (${c.why}): decides ${c.expect}`, () => {
      const result = decideMatch(c.eid, c.record);
      expect(result.decision).toBe(c.expect);
      expect(result.reasons.length).toBeGreaterThan(0);
      for (const reason of result.reasons) expect(MATCH_REASONS).toContain(reason);
    });
  }
});

describe('field agreement for the caseworker view', () => {
  it('normalises case, hyphens, apostrophes and spacing the way matching does, keeping letters as written', () => {
    expect(normaliseName("  jean-luc  o'neill ")).toBe('JEAN LUC O NEILL');
    expect(normaliseName('Søren\u00a0Kierkegaard')).toBe('SØREN KIERKEGAARD');
  });

  it.each([
    ['Müller', 'MUELLER'],
    ['Søren', 'Soeren'],
    ['Åsa', 'Asa'],
    ['Anne-Marie', 'Annemarie'],
    ["O'Neill", 'ONEILL'],
    ['van der Berg', 'Vanderberg'],
    ['Groß', 'Gross'],
  ])('marks %j and %j as agreeing', (a, b) => {
    expect(namesAgree(a, b)).toBe(true);
    expect(compareNames(a, b)).toBe('agree');
  });

  it.each([
    ['Anna Maria', 'Maria Anna'],
    ['Kowalski', 'Kowalska'],
    ['Lars', ''],
    ['', ''],
  ])('marks %j and %j as differing', (a, b) => {
    expect(namesAgree(a, b)).toBe(false);
    expect(compareNames(a, b)).toBe('differ');
  });

  it('agrees with itself for every name in the worked examples', () => {
    for (const c of cases) {
      for (const name of [c.eid.givenNames, c.eid.familyName, c.record.givenNames, c.record.familyName]) {
        expect(compareNames(name, name.toLowerCase())).toBe('agree');
      }
    }
  });
});
