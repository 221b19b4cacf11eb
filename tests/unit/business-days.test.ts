import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween, isBusinessDay } from '@/lib/calendar/business-days';

/** Noon in Copenhagen on a calendar date, so the tests do not depend on the machine's time zone. */
const cph = (isoDate: string, time = '12:00:00') => {
  const month = Number(isoDate.slice(5, 7));
  // Summer time (CEST, +02:00) roughly April to October; the dates used below stay clear of the switch days.
  const offset = month >= 4 && month <= 10 ? '+02:00' : '+01:00';
  return new Date(`${isoDate}T${time}${offset}`);
};

describe('isBusinessDay', () => {
  it('treats Saturdays and Sundays as days off', () => {
    expect(isBusinessDay(cph('2025-03-15'))).toBe(false); // Saturday
    expect(isBusinessDay(cph('2025-03-16'))).toBe(false); // Sunday
    expect(isBusinessDay(cph('2025-03-17'))).toBe(true); // Monday
  });

  it('knows the Easter holidays, Ascension Day and Whit Monday of 2024', () => {
    for (const day of ['2024-03-28', '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20']) expect(isBusinessDay(cph(day)), day).toBe(false);
    expect(isBusinessDay(cph('2024-03-27'))).toBe(true);
    expect(isBusinessDay(cph('2024-04-02'))).toBe(true);
  });

  it('knows the Easter holidays of 2025 (Easter on 20 April)', () => {
    for (const day of ['2025-04-17', '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09']) expect(isBusinessDay(cph(day)), day).toBe(false);
  });

  it('keeps Great Prayer Day up to 2023 and not after', () => {
    expect(isBusinessDay(cph('2023-05-05'))).toBe(false);
    expect(isBusinessDay(cph('2024-04-26'))).toBe(true);
  });

  it('keeps Constitution Day, Christmas and New Year as days off', () => {
    for (const day of ['2025-06-05', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31', '2026-01-01']) expect(isBusinessDay(cph(day)), day).toBe(false);
  });

  it('uses the Copenhagen date, not the UTC date', () => {
    // 23:30 UTC on Wednesday 27 March 2024 is already Maundy Thursday in Copenhagen.
    expect(isBusinessDay(new Date('2024-03-27T23:30:00Z'))).toBe(false);
    // 23:30 UTC on Sunday 17 March 2024 is Monday morning in Copenhagen.
    expect(isBusinessDay(new Date('2024-03-17T23:30:00Z'))).toBe(true);
  });
});

describe('businessDaysBetween', () => {
  it('counts nothing within one day and one day from Friday to Monday', () => {
    expect(businessDaysBetween(cph('2025-03-14', '08:00:00'), cph('2025-03-14', '17:00:00'))).toBe(0);
    expect(businessDaysBetween(cph('2025-03-14'), cph('2025-03-17'))).toBe(1);
    expect(businessDaysBetween(cph('2025-03-15'), cph('2025-03-17'))).toBe(1);
    expect(businessDaysBetween(cph('2025-03-10'), cph('2025-03-17'))).toBe(5);
  });

  it('skips the Easter holidays', () => {
    // Wednesday before Easter 2024 to the Tuesday after: only Tuesday 2 April counts.
    expect(businessDaysBetween(cph('2024-03-27'), cph('2024-04-02'))).toBe(1);
  });

  it('skips Christmas and New Year across the year boundary', () => {
    // Monday 23 December 2024 → Thursday 2 January 2025: 27 Dec, 30 Dec and 2 Jan.
    expect(businessDaysBetween(cph('2024-12-23'), cph('2025-01-02'))).toBe(3);
  });

  it('is negative when the end comes first', () => {
    expect(businessDaysBetween(cph('2025-03-17'), cph('2025-03-10'))).toBe(-5);
  });

  it('agrees with counting day by day', () => {
    const start = Date.UTC(2019, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 800 }), (offset, length) => {
        const from = new Date(start + offset * 86_400_000 + 11 * 3600_000);
        const to = new Date(from.getTime() + length * 86_400_000);
        let naive = 0;
        for (let d = 1; d <= length; d++) if (isBusinessDay(new Date(from.getTime() + d * 86_400_000))) naive++;
        expect(businessDaysBetween(from, to)).toBe(naive);
      }),
      { numRuns: 300 },
    );
  });

  it('counts 251 business days in 2024 and 250 in 2025', () => {
    expect(businessDaysBetween(cph('2023-12-31'), cph('2024-12-31'))).toBe(251);
    expect(businessDaysBetween(cph('2024-12-31'), cph('2025-12-31'))).toBe(250);
  });
});

describe('businessDaysBetween outside the calendar index', () => {
  it('counts across the ends of the index day by day, and agrees with the index where they meet', () => {
    expect(businessDaysBetween('1999-12-24', '2000-01-04')).toBe(businessDaysBetween('1999-12-24', '1999-12-31') + businessDaysBetween('1999-12-31', '2000-01-04'));
    expect(businessDaysBetween('1999-12-30', '2000-01-03')).toBe(1); // 31 Dec and 1 Jan are closed, 3 Jan 2000 is a Monday
    expect(businessDaysBetween('2100-12-30', '2101-01-03')).toBe(-businessDaysBetween('2101-01-03', '2100-12-30'));
  });
});
