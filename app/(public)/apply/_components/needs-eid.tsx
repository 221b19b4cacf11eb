import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Without an eID login an application could never become a link, so the form sends people to log in first. */
export async function NeedsEid() {
  const t = await getTranslations('apply.needsEid');
  return (
    <div className="max-width-text">
      <h1>{t('heading')}</h1>
      <p className="font-lead">{t('lead')}</p>
      <p>{t('why')}</p>
      <p>
        <Link className="button button-primary" href="/start">
          {t('start')}
        </Link>
      </p>
    </div>
  );
}
