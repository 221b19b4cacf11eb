// Message catalogues and a translator usable outside React (route handlers, emails, jobs).
import { createTranslator } from 'next-intl';
import da from '@/messages/da.json';
import en from '@/messages/en.json';
import type { Locale } from './config';

export const catalogues = { en, da } as const;
export type Messages = typeof en;

export function translator(locale: Locale, namespace?: string) {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: namespace as never });
  return (key: string, values?: Record<string, string | number>) => {
    try {
      return (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
    } catch {
      return key;
    }
  };
}
