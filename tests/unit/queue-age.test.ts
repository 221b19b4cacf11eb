import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationAge, submittedBeforeForAge } from '@/lib/cases/age';
import { businessDaysBetween } from '@/lib/calendar/business-days';

describe('the age filter', () => {
  it('selects exactly the applications more than N business days old', () => {
    const base = Date.UTC(2023, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 * 24 }), fc.integer({ min: 0, max: 60 * 24 }), fc.integer({ min: 0, max: 30 }), (nowHours, backHours, days) => {
        const now = new Date(base + nowHours * 3600_000 + 17 * 60_000);
        const submitted = new Date(now.getTime() - backHours * 3600_000 - 7 * 60_000);
        const cutoff = submittedBeforeForAge(days, now);
        expect(submitted < cutoff).toBe(businessDaysBetween(submitted, now) > days);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts at Copenhagen midnight across the switch to summer time', () => {
    // Tuesday 31 March 2026 (summer time since Sunday): more than 1 business day old = submitted before Monday 30 March.
    expect(submittedBeforeForAge(1, new Date('2026-03-31T10:00:00Z')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('warns only past the target', () => {
    const now = new Date('2026-03-18T09:00:00Z');
    expect(applicationAge(new Date('2026-03-11T09:00:00Z'), now, 5)).toEqual({ days: 5, overTarget: false });
    expect(applicationAge(new Date('2026-03-10T09:00:00Z'), now, 5)).toEqual({ days: 6, overTarget: true });
  });
});
