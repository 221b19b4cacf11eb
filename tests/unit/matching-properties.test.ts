import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CPR_PARSE_ERRORS,
  decideMatch,
  MATCH_REASONS,
  parseCpr,
  type CprRecord,
  type EidIdentity,
} from '@/lib/matching';
import { matchingExamples } from './matching-examples';

const cases = matchingExamples;
const matchingCases = cases.filter((c) => c.expect === 'match');

// --- generators -------------------------------------------------------------------------------

const isoDate = fc
  .date({ min: new Date('1858-01-01T00:00:00Z'), max: new Date('2057-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

// Name pieces: plain letters and the Latin spellings that ICAO 9303 gives for Ä Å Æ Ö Ø Ü ß Þ Ð Œ Ĳ.
const SEGMENTS = ['A', 'B', 'D', 'E', 'G', 'I', 'K', 'L', 'M', 'N', 'O', 'R', 'S', 'T', 'U', 'Y', 'Z', 'AE', 'AA', 'OE', 'UE', 'SS', 'TH', 'IJ'];
// Letters that ICAO 9303 writes as the segment, and letters whose accent stripping gives it.
const ICAO_SOURCES: Record<string, string> = { AE: 'ÄÆäæ', AA: 'Åå', OE: 'ÖØŒöøœ', UE: 'Üü', SS: 'ß', TH: 'Þþ', IJ: 'Ĳ', D: 'Ðð' };
const ACCENTED: Record<string, string> = {
  A: 'ÁÀÂÄÅÃ', E: 'ÉÈÊËĖ', I: 'ÍÌÎÏ', O: 'ÓÒÔÖÕØ', U: 'ÚÙÛÜŮ', N: 'ÑŃŇ', S: 'ŠŚŞ', Z: 'ŽŹŻ',
  Y: 'Ý', L: 'ŁĽ', D: 'ÐĐĎ', G: 'Ğ', K: 'Ķ', R: 'Ř', T: 'Ť',
};

const nameToken = fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 5 });
const nameField = fc.array(nameToken, { minLength: 1, maxLength: 3 });
const sex = fc.constantFrom<'male' | 'female'>('male', 'female');

type Tokens = string[][];
const text = (field: Tokens) => field.map((t) => t.join('')).join(' ');

/** An eID identity and a register record built from the same name pieces and the same facts. */
const samePerson = fc
  .record({ given: nameField, family: nameField, dateOfBirth: isoDate, sex, withGender: fc.boolean() })
  .map(({ given, family, dateOfBirth, sex: s, withGender }) => {
    const eid: EidIdentity = {
      personIdentifier: 'XX/DK/1',
      country: 'DE',
      givenNames: text(given),
      familyName: text(family),
      dateOfBirth,
      levelOfAssurance: 'substantial',
      ...(withGender ? { gender: s } : {}),
    };
    const record: CprRecord = {
      cpr: '0101901234',
      givenNames: text(given),
      familyName: text(family),
      dateOfBirth,
      sex: s,
      status: 'active',
      nameAddressProtected: false,
    };
    return { eid, record, given, family };
  })
  .filter(({ eid, record }) => decideMatch(eid, record).decision === 'match');

const caseFromJson = fc.constantFrom(...matchingCases).map((c) => ({ eid: c.eid, record: c.record }));
const matchingPair = fc.oneof(caseFromJson, samePerson.map(({ eid, record }) => ({ eid, record })));

/** Flips the case of each character independently. */
const recase = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((flips) =>
    Array.from(s)
      .map((ch, i) => (flips[i] ? ch.toLowerCase() : ch.toUpperCase()))
      .join(''),
  );

/** Widens every gap between words and pads both ends with spaces. */
const respace = (s: string) =>
  fc
    .tuple(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 50, maxLength: 50 }), fc.nat(2), fc.nat(2))
    .map(([gaps, before, after]) => {
      const words = s.split(' ');
      const joined = words.map((w, i) => (i === 0 ? w : ' '.repeat(gaps[i % gaps.length] ?? 1) + w)).join('');
      return ' '.repeat(before) + joined + ' '.repeat(after);
    });

/** Writes a plain Latin token back with the letters it may stand for: all by ICAO, or all by accent. */
const decorate = (token: string[]) =>
  fc.boolean().chain((byIcao) =>
    fc
      .tuple(
        ...token.map((segment) => {
          const sources = byIcao ? ICAO_SOURCES[segment] : segment.length === 1 ? ACCENTED[segment] : undefined;
          return sources ? fc.oneof(fc.constant(segment), fc.constantFrom(...Array.from(sources))) : fc.constant(segment);
        }),
      )
      .map((segments) => segments.join('')),
  );
