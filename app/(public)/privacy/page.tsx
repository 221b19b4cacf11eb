import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { titledBy } from '@/lib/i18n/page-title';

export const generateMetadata = () => titledBy('privacy.heading');

export default async function PrivacyPage() {
  const t = await getTranslations('privacy');
  return (
    <div className="max-width-text">
      <h1>{t('heading')}</h1>
      <p>{t('body1')}</p>
      <p>{t('body2')}</p>
      <p>{t('body3')}</p>
      <p>
        {t('rights')} <Link href="/connection">{t('rightsLink')}</Link>
      </p>
    </div>
  );
}
