import type { Metadata } from 'next';
import { getLocale } from 'next-intl/server';
import { hasEidLogin } from '@/lib/applications/access';
import { findOpenApplication } from '@/lib/applications/open-application';
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
import { OpenApplication } from './_components/open-application';
import { Receipt } from './_components/receipt';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return titledBy('apply.pageTitle');
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ApplyPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const db = getDb();
  const journey = await currentJourney(db);
  if (!hasEidLogin(journey)) return <NeedsEid />;
  const { personIdentifier } = await journeyIdentity(db, journey);
  // An eID that is linked already has nothing to apply for (and a shared device must not show the last person's form).
  if (await findActiveLink(db, personIdentifier)) redirect('/connect/done');
  const submitted = await submittedFromJourney(db, journey);
  if (submitted) return <Receipt reference={submitted.reference} email={submitted.email} />;
  // One open application per eID identity: a later login is shown that one, never a second form.
  const open = await findOpenApplication(db, personIdentifier);
  if (open) {
    const link = search.link;
    return <OpenApplication reference={open.reference} link={link === 'sent' || link === 'limited' ? link : null} />;
  }
  const [start, locale] = await Promise.all([formStart(db, journey), getLocale() as Promise<Locale>]);
  // The step in the address (a reload, Back or Forward) is shown when the steps before it are complete.
  const wanted = Number(search.step);
  if (isStep(wanted)) start.step = reachableStep(start.values, wanted);
  return <ApplyForm start={start} locale={locale} />;
}
