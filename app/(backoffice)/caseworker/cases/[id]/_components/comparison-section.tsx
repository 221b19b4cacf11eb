import { getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/case-view';
import type { Mark } from '@/lib/cases/comparison';
import { countryName } from '@/lib/identity/countries';
import { LookAlikes } from './look-alikes';

function MarkBadge({ mark, label }: { mark: Mark; label: string }) {
  const variant = mark === 'agree' ? 'badge-success' : mark === 'differ' ? 'badge-error' : mark === 'missing' ? 'badge-info' : 'mark-unchecked';
  return <span className={`badge ${variant} mark`} data-mark={mark}>{label}</span>;
}

/** Applicant, register and eID side by side, each field marked against the register; then the extra facts of each. */
export async function ComparisonSection({ view, locale }: { view: CaseView; locale: string }) {
  const t = await getTranslations('caseworker');
  const { application: app, register, eid } = view;
  const fieldValue = (field: string, value: string | null) => (value && field === 'sex' ? t(`sex.${value}`) : value);
  return (
    <section aria-labelledby="comparison-heading" className="case-section">
      <h2 id="comparison-heading">{t('comparison.heading')}</h2>
      <p>{t('comparison.intro')}</p>
      <LookAlikes lookAlikes={view.lookAlikes} />
      {view.registerUnavailable ? (
        <div className="alert alert-error" role="alert" data-testid="register-unavailable">
          <div className="alert-body">
            <p className="alert-text">{t('comparison.registerUnavailable')}</p>
          </div>
        </div>
      ) : !register ? (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">{t('comparison.notInRegister')}</p>
          </div>
        </div>
      ) : null}
      {register?.nameAddressProtected ? (
        <div className="alert alert-info">
          <div className="alert-body">
            <p className="alert-text">{t('comparison.protected')}</p>
          </div>
        </div>
      ) : null}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="comparison-heading">
        <table className="table table--compact comparison-table" data-testid="comparison">
          <thead>
            <tr>
              <th scope="col">{t('comparison.field')}</th>
              <th scope="col">{t('comparison.applicant')}</th>
              <th scope="col">{t('comparison.register')}</th>
              <th scope="col">{t('comparison.eid')}</th>
            </tr>
          </thead>
          <tbody>
            {view.comparison.map((row) => (
              <tr key={row.field} data-field={row.field}>
                <th scope="row">{t(`comparison.fields.${row.field}`)}</th>
                <td data-source="applicant">
                  {row.applicant ? (
                    <>
                      <span>{fieldValue(row.field, row.applicant.value) ?? '—'}</span> <MarkBadge mark={row.applicant.mark} label={t(`comparison.marks.${row.applicant.mark}`)} />
                    </>
                  ) : (
                    <span className="text-muted">{t('comparison.notAsked')}</span>
                  )}
                </td>
                <td data-source="register">{fieldValue(row.field, row.register) ?? '—'}</td>
                <td data-source="eid">
                  {row.eid ? (
                    <>
                      <span>{fieldValue(row.field, row.eid.value) ?? '—'}</span> <MarkBadge mark={row.eid.mark} label={t(`comparison.marks.${row.eid.mark}`)} />
                    </>
                  ) : (
                    <span className="text-muted">{t('comparison.noEid')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {app.matchReasons.length ? (
        <div className="match-reasons">
          <h3>{t('comparison.reasonsHeading')}</h3>
          <ul data-testid="match-reasons">
            {app.matchReasons.map((r) => (
              <li key={r}>{t.has(`reasons.${r}`) ? t(`reasons.${r}`) : r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="facts-grid">
        <div>
          <h3>{t('comparison.applicant')}</h3>
          <dl className="facts">
            <dt>{t('facts.cpr')}</dt>
            <dd>{app.cpr.slice(0, 6)}-{app.cpr.slice(6)}</dd>
            <dt>{t('facts.country')}</dt>
            <dd>{countryName(locale, app.country)}</dd>
            <dt>{t('facts.nationality')}</dt>
            <dd>{countryName(locale, app.nationality)}</dd>
            <dt>{t('facts.document')}</dt>
            <dd>
              {t(`documentTypes.${app.documentType}`)} {app.documentNumber}
            </dd>
            <dt>{t('facts.documentExpiry')}</dt>
            <dd>{app.documentExpiry}</dd>
            <dt>{t('facts.email')}</dt>
            <dd>{app.email}</dd>
            <dt>{t('facts.language')}</dt>
            <dd>{t(`languages.${app.locale}`)}</dd>
          </dl>
        </div>
        <div>
          <h3>{t('comparison.register')}</h3>
          {register ? (
            <dl className="facts">
              <dt>{t('facts.status')}</dt>
              <dd>{t(`registerStatus.${register.status}`)}</dd>
              <dt>{t('facts.address')}</dt>
              <dd>{register.nameAddressProtected ? t('facts.addressProtected') : (register.address ?? '—')}</dd>
              {register.historicalNames.length ? (
                <>
                  <dt>{t('facts.historicalNames')}</dt>
                  <dd>{register.historicalNames.join(', ')}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>{t(view.registerUnavailable ? 'comparison.registerUnavailableShort' : 'comparison.notInRegisterShort')}</p>
          )}
        </div>
        <div>
          <h3>{t('comparison.eid')}</h3>
          {eid ? (
            <dl className="facts">
              <dt>{t('facts.identifier')}</dt>
              <dd>{eid.personIdentifier}</dd>
              <dt>{t('facts.eidCountry')}</dt>
              <dd>{countryName(locale, eid.country)}</dd>
              <dt>{t('facts.assurance')}</dt>
              <dd>{t(`assurance.${eid.levelOfAssurance}`)}</dd>
              {eid.birthName ? (
                <>
                  <dt>{t('facts.birthName')}</dt>
                  <dd>{eid.birthName}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>{t('comparison.noEid')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
