// The age of an application in Danish business days, and the submission cut-off for "older than N business days".
// The service target (SERVICE_TARGET_DAYS) is counted the same way, so the warning and the filter agree.
import { businessDayOrdinal, businessDaysBetween, businessDayWithOrdinal, isBusinessDay } from '@/lib/calendar/business-days';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Copenhagen', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
const DAY_MS = 86_400_000;

export type Age = { days: number; overTarget: boolean };

export function applicationAge(submittedAt: Date, now: Date, targetDays: number): Age {
  const days = Math.max(0, businessDaysBetween(submittedAt, now));
  return { days, overTarget: days > targetDays };
}

/** Copenhagen's offset from UTC at an instant, in milliseconds. */
function copenhagenOffset(at: Date): number {
  const p = Object.fromEntries(offsetFormat.formatToParts(at).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a Copenhagen calendar day (given as UTC midnight of that date) begins. */
function copenhagenStartOf(utcMidnight: number): Date {
  return new Date(utcMidnight - copenhagenOffset(new Date(utcMidnight)));
}

/**
 * Applications submitted before the returned instant are more than `days` business days old at `now`:
 * the end of the latest Copenhagen day from which more than `days` business days have passed.
 */
export function submittedBeforeForAge(days: number, now: Date): Date {
  const today = dayFormat.format(now);
  // The first day that is not old enough is the business day `days` ordinals before today's (the cumulative index).
  const todayOrdinal = businessDayOrdinal(today);
  const firstTooYoung = todayOrdinal === null ? null : businessDayWithOrdinal(todayOrdinal - days);
  if (firstTooYoung) return copenhagenStartOf(Date.parse(`${firstTooYoung}T00:00:00Z`));
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  let day = Date.UTC(y, m - 1, d);
  let counted = 0;
  // Walk back until the business days after `day` up to today number more than `days`.
  while (counted <= days) {
    if (isBusinessDay(new Date(copenhagenStartOf(day).getTime() + 12 * 3600_000))) counted++;
    day -= DAY_MS;
  }
  return copenhagenStartOf(day + DAY_MS);
}
