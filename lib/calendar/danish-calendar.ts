// Danish business days in Europe/Copenhagen: weekends, the public holidays (helligdagsloven) and the days public
// offices close by agreement. Mirrored in SQL by the business_days table (migration 0006), and tested to agree.

export const TIME_ZONE = 'Europe/Copenhagen';

export type ClosedDay =
  | 'new_years_day'
  | 'maundy_thursday'
  | 'good_friday'
  | 'easter_sunday'
  | 'easter_monday'
  | 'great_prayer_day'
  | 'ascension_day'
  | 'whit_sunday'
  | 'whit_monday'
  | 'constitution_day'
  | 'christmas_eve'
  | 'christmas_day'
  | 'boxing_day'
  | 'new_years_eve';

const DAY_MS = 86_400_000;

/** Easter Sunday (Gregorian, the anonymous algorithm) as a UTC midnight date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The days a Danish public office is closed in a year, besides Saturdays and Sundays. Great Prayer Day was abolished
 * from 2024; Constitution Day, Christmas Eve and New Year's Eve are not statutory holidays but state offices close.
 */
export function danishClosedDays(year: number): Map<string, ClosedDay> {
  const easter = easterSunday(year).getTime();
  const fromEaster = (days: number) => iso(new Date(easter + days * DAY_MS));
  const fixed = (month: number, day: number) => iso(new Date(Date.UTC(year, month - 1, day)));
  const days: [string, ClosedDay][] = [
    [fixed(1, 1), 'new_years_day'],
    [fromEaster(-3), 'maundy_thursday'],
    [fromEaster(-2), 'good_friday'],
    [fromEaster(0), 'easter_sunday'],
    [fromEaster(1), 'easter_monday'],
    ...(year <= 2023 ? [[fromEaster(26), 'great_prayer_day'] as [string, ClosedDay]] : []),
    [fromEaster(39), 'ascension_day'],
    [fromEaster(49), 'whit_sunday'],
    [fromEaster(50), 'whit_monday'],
    [fixed(6, 5), 'constitution_day'],
    [fixed(12, 24), 'christmas_eve'],
    [fixed(12, 25), 'christmas_day'],
    [fixed(12, 26), 'boxing_day'],
    [fixed(12, 31), 'new_years_eve'],
  ];
  return new Map(days);
}

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of an instant in Copenhagen. */
export function copenhagenDate(instant: Date): string {
  return dateFormat.format(instant);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  return iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const closedCache = new Map<number, Map<string, ClosedDay>>();

/** Is the day (a YYYY-MM-DD date, or an instant read as its Copenhagen date) a working day of a Danish office? */
export function isBusinessDay(date: Date | string): boolean {
  const day = typeof date === 'string' ? date : copenhagenDate(date);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(day.slice(0, 4));
  let closed = closedCache.get(year);
  if (!closed) closedCache.set(year, (closed = danishClosedDays(year)));
  return !closed.has(day);
}

/**
 * The cumulative index over the calendar: for each day from INDEX_FIRST_DAY to INDEX_LAST_DAY, the business days from
 * the first day up to and including it. The same numbers as business_days.ordinal in SQL (migration 0006), so a
 * difference of two ordinals is the business days between two dates, in constant time, in JavaScript and in SQL alike.
 */
export const INDEX_FIRST_DAY = '2000-01-01';
export const INDEX_LAST_DAY = '2100-12-31';
let cumulative: Int32Array | undefined;

function calendarIndex(): Int32Array {
  if (!cumulative) {
    const length = daysBetween(INDEX_FIRST_DAY, INDEX_LAST_DAY) + 1;
    const closed = new Uint8Array(length);
    for (let year = Number(INDEX_FIRST_DAY.slice(0, 4)); year <= Number(INDEX_LAST_DAY.slice(0, 4)); year++) {
      for (const day of danishClosedDays(year).keys()) closed[daysBetween(INDEX_FIRST_DAY, day)] = 1;
    }
    const firstWeekday = new Date(`${INDEX_FIRST_DAY}T00:00:00Z`).getUTCDay();
    cumulative = new Int32Array(length);
    let count = 0;
    for (let i = 0; i < length; i++) {
      const weekday = (firstWeekday + i) % 7;
      if (weekday !== 0 && weekday !== 6 && !closed[i]) count++;
      cumulative[i] = count;
    }
  }
  return cumulative;
}

/** Business days from INDEX_FIRST_DAY up to and including the day (business_days.ordinal); null outside the index. */
export function businessDayOrdinal(day: string): number | null {
  const i = daysBetween(INDEX_FIRST_DAY, day);
  const index = calendarIndex();
  return i >= 0 && i < index.length ? index[i]! : null;
}

/** The business day whose ordinal is `ordinal` (the first day the count reaches it); null outside the index. */
export function businessDayWithOrdinal(ordinal: number): string | null {
  const index = calendarIndex();
  if (ordinal < 1 || ordinal > index[index.length - 1]!) return null;
  let lo = 0;
  let hi = index.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index[mid]! < ordinal) lo = mid + 1;
    else hi = mid;
  }
  return addDays(INDEX_FIRST_DAY, lo);
}

/**
 * Business days after `from`'s Copenhagen date up to and including `to`'s: submitted on a Friday and decided the
 * next Monday is 1; the same day is 0. Negative when `to` is before `from`. Constant time inside the index; days
 * outside it (before 2000, after 2100) are counted one by one.
 */
export function businessDaysBetween(from: Date | string, to: Date | string): number {
  const a = typeof from === 'string' ? from : copenhagenDate(from);
  const b = typeof to === 'string' ? to : copenhagenDate(to);
  const oa = businessDayOrdinal(a);
  const ob = businessDayOrdinal(b);
  if (oa !== null && ob !== null) return ob - oa;
  if (b < a) return -businessDaysBetween(b, a);
  let count = 0;
  for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isBusinessDay(day)) count++;
  return count;
}
