// Danish business days: weekdays that are not Danish public holidays, counted on the calendar of Europe/Copenhagen.
// Used for the age of applications in the queue, on the case page and in the statistics; one implementation, in
// danish-calendar.ts, counted as the difference of two ordinals of a cumulative index over the calendar (mirrored in
// SQL by the business_days table's ordinal column, and tested to agree with it day by day).
export { businessDayOrdinal, businessDaysBetween, businessDayWithOrdinal, isBusinessDay } from './danish-calendar';
