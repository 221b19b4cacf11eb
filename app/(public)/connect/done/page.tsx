import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titledBy } from '@/lib/i18n/page-title';

export const generateMetadata = () => titledBy('journey.doneHeading');

export default async function DonePage() {
  const t = await getTranslations('journey');
  return (
    <div className="max-width-text">
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <h1 className="alert-heading">{t('doneHeading')}</h1>
          <p className="alert-text">{t('doneBody')}</p>
        </div>
      </div>
      <p>{t('doneEmail')}</p>
      <p>
        <Link href="/">{t('frontPage')}</Link>
      </p>
    </div>
  );
}
