// The manual application: the form (its step in the address), or what stands in its place: the eID login first, the
// receipt once sent, or the one application already open for this eID. The title says which, and which step.
import type { Metadata } from 'next';
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { hasEidLogin } from '@/lib/applications/access';
import { findOpenApplication } from '@/lib/applications/open-application';
import { formStart } from '@/lib/applications/prefill';
import { isStep, reachableStep } from '@/lib/applications/schema';
import { submittedFromJourney } from '@/lib/applications/submit';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { titled } from '@/lib/i18n/page-title';
import { currentJourney } from '@/lib/journey';
import { journeyIdentity } from '@/lib/linking/auto-match';
import { sentOnByMitid } from '@/lib/linking/mitid-match';
import { findActiveLink } from '@/lib/linking/links';
import { redirect } from 'next/navigation';
import { NeedsJavaScript } from '@/components/needs-javascript';
import { ApplyForm } from './_components/apply-form';
import { NeedsEid } from './_components/needs-eid';
import { OpenApplication } from './_components/open-application';
import { Receipt } from './_components/receipt';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

/** What /apply shows this request, worked out once for the title and the page. */
const applyView = cache(async (wantedStep: string) => {
  const db = getDb();
  const journey = await currentJourney(db);
  if (!hasEidLogin(journey)) return { kind: 'needsEid' } as const;
  const { personIdentifier } = await journeyIdentity(db, journey);
  // An eID that is linked already has nothing to apply for (and a shared device must not show the last person's form).
  if (await findActiveLink(db, personIdentifier)) redirect('/connect/done');
  const submitted = await submittedFromJourney(db, journey);
  if (submitted) return { kind: 'receipt', submitted } as const;
  // One open application per eID identity: a later login is shown that one, never a second form.
  const open = await findOpenApplication(db, personIdentifier);
  if (open) return { kind: 'open', open } as const;
  const start = await formStart(db, journey);
  // The step in the address (a reload, Back or Forward) is shown when the steps before it are complete.
  const wanted = Number(wantedStep);
  if (isStep(wanted)) start.step = reachableStep(start.values, wanted);
  return { kind: 'form', start, afterMitid: sentOnByMitid(journey) } as const;
});

const stepParam = (search: Record<string, string | string[] | undefined>) => (typeof search.step === 'string' ? search.step : '');

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const [view, t] = await Promise.all([searchParams.then((s) => applyView(stepParam(s))), getTranslations('apply')]);
  if (view.kind === 'needsEid') return titled(t('needsEid.heading'));
  if (view.kind === 'receipt') return titled(`${t('receipt.heading')} – ${t('receipt.pageTitle')}`);
  if (view.kind === 'open') return titled(t('open.heading'));
  return titled(`${t(`steps.${view.start.step}.title`)} – ${t('pageTitle')}`);
}

export default async function ApplyPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const view = await applyView(stepParam(search));
  if (view.kind === 'needsEid') return <NeedsEid />;
  if (view.kind === 'receipt') return <Receipt reference={view.submitted.reference} email={view.submitted.email} />;
  if (view.kind === 'open') {
    const link = search.link;
    return <OpenApplication reference={view.open.reference} link={link === 'sent' || link === 'limited' ? link : null} />;
  }
  const t = await getTranslations('apply');
  return (
    <>
      <NeedsJavaScript what="page" />
      {view.afterMitid && view.start.step === 1 ? (
        <div className="alert alert-info" role="status" data-testid="after-mitid">
          <div className="alert-body">
            <p className="alert-text">{t('afterMitid')}</p>
          </div>
        </div>
      ) : null}
      <ApplyForm start={view.start} locale={(await getLocale()) as Locale} />
    </>
  );
}
