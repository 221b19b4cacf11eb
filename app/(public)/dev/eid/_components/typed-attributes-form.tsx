import { getLocale, getTranslations } from 'next-intl/server';
import { TextField } from '@/components/form/text-field';
import { countryOptions } from '@/lib/identity/countries';
import type { Locale } from '@/lib/i18n/config';

/** The simulator's free-form login: any attributes an eID could assert, to try the matching rules by hand. */
export async function TypedAttributesForm({ state, nonce, defaultCountry }: { state: string; nonce: string; defaultCountry: string }) {
  const [t, locale] = await Promise.all([getTranslations('simulator'), getLocale() as Promise<Locale>]);
  return (
    <form method="post" action="/dev/eid/authorize">
      <input type="hidden" name="state" value={state} />
      <input type="hidden" name="nonce" value={nonce} />
      <input type="hidden" name="action" value="typed" />
      <TextField id="typed-pid" name="personIdentifier" label={t('personIdentifier')} hint={t('personIdentifierHint')} required />
      <div className="form-group">
        <label className="form-label" htmlFor="typed-country">
          {t('country')}
        </label>
        <select className="form-select" id="typed-country" name="country" autoComplete="off" defaultValue={defaultCountry}>
          {countryOptions(locale).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <TextField id="typed-given" name="givenNames" label={t('givenNames')} required />
      <TextField id="typed-family" name="familyName" label={t('familyName')} required />
      <TextField id="typed-dob" name="dateOfBirth" label={t('dateOfBirth')} hint={t('dateOfBirthHint')} width="s" required />
      <TextField id="typed-birth-name" name="birthName" label={t('birthName')} />
      <div className="form-group">
        <label className="form-label" htmlFor="typed-gender">
          {t('gender')}
        </label>
        <select className="form-select" id="typed-gender" name="gender" defaultValue="">
          <option value="">{t('genderNone')}</option>
          <option value="male">{t('genderMale')}</option>
          <option value="female">{t('genderFemale')}</option>
          <option value="unspecified">{t('genderUnspecified')}</option>
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="typed-loa">
          {t('levelOfAssurance')}
        </label>
        <select className="form-select" id="typed-loa" name="levelOfAssurance" defaultValue="substantial">
          <option value="low">{t('loaLow')}</option>
          <option value="substantial">{t('loaSubstantial')}</option>
          <option value="high">{t('loaHigh')}</option>
        </select>
      </div>
      <button type="submit" className="button button-secondary">
        {t('logIn')}
      </button>
    </form>
  );
}
