import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function SessionEnded() {
  const t = await getTranslations('journey');
  return (
    <div className="max-width-text" data-testid="session-ended">
      <h1>{t('sessionEndedHeading')}</h1>
      <p>{t('sessionEnded')}</p>
      <p>
        <Link className="button button-primary" href="/start">
          {t('startAgain')}
        </Link>
      </p>
    </div>
  );
}
