// Countries whose national eID can be used here (eIDAS: the EU and the EEA), for the queue's country filter.
export const eidasCountries = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

/** Country names in the reader's language, sorted by that name. */
export function countryOptions(locale: string, codes: readonly string[] = eidasCountries): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
