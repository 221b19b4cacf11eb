import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { titledBy } from '@/lib/i18n/page-title';

export const generateMetadata = () => titledBy('errorPage.notFoundHeading');

export default async function NotFound() {
  const t = await getTranslations('errorPage');
  return (
    <>
      <SiteHeader />
      <main id="main-content" className="container" tabIndex={-1}>
        <h1>{t('notFoundHeading')}</h1>
        <p>{t('notFoundBody')}</p>
        <p>
          <Link href="/">{t('home')}</Link>
        </p>
      </main>
    </>
  );
}
