// The countries whose eIDs the service accepts: the EU and EEA member states (ISO 3166-1 alpha-2). Client-safe.
import type { Locale } from '@/lib/i18n/config';

export const EU_EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL',
  'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] as const;
export type Country = (typeof EU_EEA_COUNTRIES)[number];

export function isEuEeaCountry(value: unknown): value is Country {
  return typeof value === 'string' && (EU_EEA_COUNTRIES as readonly string[]).includes(value);
}

/** Country names in the reader's language, from the platform's CLDR data, sorted as that language sorts. */
export function countryOptions(locale: Locale, codes: readonly string[] = EU_EEA_COUNTRIES): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return codes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
