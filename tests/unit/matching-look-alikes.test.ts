import { describe, expect, it } from 'vitest';
import { decideMatch, findLookAlikes, type CprRecord, type EidIdentity } from '@/lib/matching';
import { matchingExamples } from './matching-examples';

// Two people registered from abroad with an unknown birth day, recorded as 1 January.
const eid: EidIdentity = {
  personIdentifier: 'PL/DK/5500000001',
  country: 'PL',
  givenNames: 'Anna',
  familyName: 'Kowalska',
  dateOfBirth: '1980-01-01',
  levelOfAssurance: 'high',
};
const typed: CprRecord = {
  cpr: '0101801234',
  givenNames: 'Anna',
  familyName: 'Kowalska',
  dateOfBirth: '1980-01-01',
  sex: 'female',
  status: 'emigrated',
  nameAddressProtected: false,
};
const other = (changes: Partial<CprRecord>): CprRecord => ({ ...typed, cpr: '0101801256', ...changes });

describe('decideMatch with the register persons born the same day', () => {
  it('links as before when the register has nobody else born that day', () => {
    expect(decideMatch(eid, typed)).toEqual({ decision: 'match', reasons: ['name_exact'] });
    expect(decideMatch(eid, typed, [])).toEqual({ decision: 'match', reasons: ['name_exact'] });
  });

  it('ignores the typed record itself among the others', () => {
    expect(decideMatch(eid, typed, [typed])).toEqual({ decision: 'match', reasons: ['name_exact'] });
  });

  it('sends to a caseworker when another person has the same names and birth date', () => {
    expect(decideMatch(eid, typed, [typed, other({})])).toEqual({ decision: 'manual', reasons: ['register_ambiguous', 'name_exact'] });
  });

  it('sends to a caseworker when another person holds more names that the eID also matches (a superset)', () => {
    const superset = other({ givenNames: 'Anna Maria' });
    expect(decideMatch(eid, superset).decision).toBe('match');
    expect(decideMatch(eid, typed, [superset])).toMatchObject({ decision: 'manual', reasons: expect.arrayContaining(['register_ambiguous']) });
  });

  it('still links when the other person born that day has another first name', () => {
    expect(decideMatch(eid, typed, [typed, other({ givenNames: 'Marta' })])).toEqual({ decision: 'match', reasons: ['name_exact'] });
  });

  it('sends to a caseworker when the other person’s names equal the eID’s only through transliteration', () => {
    const germanEid: EidIdentity = { ...eid, givenNames: 'Jürgen', familyName: 'MUELLER' };
    const jurgen = { ...typed, givenNames: 'Jürgen', familyName: 'Mueller', sex: 'male' as const, cpr: '0101801233' };
    const look = other({ givenNames: 'Jürgen', familyName: 'Müller', sex: 'male', cpr: '0101801255' });
    expect(decideMatch(germanEid, jurgen).decision).toBe('match');
    expect(decideMatch(germanEid, jurgen, [jurgen, look])).toMatchObject({ decision: 'manual', reasons: expect.arrayContaining(['register_ambiguous']) });
  });

  it('is not fooled by a look-alike the eID would not match (other sex, deceased)', () => {
    expect(decideMatch({ ...eid, gender: 'female' }, typed, [other({ sex: 'male' })]).decision).toBe('match');
    expect(decideMatch(eid, typed, [other({ status: 'deceased' })]).decision).toBe('match');
  });

  it('never turns a no_match into anything milder', () => {
    expect(decideMatch(eid, { ...typed, status: 'deceased' }, [other({})])).toMatchObject({ decision: 'no_match' });
  });

  it('lists the look-alikes, also for an eID below substantial, so the caseworker sees them', () => {
    const look = other({});
    expect(findLookAlikes({ ...eid, levelOfAssurance: 'low' }, typed, [typed, look, other({ cpr: '0101801278', givenNames: 'Marta' })])).toEqual([look]);
    expect(findLookAlikes(eid, null, [typed])).toEqual([typed]);
  });

  it('changes no worked example when the others are only the example’s own record', () => {
    for (const c of matchingExamples) {
      expect(decideMatch(c.eid, c.record, [c.record]), c.id).toEqual(decideMatch(c.eid, c.record));
      expect(decideMatch(c.eid, c.record, [c.record]).decision, c.id).toBe(c.expect);
    }
  });

  it('makes every matching worked example manual when a twin with another CPR number is registered', () => {
    for (const c of matchingExamples.filter((x) => x.expect === 'match')) {
      const twin = { ...c.record, cpr: c.record.cpr === '0000000000' ? '0000000001' : '0000000000' };
      expect(decideMatch(c.eid, c.record, [twin]).decision, c.id).toBe('manual');
    }
  });
});
