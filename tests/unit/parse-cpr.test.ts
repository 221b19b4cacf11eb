import { describe, expect, it } from 'vitest';
import { parseCpr } from '../../lib/matching';
import { danishToday, writtenCpr } from '../../lib/matching/cpr';

// The century table reaches into the future (2036, 2057); it is checked as if today were late in this century.
const LATE_IN_THE_CENTURY = '2099-12-31';

function dateOf(input: string, today = LATE_IN_THE_CENTURY): string | undefined {
  const parsed = parseCpr(input, today);
  return parsed.ok ? parsed.dateOfBirth : undefined;
}

function errorOf(input: string, today?: string): string | undefined {
  const parsed = parseCpr(input, today);
  return parsed.ok ? undefined : parsed.error;
}

describe('parseCpr: accepted ways of writing a CPR number', () => {
  it.each([
    ['010590-1233', 'with a hyphen'],
    ['0105901233', 'as ten digits'],
    ['010590 1233', 'with a space instead of the hyphen'],
    [' 0105901233 ', 'pasted with surrounding spaces'],
    ['01 05 90 12 33', 'with spaces between digit groups'],
    ['010590 - 1233', 'with spaces around the hyphen'],
    ['010590\u20131233', 'with an en-dash from a word processor'],
    ['\t010590-1233\n', 'pasted with a tab and a line break'],
    ['010590\u00a01233', 'with a non-breaking space'],
  ])('accepts %j (%s) as the same number', (input) => {
    expect(parseCpr(input)).toEqual({ ok: true, cpr: '0105901233', dateOfBirth: '1990-05-01', sex: 'male' });
  });

  it('accepts a number that fails the old modulus-11 check', () => {
    expect(parseCpr('010190-0001')).toEqual({ ok: true, cpr: '0101900001', dateOfBirth: '1990-01-01', sex: 'male' });
  });
});

describe('parseCpr: anything else is a format error', () => {
  it.each([
    ['', 'empty input'],
    ['   ', 'only spaces'],
    ['010590-123', 'nine digits'],
    ['01059012334', 'eleven digits'],
    ['010590--1233', 'two hyphens'],
    ['0105-901233', 'a hyphen in the wrong place'],
    ['010590\u20141233', 'an em-dash'],
    ['010590/1233', 'a slash'],
    ['010590_1233', 'an underscore'],
    ['010590.1233', 'a full stop'],
    ['+0105901233', 'a sign'],
    ['CPR 0105901233', 'a label in front'],
    ['01059O1233', 'a letter O instead of a zero'],
    ['\uff10\uff11\uff10\uff15\uff19\uff10\uff11\uff12\uff13\uff13', 'full-width digits'],
    ['٠١٠٥٩٠١٢٣٣', 'Arabic-Indic digits'],
    ['abcdefghij', 'letters'],
    ['0105901233-', 'a trailing hyphen'],
  ])('rejects %j (%s) with the code "format"', (input) => {
    expect(errorOf(input)).toBe('format');
  });
});

describe('parseCpr: the century comes from the 7th digit', () => {
  it.each([
    ['010137-0000', '1937-01-01'],
    ['010100-1000', '1900-01-01'],
    ['311299-2000', '1999-12-31'],
    ['010136-3000', '1936-01-01'],
  ])('puts 7th digit 0–3 in the 1900s: %s → %s', (input, expected) => {
    expect(dateOf(input)).toBe(expected);
  });

  it.each([
    ['010100-4000', '2000-01-01'],
    ['311236-4000', '2036-12-31'],
    ['010137-4000', '1937-01-01'],
    ['010199-4000', '1999-01-01'],
    ['010100-9000', '2000-01-01'],
    ['311236-9000', '2036-12-31'],
    ['010137-9000', '1937-01-01'],
    ['010199-9000', '1999-01-01'],
  ])('puts 7th digit 4 and 9 in the 2000s up to year 36, else the 1900s: %s → %s', (input, expected) => {
    expect(dateOf(input)).toBe(expected);
  });

  it.each([
    ['010100-5000', '2000-01-01'],
    ['311257-5000', '2057-12-31'],
    ['010158-5000', '1858-01-01'],
    ['010199-6000', '1899-01-01'],
    ['010157-7000', '2057-01-01'],
    ['010158-8000', '1858-01-01'],
    ['150520-8000', '2020-05-15'],
  ])('puts 7th digit 5–8 in the 2000s up to year 57, else the 1800s: %s → %s', (input, expected) => {
    expect(dateOf(input)).toBe(expected);
  });
});

