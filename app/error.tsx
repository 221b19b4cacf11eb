'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Shown instead of a stack trace when a page fails, for example while the database is down. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <main id="main-content" className="container" tabIndex={-1}>
      <h1>{t('heading')}</h1>
      <p>{t('body')}</p>
      <p>
        <button type="button" className="button button-primary" onClick={() => reset()}>
          {t('retry')}
        </button>
      </p>
      <p>
        <Link href="/">{t('home')}</Link>
      </p>
    </main>
  );
}
