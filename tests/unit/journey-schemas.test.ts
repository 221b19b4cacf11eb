import { describe, expect, it } from 'vitest';
import { countryOptions, EU_EEA_COUNTRIES } from '@/lib/identity/countries';
import { cprAndEmailSchema, startSchema } from '@/lib/linking/schemas';
import { fieldErrors } from '@/lib/validation';

describe('the CPR + email form schema', () => {
  it.each(['010590-1233', '0105901233', '010590 1233', ' 010590–1233 '])('accepts %j and normalises it to 10 digits', (cpr) => {
    expect(cprAndEmailSchema.parse({ cpr, email: ' a@example.com ' })).toEqual({ cpr: '0105901233', email: 'a@example.com' });
  });

  it('says which rule a CPR number breaks: an impossible date, or not 10 digits', () => {
    const errors = (cpr: string) => {
      const result = cprAndEmailSchema.safeParse({ cpr, email: 'a@example.com' });
      return result.success ? {} : fieldErrors(result.error);
    };
    expect(errors('310290-1233')).toEqual({ cpr: ['cprDate'] });
    expect(errors('0105901')).toEqual({ cpr: ['cprFormat'] });
    expect(errors('')).toEqual({ cpr: ['cprRequired'] });
  });

  it('refuses unknown fields and a missing email', () => {
    const result = cprAndEmailSchema.safeParse({ cpr: '0105901233', extra: true });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!)).sort()).toEqual(['_form', 'email']);
  });
});

describe('the start form schema and the country list', () => {
  it('accepts the EU and EEA countries only', () => {
    expect(startSchema.safeParse({ country: 'NO' }).success).toBe(true);
    expect(startSchema.safeParse({ country: 'DK' }).success).toBe(false);
    expect(startSchema.safeParse({ country: 'US' }).success).toBe(false);
    // The 27 EU states without Denmark (Danes use MitID), plus Iceland, Liechtenstein and Norway.
    expect(EU_EEA_COUNTRIES).toHaveLength(29);
  });

  it('names the countries in the reader’s language, sorted as that language sorts', () => {
    const da = countryOptions('da');
    expect(da.find((c) => c.code === 'DE')?.name).toBe('Tyskland');
    expect(da.map((c) => c.name)).toEqual([...da.map((c) => c.name)].sort((a, b) => a.localeCompare(b, 'da')));
    expect(countryOptions('en').find((c) => c.code === 'GR')?.name).toBe('Greece');
  });
});
