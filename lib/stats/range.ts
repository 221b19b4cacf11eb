// The dashboard's date range: presets (7 days, 30 days, this quarter) or custom dates, all Copenhagen calendar days,
// and the previous period each figure is compared with.
import { z } from '@/lib/validation';
import { addDays, copenhagenDate, daysBetween } from '@/lib/calendar/danish-calendar';

export const PRESETS = ['7d', '30d', 'quarter', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export type Period = { from: string; to: string };
export type DashboardRange = { preset: Preset; current: Period; previous: Period; today: string; bucket: 'day' | 'week' };

/** Longer periods are shown per week instead of per day. */
export const DAILY_UP_TO_DAYS = 62;
export const MAX_RANGE_DAYS = 5 * 366;
const EARLIEST = '2000-01-01';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dateInvalid')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'dateInvalid');

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const blankToUndefined = (v: unknown) => {
  const x = first(v);
  return typeof x === 'string' && x.trim() === '' ? undefined : x;
};

/** Validates the query string of the dashboard, the exports and the access page against today's date. */
export function rangeInputSchema(today: string) {
  return z
    .object({
      range: z.preprocess(blankToUndefined, z.enum(PRESETS).default('30d')),
      from: z.preprocess(blankToUndefined, isoDate.optional()),
      to: z.preprocess(blankToUndefined, isoDate.optional()),
    })
    .superRefine((v, ctx) => {
      if (v.range !== 'custom') return;
      if (!v.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'required' });
      if (!v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'required' });
      if (!v.from || !v.to) return;
      if (v.from < EARLIEST) ctx.addIssue({ code: 'custom', path: ['from'], message: 'rangeTooEarly' });
      if (v.to > today) ctx.addIssue({ code: 'custom', path: ['to'], message: 'rangeFuture' });
      if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'rangeOrder' });
      else if (daysBetween(v.from, v.to) + 1 > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['from'], message: 'rangeTooLong' });
    });
}

export type RangeInput = z.output<ReturnType<typeof rangeInputSchema>>;

function quarterStart(day: string): string {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
}

function previousQuarterStart(start: string): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  return month === 1 ? `${year - 1}-10-01` : `${year}-${String(month - 3).padStart(2, '0')}-01`;
}

/** The periods for a valid input. The previous period has the same length and ends the day before, except for
 *  "this quarter", which is compared with the same days of the previous quarter. */
export function resolveRange(input: RangeInput, now: Date = new Date()): DashboardRange {
  const today = copenhagenDate(now);
  let current: Period;
  let previous: Period;
  if (input.range === 'quarter') {
    current = { from: quarterStart(today), to: today };
    const prevFrom = previousQuarterStart(current.from);
    const prevTo = addDays(prevFrom, daysBetween(current.from, current.to));
    previous = { from: prevFrom, to: prevTo < current.from ? prevTo : addDays(current.from, -1) };
  } else {
    current =
      input.range === 'custom' && input.from && input.to
        ? { from: input.from, to: input.to }
        : { from: addDays(today, input.range === '7d' ? -6 : -29), to: today };
    const length = daysBetween(current.from, current.to) + 1;
    previous = { from: addDays(current.from, -length), to: addDays(current.from, -1) };
  }
  const bucket = daysBetween(current.from, current.to) + 1 > DAILY_UP_TO_DAYS ? 'week' : 'day';
  return { preset: input.range, current, previous, today, bucket };
}

/** Parses a query string into a range; invalid input gives the field errors and the default range. */
export function parseRange(
  params: Record<string, string | string[] | undefined>,
  now: Date = new Date(),
): { range: DashboardRange; errors: Record<string, string[]> | null } {
  const today = copenhagenDate(now);
  const parsed = rangeInputSchema(today).safeParse(params);
  if (parsed.success) return { range: resolveRange(parsed.data, now), errors: null };
  return { range: resolveRange({ range: '30d' }, now), errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
}

/** The query string that reproduces a range (for links to exports and between pages). */
export function rangeQuery(range: DashboardRange): string {
  const p = new URLSearchParams({ range: range.preset });
  if (range.preset === 'custom') {
    p.set('from', range.current.from);
    p.set('to', range.current.to);
  }
  return p.toString();
}
