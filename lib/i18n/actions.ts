'use server';
// Switching language: a plain form post, so it works without JavaScript too. It answers nothing (it only sets a
// cookie, and ignores a language it does not know), so it is the one action that does not open with action().
import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from './config';

export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData instanceof FormData ? formData.get('locale') : null;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: false });
}
