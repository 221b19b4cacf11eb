import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { hasEidLogin } from '@/lib/applications/access';
import { formStart } from '@/lib/applications/prefill';
import { submittedFromJourney } from '@/lib/applications/submit';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { currentJourney } from '@/lib/journey';
import { ApplyForm } from './_components/apply-form';
import { NeedsEid } from './_components/needs-eid';
import { Receipt } from './_components/receipt';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apply');
  return { title: t('pageTitle') };
}

export default async function ApplyPage() {
  const db = getDb();
  const journey = await currentJourney(db);
  if (!hasEidLogin(journey)) return <NeedsEid />;
  const submitted = await submittedFromJourney(db, journey);
  if (submitted) return <Receipt reference={submitted.reference} email={submitted.email} />;
  const [start, locale] = await Promise.all([formStart(db, journey), getLocale() as Promise<Locale>]);
  return <ApplyForm start={start} locale={locale} />;
}
