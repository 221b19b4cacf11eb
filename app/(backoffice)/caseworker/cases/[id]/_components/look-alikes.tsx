import { getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/case-view';

/** Other register persons the eID or the applicant's data would match as well: told apart only by a caseworker. */
export async function LookAlikes({ lookAlikes }: { lookAlikes: CaseView['lookAlikes'] }) {
  if (lookAlikes.length === 0) return null;
  const t = await getTranslations('caseworker');
  return (
    <div className="alert alert-warning" data-testid="look-alikes">
      <div className="alert-body">
        <h3 className="alert-heading" id="look-alikes-heading">
          {t('lookAlikes.heading', { count: lookAlikes.length })}
        </h3>
        <p className="alert-text">{t('lookAlikes.lead')}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="look-alikes-heading">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('lookAlikes.name')}</th>
                <th scope="col">{t('lookAlikes.dateOfBirth')}</th>
                <th scope="col">{t('lookAlikes.status')}</th>
                <th scope="col">{t('lookAlikes.cpr')}</th>
              </tr>
            </thead>
            <tbody>
              {lookAlikes.map((p) => (
                <tr key={p.cpr + p.givenNames + p.familyName}>
                  <td>{[p.givenNames, p.middleName, p.familyName].filter(Boolean).join(' ')}</td>
                  <td>{p.dateOfBirth}</td>
                  <td>{t(`registerStatus.${p.status}`)}</td>
                  <td>{p.cpr}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
