import { getTranslations } from 'next-intl/server';
import { titledBy } from '@/lib/i18n/page-title';

export const generateMetadata = () => titledBy('staffAuth.noAccessHeading');

export default async function NoAccessPage() {
  const t = await getTranslations('staffAuth');
  return (
    <div className="max-width-text">
      <h1>{t('noAccessHeading')}</h1>
      <p>{t('noAccessBody')}</p>
    </div>
  );
}
