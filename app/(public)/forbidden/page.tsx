import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errorPage');
  return { title: t('forbiddenHeading') };
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
