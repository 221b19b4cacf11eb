// Languages of the service: English and Danish. The choice lives in a cookie, so URLs stay language-neutral.
export const locales = ['en', 'da'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const LOCALE_COOKIE = 'locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Picks the language from the cookie, else from Accept-Language (Danish speakers get Danish), else English. */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().split(';')[0]?.toLowerCase().slice(0, 2))
    .find((code) => isLocale(code));
  return preferred && isLocale(preferred) ? preferred : defaultLocale;
}
