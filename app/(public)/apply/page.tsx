import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { hasEidLogin } from '@/lib/applications/access';
import { formStart } from '@/lib/applications/prefill';
import { isStep, reachableStep } from '@/lib/applications/schema';
import { submittedFromJourney } from '@/lib/applications/submit';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { currentJourney } from '@/lib/journey';
import { journeyIdentity } from '@/lib/linking/auto-match';
import { findActiveLink } from '@/lib/linking/links';
import { redirect } from 'next/navigation';
import { ApplyForm } from './_components/apply-form';
import { NeedsEid } from './_components/needs-eid';
import { Receipt } from './_components/receipt';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('apply');
  return { title: t('pageTitle') };
}

export default async function ApplyPage({ searchParams }: { searchParams: Promise<{ step?: string | string[] }> }) {
  const { step: stepParam } = await searchParams;
  const db = getDb();
  const journey = await currentJourney(db);
  if (!hasEidLogin(journey)) return <NeedsEid />;
  // An eID that is linked already has nothing to apply for (and a shared device must not show the last person's form).
  if (await findActiveLink(db, (await journeyIdentity(db, journey)).personIdentifier)) redirect('/connect/done');
  const submitted = await submittedFromJourney(db, journey);
  if (submitted) return <Receipt reference={submitted.reference} email={submitted.email} />;
  const [start, locale] = await Promise.all([formStart(db, journey), getLocale() as Promise<Locale>]);
  // The step in the address (a reload, Back or Forward) is shown when the steps before it are complete.
  const wanted = Number(stepParam);
  if (isStep(wanted)) start.step = reachableStep(start.values, wanted);
  return <ApplyForm start={start} locale={locale} />;
}
