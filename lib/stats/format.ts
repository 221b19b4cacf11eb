// How a dashboard cell is written: on the page with the locale's grouping and decimals, in a CSV plainly (no
// grouping; a decimal comma in Danish, where the CSV also uses semicolons as Danish Excel expects).
import type { Locale } from '@/lib/i18n/config';
import { countryName } from '@/lib/identity/countries';

export type NumberKind = 'count' | 'percent' | 'hours' | 'days';
export type Cell = string | { n: number | null; kind: NumberKind } | { date: string; kind: 'date' | 'week' };
export type Mode = 'display' | 'csv';

export const count = (n: number | null): Cell => ({ n, kind: 'count' });
export const percentCell = (n: number | null): Cell => ({ n, kind: 'percent' });
export const hours = (n: number | null): Cell => ({ n, kind: 'hours' });
export const days = (n: number | null): Cell => ({ n, kind: 'days' });

/** ISO 8601 week and its year for a YYYY-MM-DD date. */
export function isoWeek(day: string): { year: number; week: number } {
  const d = new Date(`${day}T00:00:00Z`);
  // The Thursday of the week decides its year.
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { year, week };
}

export function formatCell(cell: Cell, locale: Locale, mode: Mode, weekLabel?: (week: number, year: number) => string): string {
  if (typeof cell === 'string') return cell;
  if ('date' in cell) {
    if (cell.kind === 'week') {
      const { year, week } = isoWeek(cell.date);
      return mode === 'csv' || !weekLabel ? `${year}-W${String(week).padStart(2, '0')}` : weekLabel(week, year);
    }
    return mode === 'csv' ? cell.date : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${cell.date}T00:00:00Z`));
  }
  if (cell.n === null) return mode === 'csv' ? '' : '–';
  const decimals = cell.kind === 'percent' || cell.kind === 'hours' ? 1 : 0;
  if (mode === 'csv') {
    const text = cell.n.toFixed(decimals);
    return locale === 'da' ? text.replace('.', ',') : text;
  }
  if (cell.kind === 'percent') return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(cell.n / 100);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(cell.n);
}

/** Country name in the reader's language (our catalogue), with its code. */
export function countryLabel(locale: Locale, code: string): string {
  const name = countryName(locale, code);
  return name !== code ? `${name} (${code})` : code;
}