describe('parseCpr: the date must exist', () => {
  it.each([
    ['310290-1234', '31 February'],
    ['300290-1234', '30 February'],
    ['310490-1234', '31 April'],
    ['310690-1234', '31 June'],
    ['310990-1234', '31 September'],
    ['311190-1234', '31 November'],
    ['320190-1234', 'day 32'],
    ['000190-1234', 'day 0'],
    ['011390-1234', 'month 13'],
    ['010090-1234', 'month 0'],
  ])('rejects a CPR whose date does not exist (%s, %s) with the code "date"', (input) => {
    expect(errorOf(input)).toBe('date');
  });

  it('accepts 29 February 2000, a leap year divisible by 400 (7th digit 4)', () => {
    expect(dateOf('290200-4001')).toBe('2000-02-29');
  });

  it('rejects 29 February 1900, not a leap year (7th digit 0)', () => {
    expect(errorOf('290200-0001')).toBe('date');
  });

  it('accepts 29 January 1900, which exists (only February is special)', () => {
    expect(dateOf('290100-0001')).toBe('1900-01-29');
  });

  it('accepts 29 February in an ordinary leap year', () => {
    expect(dateOf('290296-1234')).toBe('1996-02-29');
  });

  it('rejects 29 February in a common year', () => {
    expect(errorOf('290297-1234')).toBe('date');
  });

  it('rejects 29 February 1858 but accepts 29 February 1864 (7th digit 5–8)', () => {
    expect(errorOf('290258-5001')).toBe('date');
    expect(dateOf('290264-5001')).toBe('1864-02-29');
  });

  it('rejects 29 February 2001 whichever century digit is used', () => {
    expect(errorOf('290201-1234')).toBe('date');
    expect(errorOf('290201-4234')).toBe('date');
  });
});

describe('parseCpr: sex from the last digit', () => {
  it.each(['1', '3', '5', '7', '9'])('reads last digit %s as male', (digit) => {
    const parsed = parseCpr(`010590-123${digit}`);
    expect(parsed.ok && parsed.sex).toBe('male');
  });

  it.each(['0', '2', '4', '6', '8'])('reads last digit %s as female', (digit) => {
    const parsed = parseCpr(`010590-123${digit}`);
    expect(parsed.ok && parsed.sex).toBe('female');
  });
});

describe('parseCpr: nobody is born after today', () => {
  it('refuses 010157-7123, which the century table reads as 2057, with the code for an impossible date', () => {
    expect(parseCpr('010157-7123', '2026-12-01')).toEqual({ ok: false, error: 'date' });
  });

  it('refuses a birth date one day after today and accepts today itself', () => {
    expect(errorOf('021226-4001', '2026-12-01')).toBe('date');
    expect(dateOf('011226-4001', '2026-12-01')).toBe('2026-12-01');
  });

  it('takes today from the Danish calendar by default, so the 2057 reading is refused now', () => {
    expect(danishToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parseCpr('010157-7123')).toEqual({ ok: false, error: 'date' });
  });
});

describe('writtenCpr', () => {
  it('writes ten typed digits as DDMMYY-SSSS, whatever spaces or dashes were typed, and leaves anything else as typed', () => {
    for (const typed of ['1202581159', '120258-1159', ' 120258 1159 ', '120258\u20131159']) expect(writtenCpr(typed)).toBe('120258-1159');
    for (const typed of ['12345', '', '120258-115x']) expect(writtenCpr(typed)).toBe(typed);
  });
});
