// The countries whose eIDs the service accepts: the EU and EEA member states (ISO 3166-1 alpha-2). Client-safe.
import type { Locale } from '@/lib/i18n/config';
import { countryNames } from './country-names';

export const EU_EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL',
  'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] as const;
export type Country = (typeof EU_EEA_COUNTRIES)[number];

export function isEuEeaCountry(value: unknown): value is Country {
  return typeof value === 'string' && (EU_EEA_COUNTRIES as readonly string[]).includes(value);
}

/** Country names in the reader's language from our own catalogue, in the order that language sorts. */
export function countryOptions(locale: Locale, codes: readonly string[] = EU_EEA_COUNTRIES): { code: string; name: string }[] {
  const wanted = new Set(codes);
  const names: Record<string, string> = countryNames[locale] ?? countryNames.en;
  const known = Object.keys(names).filter((code) => wanted.has(code));
  // A code the catalogue does not know (none today) is still offered, under its code, at the end.
  const unknown = codes.filter((code) => !(code in names));
  return [...known.map((code) => ({ code, name: names[code]! })), ...unknown.map((code) => ({ code, name: code }))];
}

export function countryName(locale: Locale | string, code: string): string {
  const names: Record<string, string> = countryNames[locale as Locale] ?? countryNames.en;
  return names[code] ?? code;
}
