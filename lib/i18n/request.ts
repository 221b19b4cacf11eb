// next-intl's per-request configuration: the locale from cookie or Accept-Language, and its catalogue.
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, pickLocale } from './config';
import { catalogues } from './messages';

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get('accept-language'));
  return { locale, messages: catalogues[locale], timeZone: 'Europe/Copenhagen' };
});
