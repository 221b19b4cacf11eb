import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { countryOptions } from '@/lib/identity/countries';
import type { Locale } from '@/lib/i18n/config';

/**
 * The country choice that starts an eID login (a plain form post, so it works without JavaScript). Used by the
 * journey's /start and by /connection; each posts to its own start route, which sends the browser to the broker.
 */
export async function EidLoginForm({ action, countryError, hidden, buttonLabel }: { action: string; countryError?: string; hidden?: ReactNode; buttonLabel: string }) {
  const [t, locale] = await Promise.all([getTranslations('journey'), getLocale()]);
  const countries = countryOptions(locale as Locale);
  return (
    <form method="post" action={action} noValidate>
      {hidden}
      <div className={`form-group${countryError ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor="country">
          {t('countryLabel')}
        </label>
        <span className="form-hint" id="country-hint">
          {t('countryHint')}
        </span>
        {countryError ? (
          <span className="form-error-message" id="country-error">
            {countryError}
          </span>
        ) : null}
        <select
          className="form-select"
          id="country"
          name="country"
          autoComplete="off"
          defaultValue=""
          required
          aria-describedby={countryError ? 'country-hint country-error' : 'country-hint'}
          aria-invalid={countryError ? true : undefined}
        >
          <option value="" disabled>
            {t('countryPlaceholder')}
          </option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary" data-testid="start-login">
        {buttonLabel}
      </button>
    </form>
  );
}
