import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { countryName, countryOptions } from '@/lib/identity/countries';
import type { Locale } from '@/lib/i18n/config';
import { demoPersons } from '@/lib/register/demo-persons';
import styles from '../_components/simulator.module.css';
import { TestLoginBanner } from '../_components/test-login-banner';
import { TypedAttributesForm } from './_components/typed-attributes-form';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export const generateMetadata = () => titledBy('simulator.eidHeading');

/** The demo eID broker: a clearly marked test login listing the demo persons by country. */
export default async function EidSimulatorPage({ searchParams }: { searchParams: Search }) {
  if (!env().isDemo) notFound();
  const params = await searchParams;
  const [t, locale] = await Promise.all([getTranslations('simulator'), getLocale() as Promise<Locale>]);
  const state = one(params.state);
  const nonce = one(params.nonce);
  if (!state || !nonce) {
    return (
      <div className="max-width-text">
        <TestLoginBanner />
        <h1>{t('eidHeading')}</h1>
        <p>{t('noRequest')}</p>
        <p>
          <Link href="/">{t('returnHome')}</Link>
        </p>
      </div>
    );
  }
  const filter = one(params.country) || 'all';
  const countries = countryOptions(locale, [...new Set(demoPersons.map((p) => p.eid.country))]);
  const persons = demoPersons.filter((p) => filter === 'all' || p.eid.country === filter);
  return (
    <div className="max-width-text">
      <TestLoginBanner />
      <h1>{t('eidHeading')}</h1>
      <p>{t('eidLead')}</p>
      {one(params.error) ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{t('attributesError')}</p>
          </div>
        </div>
      ) : null}

      <form method="get" action="/dev/eid" className="form-group">
        <input type="hidden" name="state" value={state} />
        <input type="hidden" name="nonce" value={nonce} />
        <label className="form-label" htmlFor="country-filter">
          {t('countryFilter')}
        </label>
        <select className="form-select" id="country-filter" name="country" autoComplete="off" defaultValue={filter}>
          <option value="all">{t('allCountries')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>{' '}
        <button type="submit" className="button button-secondary">
          {t('show')}
        </button>
      </form>

      <h2>{t('personsHeading', { count: persons.length })}</h2>
      {persons.length === 0 ? <p>{t('noPersons')}</p> : null}
      <form method="post" action="/dev/eid/authorize">
        <input type="hidden" name="state" value={state} />
        <input type="hidden" name="nonce" value={nonce} />
        <input type="hidden" name="action" value="person" />
        <ul className="nobullet-list">
          {persons.map((p) => {
            const name = `${p.eid.givenNames} ${p.eid.familyName}`;
            return (
              <li key={p.id} className={styles.person} data-testid={`eid-person-card-${p.id}`}>
                <h3 className="h5">{name}</h3>
                <dl className={styles.facts}>
                  <dt>{t('scenario')}</dt>
                  <dd>{p.scenario}</dd>
                  <dt>{t('expected')}</dt>
                  <dd>{p.expected}</dd>
                  <dt>{t('country')}</dt>
                  <dd>{countryName(locale, p.eid.country)}</dd>
                  <dt>{t('identifier')}</dt>
                  <dd>{p.eid.personIdentifier}</dd>
                  <dt>{t('birthDate')}</dt>
                  <dd>{p.eid.dateOfBirth}</dd>
                  <dt>{t('assurance')}</dt>
                  <dd>{p.eid.levelOfAssurance}</dd>
                  <dt>{t('registerCpr')}</dt>
                  <dd data-testid={`eid-person-cpr-${p.id}`}>{p.register ? `${p.register.cpr.slice(0, 6)}-${p.register.cpr.slice(6)}` : t('notInRegister')}</dd>
                </dl>
                <button type="submit" name="person" value={p.id} className="button button-secondary" data-testid={`eid-person-${p.id}`}>
                  {t('logInAs', { name })}
                </button>
              </li>
            );
          })}
        </ul>
      </form>

      <details className="details">
        <summary className="details-summary">{t('typeHeading')}</summary>
        <div className="details-text">
          <TypedAttributesForm state={state} nonce={nonce} defaultCountry={filter === 'all' ? 'DE' : filter} />
        </div>
      </details>

      <form method="post" action="/dev/eid/authorize">
        <input type="hidden" name="state" value={state} />
        <input type="hidden" name="nonce" value={nonce} />
        <input type="hidden" name="action" value="cancel" />
        <button type="submit" className="button button-tertiary" data-testid="eid-cancel">
          {t('cancel')}
        </button>
      </form>
    </div>
  );
}
