import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { titledBy } from '@/lib/i18n/page-title';

/** The demo relying party's landing page: where a linked applicant is sent back to. */
export const dynamic = 'force-dynamic';

export const generateMetadata = () => titledBy('simulator.returnHeading');

export default async function DemoReturnPage() {
  if (!env().isDemo) notFound();
  const t = await getTranslations('simulator');
  return (
    <div className="max-width-text">
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <h1 className="alert-heading">{t('returnHeading')}</h1>
          <p className="alert-text">{t('returnBody')}</p>
        </div>
      </div>
      <p>
        <Link href="/dev/mailbox">{t('returnMailbox')}</Link>
      </p>
    </div>
  );
}
