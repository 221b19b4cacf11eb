// Countries whose national eID can be used here (eIDAS: the EU and the EEA), for the queue's country filter.
import type { Locale } from '@/lib/i18n/config';
import { countryName as identityCountryName, countryOptions as identityCountryOptions } from '@/lib/identity/countries';
export const eidasCountries = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

/** Country names in the reader's language, from the one catalogue (lib/identity/country-names). */
export function countryOptions(locale: string, codes: readonly string[] = eidasCountries): { code: string; name: string }[] {
  return identityCountryOptions(locale as Locale, codes);
}

export function countryName(code: string, locale: string): string {
  return identityCountryName(locale, code);
}
