import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import type { ConnectionOverview } from '@/lib/connection';
import type { Locale } from '@/lib/i18n/config';
import { countryName } from '@/lib/identity/countries';
import { IdleEnd } from './idle-end';
import { RemoveConnection } from './remove-connection';
import { SignOut } from './sign-out';
import styles from './connection.module.css';

/** The signed-in person's own connection: nothing here is about anyone else, and no staff member is named. */
export async function ConnectionView({ overview, removed }: { overview: ConnectionOverview; removed: boolean }) {
  const [t, ts, format, locale] = await Promise.all([getTranslations('connection'), getTranslations('status'), getFormatter(), getLocale()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  const { link } = overview;
  return (
    <div className="max-width-text">
      <IdleEnd />
      <h1>{t('heading')}</h1>
      <p className="font-lead">{t('loggedInAs', { name: overview.name, country: countryName(locale as Locale, overview.country) })}</p>

      {removed && !link ? (
        <div className="alert alert-success" role="status" data-testid="connection-removed">
          <div className="alert-body">
            <p className="alert-text">{t('removed')}</p>
          </div>
        </div>
      ) : null}

      <section aria-labelledby="status-heading" className="mt-7">
        <h2 id="status-heading">{t('statusHeading')}</h2>
        <div className={`alert alert-${link ? 'success' : 'info'}`} data-testid="connection-status">
          <div className="alert-body">
            <p className="alert-text">{link ? t('connected') : t('notConnected')}</p>
          </div>
        </div>
        <dl className={styles.facts}>
          <dt>{t('identifier')}</dt>
          <dd className={styles.identifier}>{overview.personIdentifier}</dd>
          {link ? (
            <>
              <dt>{t('since')}</dt>
              <dd data-testid="connection-since">{when(link.linkedAt)}</dd>
              <dt>{t('method')}</dt>
              <dd data-testid="connection-method">{t(`methods.${link.method}`)}</dd>
              <dt>{t('cpr')}</dt>
              <dd>
                <span data-testid="connection-cpr" aria-describedby="cpr-hidden">
                  {link.cpr}
                </span>{' '}
                <span id="cpr-hidden" className="form-hint">
                  ({t('cprHidden')})
                </span>
              </dd>
            </>
          ) : null}
        </dl>
        {link ? null : (
          <p>
            {t('notConnectedHelp')} <Link href="/start">{t('connectLink')}</Link>
          </p>
        )}
      </section>

      <section aria-labelledby="lookups-heading" className="mt-7">
        <h2 id="lookups-heading">{t('lookupsHeading')}</h2>
        <p>{t('lookupsIntro')}</p>
        {overview.lookups.length === 0 ? (
          <p>{t('lookupsNone')}</p>
        ) : (
          <ul className={styles.items} data-testid="connection-lookups">
            {overview.lookups.map((l, i) => (
              <li key={i}>
                <strong>{l.service}</strong>
                <span className={styles.when}>{when(l.at)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="applications-heading" className="mt-7">
        <h2 id="applications-heading">{t('applicationsHeading')}</h2>
        {overview.applications.length === 0 ? (
          <p>{t('applicationsNone')}</p>
        ) : (
          <ul className={styles.items} data-testid="connection-applications">
            {overview.applications.map((a) => (
              <li key={a.reference}>
                <dl className={styles.facts}>
                  <dt>{t('applicationReference')}</dt>
                  <dd>{a.reference}</dd>
                  <dt>{t('applicationStatus')}</dt>
                  <dd>{ts(`state.${a.state}.heading`)}</dd>
                  <dt>{t('applicationSubmitted')}</dt>
                  <dd>{when(a.submittedAt)}</dd>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="data-heading" className="mt-7">
        <h2 id="data-heading">{t('dataHeading')}</h2>
        <p>{t('dataIntro')}</p>
        <p>
          <a className="button button-secondary" href="/api/v1/connection/data" download data-testid="connection-data">
            {t('dataButton')}
          </a>
        </p>
        <p className="form-hint">{t('dataSharedDevice')}</p>
      </section>

      {link ? (
        <section aria-labelledby="remove-heading" className="mt-7">
          <h2 id="remove-heading">{t('removeHeading')}</h2>
          <p>{t('removeIntro')}</p>
          <RemoveConnection />
        </section>
      ) : null}

      <div className="mt-7">
        <SignOut />
        <p className="form-hint">{t('signOutHint')}</p>
      </div>
    </div>
  );
}
