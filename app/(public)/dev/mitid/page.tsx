import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TextField } from '@/components/form/text-field';
import { env } from '@/lib/env';
import { demoPersons } from '@/lib/register/demo-persons';
import { TestLoginBanner } from '../_components/test-login-banner';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export const generateMetadata = () => titledBy('simulator.mitidHeading');

/** The demo MitID: pick whose MitID this is and at which level; it answers with that person's CPR number. */
export default async function MitidSimulatorPage({ searchParams }: { searchParams: Search }) {
  if (!env().isDemo) notFound();
  const params = await searchParams;
  const t = await getTranslations('simulator');
  const state = one(params.state);
  const nonce = one(params.nonce);
  if (!state || !nonce) {
    return (
      <div className="max-width-text">
        <TestLoginBanner />
        <h1>{t('mitidHeading')}</h1>
        <p>{t('noRequest')}</p>
        <p>
          <Link href="/">{t('returnHome')}</Link>
        </p>
      </div>
    );
  }
  const persons = demoPersons.flatMap((p) => (p.register ? [{ id: p.id, label: `${p.register.givenNames} ${p.register.familyName} — ${p.register.dateOfBirth} — ${p.register.cpr.slice(0, 6)}-${p.register.cpr.slice(6)}` }] : []));
  const level = (id: string) => (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {t('mitidLevel')}
      </label>
      <select className="form-select" id={id} name="levelOfAssurance" defaultValue="substantial">
        <option value="low">{t('loaLow')}</option>
        <option value="substantial">{t('loaSubstantial')}</option>
        <option value="high">{t('loaHigh')}</option>
      </select>
    </div>
  );
  const hidden = (
    <>
      <input type="hidden" name="state" value={state} />
      <input type="hidden" name="nonce" value={nonce} />
    </>
  );
  return (
    <div className="max-width-text">
      <TestLoginBanner />
      <h1>{t('mitidHeading')}</h1>
      <p>{t('mitidLead')}</p>
      {one(params.error) ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('personError')}</p>
          </div>
        </div>
      ) : null}
      <form method="post" action="/dev/mitid/authorize">
        {hidden}
        <input type="hidden" name="action" value="person" />
        <div className="form-group">
          <label className="form-label" htmlFor="mitid-person">
            {t('mitidPerson')}
          </label>
          <select className="form-select" id="mitid-person" name="person" defaultValue="" required>
            <option value="" disabled>
              {t('mitidPersonPlaceholder')}
            </option>
            {persons.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        {level('mitid-level')}
        <button type="submit" className="button button-primary" data-testid="mitid-login">
          {t('logIn')}
        </button>
      </form>

      <h2>{t('mitidOr')}</h2>
      <form method="post" action="/dev/mitid/authorize">
        {hidden}
        <input type="hidden" name="action" value="typed" />
        <TextField id="mitid-cpr" name="cpr" label={t('mitidCpr')} width="m" inputMode="numeric" autoComplete="off" />
        {level('mitid-level-typed')}
        <button type="submit" className="button button-secondary" data-testid="mitid-login-typed">
          {t('mitidTyped')}
        </button>
      </form>

      <form method="post" action="/dev/mitid/authorize">
        {hidden}
        <input type="hidden" name="action" value="cancel" />
        <button type="submit" className="button button-tertiary" data-testid="mitid-cancel">
          {t('cancel')}
        </button>
      </form>
    </div>
  );
}
