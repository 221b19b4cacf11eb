import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { addDays, businessDayOrdinal, businessDaysBetween, businessDayWithOrdinal, isBusinessDay } from '@/lib/calendar/danish-calendar';

describe('the business-day calendar in SQL', () => {
  it('agrees with the TypeScript rules on every day from 2000 to 2100', async () => {
    const rows = await getDb().execute<{ day: string; business: boolean; ordinal: number }>(
      sql`select day::text as day, is_business_day as business, ordinal from business_days order by day`,
    );
    expect(rows).toHaveLength(36890);
    const disagreements = rows.filter((r) => r.business !== isBusinessDay(r.day)).map((r) => r.day);
    expect(disagreements).toEqual([]);
  });

  it('numbers every day with the same cumulative ordinal as the TypeScript index, which finds each business day back', async () => {
    const rows = await getDb().execute<{ day: string; business: boolean; ordinal: number }>(
      sql`select day::text as day, is_business_day as business, ordinal from business_days order by day`,
    );
    expect(rows.filter((r) => r.ordinal !== businessDayOrdinal(r.day)).map((r) => r.day)).toEqual([]);
    const business = rows.filter((r) => r.business);
    expect(business.filter((r) => businessDayWithOrdinal(r.ordinal) !== r.day).map((r) => r.day)).toEqual([]);
    expect(businessDayOrdinal('1999-12-31')).toBeNull();
    expect(businessDayOrdinal('2101-01-01')).toBeNull();
  });

  it('counts the same business days between two dates as the TypeScript function', async () => {
    const pairs: [string, string][] = [['2025-04-16', '2025-04-22'], ['2025-04-03', '2025-04-08'], ['2023-12-22', '2024-01-02'], ['2000-01-01', '2100-12-31']];
    for (let i = 0; i < 50; i++) {
      const from = addDays('2000-01-01', (i * 7919) % 36000);
      pairs.push([from, addDays(from, (i * 131) % 400)]);
    }
    for (const [from, to] of pairs) {
      const [row] = await getDb().execute<{ n: number }>(
        sql`select (select ordinal from business_days where day = ${to}::date) - (select ordinal from business_days where day = ${from}::date) as n`,
      );
      expect(row!.n, `${from} → ${to}`).toBe(businessDaysBetween(from, to));
    }
  });
});
