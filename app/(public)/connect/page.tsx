import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/db';
import { countryName } from '@/lib/identity/countries';
import type { Locale } from '@/lib/i18n/config';
import { journeyView } from '@/lib/linking';
import { CprEmailForm } from './_components/cpr-email-form';
import { SessionEnded } from './_components/session-ended';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

const errorKeys = ['required', 'cprRequired', 'emailRequired', 'invalid', 'tooLong', 'cprFormat', 'cprDate', 'email'] as const;
const knownError = (value: string | string[] | undefined) => errorKeys.find((k) => k === value);
const problemKeys = { register: 'REGISTER_UNAVAILABLE' } as const;

export const generateMetadata = () => titledBy('journey.connectHeading');

export default async function ConnectPage({ searchParams }: { searchParams: Promise<{ cpr?: string | string[]; email?: string | string[]; problem?: string | string[] }> }) {
  const query = await searchParams;
  const view = await journeyView(getDb());
  if (!view) return <SessionEnded />;
  if (view.linkedDestination) redirect(view.linkedDestination);
  if (view.state.autoOutcome === 'limited' || view.attemptsLeft === 0) redirect('/connect/limit');
  const [t, locale] = await Promise.all([getTranslations('journey'), getLocale()]);
  const { identity } = view;
  return (
    <div className="max-width-text">
      <p className="form-hint">{t('steps', { current: 2, total: 2 })}</p>
      <h1>{t('connectHeading')}</h1>
      <p className="font-lead">{t('loggedInAs', { name: `${identity.givenNames} ${identity.familyName}`, country: countryName(locale as Locale, identity.country) })}</p>
      <p>{t('connectLead')}</p>
      <p data-testid="attempts-left">{t('attemptsLeft', { count: view.attemptsLeft })}</p>
      <CprEmailForm initialErrors={{ cpr: knownError(query.cpr), email: knownError(query.email) }} initialProblem={query.problem === 'register' ? problemKeys.register : undefined} />
    </div>
  );
}
