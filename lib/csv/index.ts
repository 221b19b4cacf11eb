// CSV files people open in Excel: UTF-8 with a byte-order mark (so Danish letters survive), CRLF line ends,
// semicolons for Danish readers (their Excel's list separator) and commas otherwise; formula-like text neutralised.
import type { Locale } from '@/lib/i18n/config';

export const BOM = '\uFEFF';

export type CsvDialect = { delimiter: ',' | ';' };

export function csvDialect(locale: Locale): CsvDialect {
  return { delimiter: locale === 'da' ? ';' : ',' };
}

// A cell starting with one of these would run as a formula in a spreadsheet (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+([.,]\d+)?$/;

export function csvCell(value: string, dialect: CsvDialect): string {
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(dialect.delimiter) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: string[], dialect: CsvDialect): string {
  return `${cells.map((c) => csvCell(c, dialect)).join(dialect.delimiter)}\r\n`;
}

/** A whole CSV document, BOM first. */
export function csvDocument(header: string[], rows: string[][], dialect: CsvDialect): string {
  return BOM + csvLine(header, dialect) + rows.map((r) => csvLine(r, dialect)).join('');
}
