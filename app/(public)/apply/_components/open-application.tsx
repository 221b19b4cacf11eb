import { getTranslations } from 'next-intl/server';

/** The eID identity has an application in progress already: its reference, and a way to get the status link again. */
export async function OpenApplication({ reference, link }: { reference: string; link: 'sent' | 'limited' | null }) {
  const t = await getTranslations('apply.open');
  return (
    <div className="max-width-text" data-testid="open-application">
      <h1>{t('heading')}</h1>
      {link ? (
        <div className={`alert ${link === 'sent' ? 'alert-success' : 'alert-warning'}`} role="status">
          <div className="alert-body">
            <p className="alert-text">{t(link)}</p>
          </div>
        </div>
      ) : null}
      <p>{t('referenceLabel')}</p>
      <p className="h2" data-testid="reference">
        {reference}
      </p>
      <p>{t('body')}</p>
      <h2>{t('resendHeading')}</h2>
      <p>{t('resendBody')}</p>
      <form method="post" action="/api/v1/applications/status-link">
        <button type="submit" className="button button-secondary" data-testid="resend-status-link">
          {t('resend')}
        </button>
      </form>
    </div>
  );
}
