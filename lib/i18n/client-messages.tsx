// The texts a segment's client components need, and only those: without a `messages` prop next-intl hands the whole
// catalogue (≈ 80 KB, the staff pages' texts included) to the browser with every page.
import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { catalogues } from './messages';
import { pickMessages, type Catalogue } from './pick-messages';

export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: React.ReactNode }) {
  const locale = (await getLocale()) as keyof typeof catalogues;
  return <NextIntlClientProvider messages={pickMessages(catalogues[locale] as Catalogue, namespaces)}>{children}</NextIntlClientProvider>;
}
