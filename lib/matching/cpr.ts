// Parsing of a typed or pasted CPR number into digits, birth date and sex.
// Shared by the client form and the server, so it must stay free of I/O and server-only imports.

import { dateExists, formatIsoDate } from './calendar';

export const CPR_PARSE_ERRORS = ['format', 'date'] as const;
export type CprParseError = (typeof CPR_PARSE_ERRORS)[number];

export type ParsedCpr =
  | { ok: true; cpr: string; dateOfBirth: string; sex: 'male' | 'female' }
  | { ok: false; error: CprParseError };

// Spaces may sit anywhere (people type "010590 1233" or paste with padding); the only separator
// allowed is one hyphen or en-dash (word processors turn "-" into "–") between date and serial.
const CPR_SHAPE = /^(\d{2})(\d{2})(\d{2})[-\u2013]?(\d)(\d{3})$/;

// Century from the 7th digit, per the CPR office's table. Modulus 11 is deliberately not checked:
// numbers issued since 2007 may fail it.
function centuryFor(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** Today's date in Denmark (YYYY-MM-DD), where CPR numbers are issued: a child born there today may already have one. */
export function danishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * `today` (YYYY-MM-DD) is the latest birth date accepted: the century table maps some numbers into the future
 * (010157-7123 reads as 2057), and nobody is born after today.
 */
export function parseCpr(input: string, today: string = danishToday()): ParsedCpr {
  const compact = String(input).replace(/\s/gu, '');
  const m = CPR_SHAPE.exec(compact);
  if (!m) return { ok: false, error: 'format' };
  const [, dd = '', mm = '', yy = '', seventh = '', rest = ''] = m;
  const year = centuryFor(Number(seventh), Number(yy)) + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (!dateExists(year, month, day)) return { ok: false, error: 'date' };
  const dateOfBirth = formatIsoDate(year, month, day);
  if (dateOfBirth > today) return { ok: false, error: 'date' };
  const cpr = `${dd}${mm}${yy}${seventh}${rest}`;
  const lastDigit = Number(rest.slice(-1));
  return {
    ok: true,
    cpr,
    dateOfBirth,
    sex: lastDigit % 2 === 1 ? 'male' : 'female',
  };
}

/** A typed CPR number shown back to the person typing it, as it is written: `010155-1234`; anything else as typed. */
export function writtenCpr(typed: string): string {
  const digits = typed.replace(/[\s\-\u2010-\u2015]/g, '');
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 6)}-${digits.slice(6)}` : typed;
}

/** A CPR number as shown back to its own holder: the birth date, the rest hidden (`010155-••••`). */
export function maskedCpr(cpr: string): string {
  return `${cpr.replace(/\D/g, '').slice(0, 6)}-••••`;
}
