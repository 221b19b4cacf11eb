// The locale of an API request (cookie, then Accept-Language), for translated error messages.
import type { NextRequest } from 'next/server';
import { LOCALE_COOKIE, pickLocale, type Locale } from './config';
import { translator } from './messages';

export function requestLocale(req: Request | NextRequest): Locale {
  const cookieHeader = req.headers.get('cookie') ?? '';
  const match = cookieHeader.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  return pickLocale(match?.[1], req.headers.get('accept-language'));
}

/** Translator for the `errors` namespace in the request's language. */
export function errorTranslator(req: Request) {
  return translator(requestLocale(req), 'errors');
}