const decorateField = (field: Tokens) => fc.tuple(...field.map(decorate)).map((tokens) => tokens.join(' '));

// Any string a broker, a register or a hostile client could hand us, including lone surrogates.
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(' ', '-', "'", '’', '.', ',', 'A', 'Ø', 'ß', 'VAN', 'DE', '\u0301', '\u00ad') }),
);

const anyIdentity = fc.record({
  eid: fc.record(
    {
      personIdentifier: anyString,
      country: anyString,
      givenNames: anyString,
      familyName: anyString,
      dateOfBirth: fc.oneof(anyString, isoDate),
      birthName: anyString,
      gender: fc.constantFrom<EidIdentity['gender']>('male', 'female', 'unspecified'),
      levelOfAssurance: fc.constantFrom<EidIdentity['levelOfAssurance']>('low', 'substantial', 'high'),
    },
    { requiredKeys: ['personIdentifier', 'country', 'givenNames', 'familyName', 'dateOfBirth', 'levelOfAssurance'] },
  ),
  record: fc.record(
    {
      cpr: anyString,
      givenNames: anyString,
      middleName: anyString,
      familyName: anyString,
      dateOfBirth: fc.oneof(anyString, isoDate),
      sex,
      status: fc.constantFrom<CprRecord['status']>('active', 'inactive', 'emigrated', 'disappeared', 'deceased', 'annulled', 'changed'),
      nameAddressProtected: fc.boolean(),
      historicalNames: fc.array(anyString, { maxLength: 3 }),
    },
    { requiredKeys: ['cpr', 'givenNames', 'familyName', 'dateOfBirth', 'sex', 'status', 'nameAddressProtected'] },
  ),
});

// --- properties -------------------------------------------------------------------------------

