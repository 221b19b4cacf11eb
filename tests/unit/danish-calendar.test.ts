import { describe, expect, it } from 'vitest';
import { addDays, businessDaysBetween, copenhagenDate, danishClosedDays, easterSunday, isBusinessDay } from '@/lib/calendar/danish-calendar';

describe('Danish business days', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2024).toISOString().slice(0, 10)).toBe('2024-03-31');
    expect(easterSunday(2025).toISOString().slice(0, 10)).toBe('2025-04-20');
    expect(easterSunday(2038).toISOString().slice(0, 10)).toBe('2038-04-25');
    expect(easterSunday(2008).toISOString().slice(0, 10)).toBe('2008-03-23');
  });

  it('closes on the Easter holidays, Ascension, Whit Monday, Constitution Day and Christmas', () => {
    const closed = [...danishClosedDays(2025).keys()];
    expect(closed).toEqual([
      '2025-01-01', '2025-04-17', '2025-04-18', '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-09',
      '2025-06-05', '2025-12-24', '2025-12-25', '2025-12-26', '2025-12-31',
    ]);
  });

  it('keeps Great Prayer Day until 2023 only', () => {
    expect(isBusinessDay('2023-05-05')).toBe(false);
    expect(isBusinessDay('2024-04-26')).toBe(true);
  });

  it('counts business days after the first date up to and including the second', () => {
    expect(businessDaysBetween('2025-04-03', '2025-04-08')).toBe(3); // Thursday → Tuesday over a weekend
    expect(businessDaysBetween('2025-04-16', '2025-04-22')).toBe(1); // over Easter
    expect(businessDaysBetween('2025-04-16', '2025-04-16')).toBe(0);
    expect(businessDaysBetween('2025-04-22', '2025-04-16')).toBe(-1);
  });

  it('reads instants as Copenhagen dates, across midnight and daylight saving time', () => {
    expect(copenhagenDate(new Date('2025-03-31T21:30:00Z'))).toBe('2025-03-31');
    expect(copenhagenDate(new Date('2025-03-31T22:30:00Z'))).toBe('2025-04-01');
    expect(copenhagenDate(new Date('2025-01-31T23:30:00Z'))).toBe('2025-02-01');
    expect(businessDaysBetween(new Date('2025-03-28T09:00:00Z'), new Date('2025-03-31T22:30:00Z'))).toBe(2);
    expect(isBusinessDay(new Date('2025-04-20T22:30:00Z'))).toBe(false); // 00:30 on Easter Monday
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});
