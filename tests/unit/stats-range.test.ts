import { describe, expect, it } from 'vitest';
import { parseRange, rangeQuery } from '@/lib/stats/range';

const noon = (day: string) => new Date(`${day}T12:00:00+02:00`);

describe('dashboard date ranges', () => {
  it('defaults to the last 30 days including today, compared with the 30 before', () => {
    const { range, errors } = parseRange({}, noon('2025-04-23'));
    expect(errors).toBeNull();
    expect(range).toEqual({ preset: '30d', today: '2025-04-23', bucket: 'day', current: { from: '2025-03-25', to: '2025-04-23' }, previous: { from: '2025-02-23', to: '2025-03-24' } });
  });

  it('takes the last 7 days', () => {
    const { range } = parseRange({ range: '7d' }, noon('2025-04-23'));
    expect(range.current).toEqual({ from: '2025-04-17', to: '2025-04-23' });
    expect(range.previous).toEqual({ from: '2025-04-10', to: '2025-04-16' });
  });

  it('compares this quarter so far with the same days of the previous quarter', () => {
    expect(parseRange({ range: 'quarter' }, noon('2025-05-10')).range).toMatchObject({ current: { from: '2025-04-01', to: '2025-05-10' }, previous: { from: '2025-01-01', to: '2025-02-09' } });
    expect(parseRange({ range: 'quarter' }, noon('2025-01-15')).range.previous).toEqual({ from: '2024-10-01', to: '2024-10-15' });
    // The 92nd day of the third quarter has no counterpart in the 91-day second quarter.
    expect(parseRange({ range: 'quarter' }, noon('2025-09-30')).range.previous).toEqual({ from: '2025-04-01', to: '2025-06-30' });
  });

  it('uses the Copenhagen date, not UTC, for today', () => {
    expect(parseRange({ range: '7d' }, new Date('2025-03-31T22:30:00Z')).range.today).toBe('2025-04-01');
  });

  it('groups periods longer than 62 days by week', () => {
    expect(parseRange({ range: 'custom', from: '2025-01-01', to: '2025-03-03' }, noon('2025-04-23')).range.bucket).toBe('day');
    expect(parseRange({ range: 'custom', from: '2025-01-01', to: '2025-03-04' }, noon('2025-04-23')).range.bucket).toBe('week');
  });

  it('explains what is wrong with custom dates and falls back to 30 days', () => {
    const now = noon('2025-04-23');
    expect(parseRange({ range: 'custom' }, now).errors).toEqual({ from: ['required'], to: ['required'] });
    expect(parseRange({ range: 'custom', from: '2025-02-30', to: '2025-03-01' }, now).errors).toEqual({ from: ['dateInvalid'] });
    expect(parseRange({ range: 'custom', from: '2025-04-10', to: '2025-04-01' }, now).errors).toEqual({ to: ['rangeOrder'] });
    expect(parseRange({ range: 'custom', from: '2025-04-10', to: '2025-04-24' }, now).errors).toEqual({ to: ['rangeFuture'] });
    expect(parseRange({ range: 'custom', from: '2015-01-01', to: '2025-04-01' }, now).errors).toEqual({ from: ['rangeTooLong'] });
    expect(parseRange({ range: 'yesterday' }, now).errors).toEqual({ range: ['invalid'] });
    expect(parseRange({ range: 'custom', from: 'x' }, now).range.preset).toBe('30d');
  });

  it('writes a range back into a query string', () => {
    expect(rangeQuery(parseRange({ range: 'custom', from: '2025-04-01', to: '2025-04-23' }, noon('2025-04-23')).range)).toBe('range=custom&from=2025-04-01&to=2025-04-23');
    expect(rangeQuery(parseRange({ range: '7d' }, noon('2025-04-23')).range)).toBe('range=7d');
  });
});