describe('decideMatch properties', () => {
  it('never matches when the birth dates differ, however alike the names are', () => {
    fc.assert(
      fc.property(fc.oneof(matchingPair, anyIdentity), isoDate, ({ eid, record }, otherDate) => {
        fc.pre(otherDate !== eid.dateOfBirth);
        expect(decideMatch(eid, { ...record, dateOfBirth: otherDate }).decision).not.toBe('match');
      }),
    );
  });

  it('answers no_match when the birth dates differ', () => {
    fc.assert(
      fc.property(matchingPair, isoDate, ({ eid, record }, otherDate) => {
        fc.pre(otherDate !== eid.dateOfBirth);
        expect(decideMatch({ ...eid, dateOfBirth: otherDate }, record).decision).toBe('no_match');
      }),
    );
  });

  it('never matches a person the register lists as deceased', () => {
    fc.assert(
      fc.property(fc.oneof(matchingPair, anyIdentity), ({ eid, record }) => {
        expect(decideMatch(eid, { ...record, status: 'deceased' }).decision).toBe('no_match');
      }),
    );
  });

  it('never matches an eID with level of assurance low', () => {
    fc.assert(
      fc.property(fc.oneof(matchingPair, anyIdentity), ({ eid, record }) => {
        expect(decideMatch({ ...eid, levelOfAssurance: 'low' }, record).decision).not.toBe('match');
      }),
    );
  });

  it('never matches when the eID gender disagrees with the register sex', () => {
    fc.assert(
      fc.property(matchingPair, ({ eid, record }) => {
        const other = record.sex === 'male' ? 'female' : 'male';
        expect(decideMatch({ ...eid, gender: other }, record).decision).toBe('manual');
      }),
    );
  });

  it('keeps a match when either side changes letter case', () => {
    fc.assert(
      fc.property(
        matchingPair.chain(({ eid, record }) =>
          fc.record({
            eid: fc.constant(eid),
            record: fc.constant(record),
            eidGiven: recase(eid.givenNames),
            eidFamily: recase(eid.familyName),
            regGiven: recase(record.givenNames),
            regFamily: recase(record.familyName),
          }),
        ),
        ({ eid, record, eidGiven, eidFamily, regGiven, regFamily }) => {
          const result = decideMatch(
            { ...eid, givenNames: eidGiven, familyName: eidFamily },
            { ...record, givenNames: regGiven, familyName: regFamily },
          );
          expect(result.decision).toBe('match');
        },
      ),
    );
  });

  it('keeps a match when either side has extra spaces', () => {
    fc.assert(
      fc.property(
        matchingPair.chain(({ eid, record }) =>
          fc.record({
            eid: fc.constant(eid),
            record: fc.constant(record),
            eidGiven: respace(eid.givenNames),
            eidFamily: respace(eid.familyName),
            regGiven: respace(record.givenNames),
            regFamily: respace(record.familyName),
          }),
        ),
        ({ eid, record, eidGiven, eidFamily, regGiven, regFamily }) => {
          const result = decideMatch(
            { ...eid, givenNames: eidGiven, familyName: eidFamily },
            { ...record, givenNames: regGiven, familyName: regFamily },
          );
          expect(result.decision).toBe('match');
        },
      ),
    );
  });

  it('keeps a match when the register writes the letters with diacritics (ICAO or accents)', () => {
    fc.assert(
      fc.property(
        samePerson.chain((p) =>
          fc.record({ p: fc.constant(p), given: decorateField(p.given), family: decorateField(p.family) }),
        ),
        ({ p, given, family }) => {
          const result = decideMatch(p.eid, { ...p.record, givenNames: given, familyName: family });
          expect(result.decision).toBe('match');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary strings and always answers with known reason codes', () => {
    fc.assert(
      fc.property(anyIdentity, ({ eid, record }) => {
        const result = decideMatch(eid, record);
        expect(['match', 'manual', 'no_match']).toContain(result.decision);
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const reason of result.reasons) expect(MATCH_REASONS).toContain(reason);
      }),
      { numRuns: 500 },
    );
  });

  it('does not throw when enum-typed fields carry unexpected values at runtime', () => {
    fc.assert(
      fc.property(anyIdentity, anyString, anyString, anyString, ({ eid, record }, loa, gender, status) => {
        const result = decideMatch(
          { ...eid, levelOfAssurance: loa as EidIdentity['levelOfAssurance'], gender: gender as EidIdentity['gender'] },
          { ...record, status: status as CprRecord['status'] },
        );
        expect(['match', 'manual', 'no_match']).toContain(result.decision);
        for (const reason of result.reasons) expect(MATCH_REASONS).toContain(reason);
      }),
    );
  });
});

describe('parseCpr properties', () => {
  it('never throws on arbitrary strings and fails only with a known code', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const parsed = parseCpr(input);
        if (parsed.ok) expect(parsed.cpr).toMatch(/^\d{10}$/);
        else expect(CPR_PARSE_ERRORS).toContain(parsed.error);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses every birth date after today and accepts every one up to it', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (birth, today) => {
        const [yyyy = '', mm = '', dd = ''] = birth.split('-');
        const yy = Number(yyyy.slice(2));
        const seventh = yyyy.startsWith('19') ? 0 : yyyy.startsWith('18') ? 5 : yy <= 36 ? 4 : 5;
        const parsed = parseCpr(`${dd}${mm}${yyyy.slice(2)}-${seventh}001`, today);
        expect(parsed.ok ? parsed.dateOfBirth : parsed.error).toBe(birth > today ? 'date' : birth);
      }),
    );
  });

  it('reads back every real birth date from a number whose 7th digit fits its century', () => {
    const centuryDigits: Record<string, number[]> = {
      '18': [5, 6, 7, 8],
      '19': [0, 1, 2, 3],
      '20': [4, 9, 5, 6, 7, 8],
    };
    fc.assert(
      fc.property(isoDate, fc.nat(), fc.integer({ min: 0, max: 999 }), (date, pick, serial) => {
        const [yyyy = '', mm = '', dd = ''] = date.split('-');
        const yy = Number(yyyy.slice(2));
        const candidates = (centuryDigits[yyyy.slice(0, 2)] ?? []).filter((d) => {
          if (yyyy.startsWith('19') && d > 3) return false;
          if (yyyy.startsWith('20') && (d === 4 || d === 9)) return yy <= 36;
          if (yyyy.startsWith('20')) return yy <= 57;
          return yy > 57;
        });
        fc.pre(candidates.length > 0);
        const seventh = candidates[pick % candidates.length];
        const input = `${dd}${mm}${yyyy.slice(2)}-${seventh}${String(serial).padStart(3, '0')}`;
        // Read as if today were the last day the century table reaches, so no generated date lies in the future.
        const parsed = parseCpr(input, '2057-12-31');
        expect(parsed.ok && parsed.dateOfBirth).toBe(date);
      }),
    );
  });
});
