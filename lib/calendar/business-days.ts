// Danish business days: weekdays that are not Danish public holidays, counted on the calendar of Europe/Copenhagen.
// Used for the age of applications in the queue and for the statistics; one implementation, in danish-calendar.ts
// (mirrored in SQL by the business_days table, and tested to agree with it day by day).
export { businessDaysBetween, isBusinessDay } from './danish-calendar';
