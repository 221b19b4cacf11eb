// Danish business days: weekdays that are not Danish public holidays, counted on the calendar of Europe/Copenhagen.
// Used for the age of applications in the queue and for the statistics; the API is deliberately two functions.

const ZONE = 'Europe/Copenhagen';
const DAY_MS = 86_400_000;

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Days since 1970-01-01 of the calendar date this instant has in Copenhagen. */
function copenhagenDay(date: Date): number {
  const [y, m, d] = dayFormat.format(date).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Easter Sunday (Gregorian, anonymous algorithm) as a day number. */
function easterSunday(year: number): number {
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
  return dayOf(year, month, day);
}

const holidayCache = new Map<number, Set<number>>();

/** Public holidays of one year (helligdage, plus the 24th and 31st of December, which are days off in practice). */
function holidays(year: number): Set<number> {
  let set = holidayCache.get(year);
  if (set) return set;
  const easter = easterSunday(year);
  set = new Set([
    dayOf(year, 1, 1),
    easter - 3, // Maundy Thursday
    easter - 2, // Good Friday
    easter + 1, // Easter Monday
    easter + 39, // Ascension Day
    easter + 50, // Whit Monday
    dayOf(year, 6, 5), // Constitution Day
    dayOf(year, 12, 24),
    dayOf(year, 12, 25),
    dayOf(year, 12, 26),
    dayOf(year, 12, 31),
  ]);
  // Great Prayer Day (the fourth Friday after Easter) was abolished from 2024.
  if (year <= 2023) set.add(easter + 26);
  holidayCache.set(year, set);
  return set;
}

const isWeekendDay = (day: number) => {
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday === 0 || weekday === 6;
};

const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

function isBusinessDayNumber(day: number): boolean {
  return !isWeekendDay(day) && !holidays(yearOf(day)).has(day);
}

/** Weekdays among the day numbers below `n`, counted from day 0 (a Thursday). */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  const rest = n - weeks * 7;
  // Days 0..6 are Thu, Fri, Sat, Sun, Mon, Tue, Wed: weekdays among the first `rest` of them.
  return weeks * 5 + [0, 1, 2, 2, 2, 3, 4][rest]!;
}

/** Whether the Copenhagen calendar date of this instant is a Danish business day. */
export function isBusinessDay(date: Date): boolean {
  return isBusinessDayNumber(copenhagenDay(date));
}

/**
 * Business days after the date of `from` up to and including the date of `to` (Copenhagen calendar dates):
 * the same day is 0, Friday to the next Monday is 1. Negative when `to` is before `from`.
 */
export function businessDaysBetween(from: Date, to: Date): number {
  const a = copenhagenDay(from);
  const b = copenhagenDay(to);
  if (b < a) return -businessDaysBetween(to, from);
  let count = weekdaysBefore(b + 1) - weekdaysBefore(a + 1);
  for (let year = yearOf(a); year <= yearOf(b); year++) {
    for (const day of holidays(year)) if (day > a && day <= b && !isWeekendDay(day)) count--;
  }
  return count;
}
