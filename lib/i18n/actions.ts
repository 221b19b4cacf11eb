'use server';
// Switching language: a plain form post, so it works without JavaScript too. It opens with the action door as a form
// post that answers with a page: it only sets a cookie, and ignores a language it does not know.
import { cookies } from 'next/headers';
import { action } from '@/lib/http/action';
import { z } from '@/lib/validation';
import { LOCALE_COOKIE, locales } from './config';

export async function setLocale(formData: FormData): Promise<void> {
  return action({ who: 'anyone', schema: z.object({ locale: z.enum(locales) }), form: ['locale'], refuse: () => undefined }, formData, async (_, { locale }) => {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: false });
  });
}
