// The <title> of a page (WCAG 2.4.2): what the page is, usually its heading, then the service's name, in the
// visitor's language, so no two pages of the service share a title.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** A page's metadata with the title "<title> – Identity Matching". */
export async function titled(title: string): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: `${title} – ${t('siteName')}` };
}

/** The title from one translation key: `namespace.key`, e.g. "journey.startHeading". */
export async function titledBy(key: string): Promise<Metadata> {
  const dot = key.lastIndexOf('.');
  const t = await getTranslations(key.slice(0, dot));
  return titled(t(key.slice(dot + 1)));
}
