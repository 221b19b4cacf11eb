import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titledBy } from '@/lib/i18n/page-title';

export async function generateMetadata(): Promise<Metadata> {
  return titledBy('errorPage.forbiddenHeading');
}

/** Where the proxy sends a form posted from another site: refused (403), explained, nothing changed. */
export default async function ForbiddenPage() {
  const t = await getTranslations('errorPage');
  return (
    <div className="max-width-text">
      <h1>{t('forbiddenHeading')}</h1>
      <p>{t('forbiddenBody')}</p>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
