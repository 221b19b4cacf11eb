import { getTranslations } from 'next-intl/server';

export default async function NoAccessPage() {
  const t = await getTranslations('staffAuth');
  return (
    <div className="max-width-text">
      <h1>{t('noAccessHeading')}</h1>
      <p>{t('noAccessBody')}</p>
    </div>
  );
}
