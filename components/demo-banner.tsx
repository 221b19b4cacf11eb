import { getTranslations } from 'next-intl/server';

export async function DemoBanner() {
  const t = await getTranslations('layout');
  return (
    <div className="alert alert-warning demo-banner" role="note" data-testid="demo-banner">
      <div className="alert-body">
        <p className="alert-text">{t('demoBanner')}</p>
      </div>
    </div>
  );
}
