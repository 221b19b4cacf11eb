import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function LandingPage() {
  const t = await getTranslations('landing');
  return (
    <div className="max-width-text">
      <h1>{t('heading')}</h1>
      <p className="font-lead">{t('lead')}</p>
      <p>
        <Link className="button button-primary" href="/start" data-testid="start-eid">
          {t('start')}
        </Link>
      </p>
      <p className="form-hint">{t('startHint')}</p>

      <h2>{t('howHeading')}</h2>
      <h3>{t('autoHeading')}</h3>
      <p>{t('autoBody')}</p>
      <h3>{t('mitidHeading')}</h3>
      <p>{t('mitidBody')}</p>
      <h3>{t('manualHeading')}</h3>
      <p>{t('manualBody')}</p>

      <h2>{t('readyHeading')}</h2>
      <ul>
        <li>{t('readyEid')}</li>
        <li>{t('readyCpr')}</li>
        <li>{t('readyEmail')}</li>
        <li>{t('readyDocument')}</li>
      </ul>

      <h2>{t('connectionHeading')}</h2>
      <p>{t('connectionBody')}</p>
      <p>
        <Link href="/connection" data-testid="landing-connection">
          {t('connectionLink')}
        </Link>
      </p>

      <h2>{t('privacyHeading')}</h2>
      <p>{t('privacyBody')}</p>
    </div>
  );
}
