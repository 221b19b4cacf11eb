// Statistics support: the Danish business-day calendar (filled by migration for 2000–2100) and the daily roll-up
// of the dashboard's counts per Copenhagen day and per month, refreshed by a background job.
import { boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per calendar day. `ordinal` counts business days up to and including the day, so ages are differences. */
export const businessDays = pgTable('business_days', {
  day: date({ mode: 'string' }).primaryKey(),
  isBusinessDay: boolean().notNull(),
  ordinal: integer().notNull(),
});

/** The columns of a roll-up row; a fresh set per table (drizzle column builders belong to one table). */
const rollupColumns = () => ({
  day: date({ mode: 'string' }).notNull(),
  metric: text().notNull(),
  country: text().notNull().default(''),
  k1: text().notNull().default(''),
  k2: text().notNull().default(''),
  k3: text().notNull().default(''),
  actor: text().notNull().default(''),
  num: integer().notNull().default(0),
  n: integer().notNull(),
});

/**
 * Counts per Copenhagen day and metric with the dimensions each metric needs (country, k1–k3, actor, num).
 * Only complete past days are kept here; the current day is always counted from the source tables.
 */
export const statsDaily = pgTable(
  'stats_daily',
  rollupColumns(),
  (t) => [index().on(t.metric, t.day)],
);

/**
 * The same counts summed per calendar month (day = the first of the month), so long periods read a row per month
 * instead of thirty. Only used for months that lie wholly inside a period and inside the daily roll-up.
 */
export const statsMonthly = pgTable(
  'stats_monthly',
  rollupColumns(),
  (t) => [index().on(t.metric, t.day)],
);

/** How far the roll-up reaches: days up to and including `through` come from stats_daily. */
export const statsRollup = pgTable('stats_rollup', {
  name: text().primaryKey(),
  through: date({ mode: 'string' }),
  refreshedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
