import { getTranslations } from 'next-intl/server';

/** Every simulator page says, before anything else, that it is a test login. */
export async function TestLoginBanner() {
  const t = await getTranslations('simulator');
  return (
    <div className="alert alert-warning" role="note" data-testid="test-login">
      <div className="alert-body">
        <p className="alert-heading">{t('testLogin')}</p>
      </div>
    </div>
  );
}
