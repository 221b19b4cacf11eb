import { afterEach, describe, expect, it, vi } from 'vitest';
import { allCountries } from '@/lib/applications/countries';
import { countryNames } from '@/lib/identity/country-names';
import { countryName, countryOptions, EU_EEA_COUNTRIES } from '@/lib/identity/countries';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the country-name catalogue', () => {
  it('names every country code in English and in Danish', () => {
    for (const locale of ['en', 'da'] as const) {
      const names: Record<string, string> = countryNames[locale];
      for (const code of allCountries) {
        expect(names[code], `${locale} ${code}`).toBeTruthy();
        expect(names[code]).not.toBe(code);
      }
      expect(Object.keys(names).sort()).toEqual([...allCountries].sort());
    }
  });

  it('spells the names that differed between server and browser the same everywhere, and plainly', () => {
    expect(['FK', 'HK', 'MO', 'PS'].map((c) => countryName('en', c))).toEqual(['Falkland Islands', 'Hong Kong', 'Macao', 'Palestine']);
    expect(['FK', 'HK', 'MO', 'PS'].map((c) => countryName('da', c))).toEqual(['Falklandsøerne', 'Hongkong', 'Macao', 'Palæstina']);
  });

  it('does not use the runtime locale data, so server and browser render the same names', () => {
    const refusing = class {
      constructor() {
        throw new Error('locale data used');
      }
    };
    vi.stubGlobal('Intl', { ...Intl, DisplayNames: refusing });
    expect(countryName('da', 'DE')).toBe('Tyskland');
    expect(countryOptions('en', ['HK', 'DK']).map((c) => c.name)).toEqual(['Denmark', 'Hong Kong']);
  });

  it('lists the options in the order of the reader language, Æ, Ø and Å last in Danish', () => {
    const da = countryOptions('da', ['AT', 'ZW', 'AX', 'DK', 'GQ']).map((c) => c.name);
    expect(da).toEqual(['Danmark', 'Zimbabwe', 'Ækvatorialguinea', 'Østrig', 'Åland']);
    const en = countryOptions('en', ['AT', 'ZW', 'AX', 'DK']).map((c) => c.name);
    expect(en).toEqual(['Åland Islands', 'Austria', 'Denmark', 'Zimbabwe']);
  });

  it('offers the EU and EEA countries for the eID, each once', () => {
    const options = countryOptions('en');
    expect(options.map((o) => o.code).sort()).toEqual([...EU_EEA_COUNTRIES].sort());
    expect(options.find((o) => o.code === 'CZ')?.name).toBe('Czechia');
  });

  it('shows an unknown code as itself rather than failing', () => {
    expect(countryName('en', 'ZZ')).toBe('ZZ');
    expect(countryOptions('en', ['DK', 'ZZ']).map((o) => o.name)).toEqual(['Denmark', 'ZZ']);
  });
});
