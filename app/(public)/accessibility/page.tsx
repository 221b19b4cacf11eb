import { getTranslations } from 'next-intl/server';
import { titledBy } from '@/lib/i18n/page-title';

export const generateMetadata = () => titledBy('accessibility.heading');

export default async function AccessibilityPage() {
  const t = await getTranslations('accessibility');
  return (
    <div className="max-width-text">
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('howHeading')}</h2>
      <ul>
        <li>{t('how1')}</li>
        <li>{t('how2')}</li>
        <li>{t('how3')}</li>
        <li>{t('how4')}</li>
        <li>{t('how5')}</li>
      </ul>
      <h2>{t('checkHeading')}</h2>
      <p>{t('checkBody')}</p>
      <h2>{t('contactHeading')}</h2>
      <p>{t('contactBody')}</p>
    </div>
  );
}
