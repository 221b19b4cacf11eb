import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseView } from '@/lib/cases/case-view';

/** Other applications and links with the same CPR number or the same eID identifier, with their states. */
export async function RelatedSection({ view }: { view: CaseView }) {
  const [t, format] = await Promise.all([getTranslations('caseworker'), getFormatter()]);
  const { applications, links } = view.related;
  return (
    <section aria-labelledby="related-heading" className="case-section">
      <h2 id="related-heading">{t('related.heading')}</h2>
      {view.otherOpenForCpr > 0 ? (
        <div className="alert alert-warning" data-testid="open-for-cpr">
          <div className="alert-body">
            <p className="alert-text">{t('related.openForCpr', { count: view.otherOpenForCpr + 1 })}</p>
          </div>
        </div>
      ) : null}
      {links.some((l) => l.conflicting) ? (
        <div className="alert alert-warning">
          <div className="alert-body">
            <p className="alert-text">{t('related.conflicting')}</p>
          </div>
        </div>
      ) : null}
      <h3>{t('related.linksHeading')}</h3>
      {links.length === 0 ? (
        <p>{t('related.noLinks')}</p>
      ) : (
        <ul className="related-list" data-testid="related-links">
          {links.map((l) => (
            <li key={l.id}>
              {t('related.link', {
                identifier: l.personIdentifier,
                method: t(`related.methods.${l.method}`),
                date: format.dateTime(l.createdAt, { dateStyle: 'medium' }),
              })}{' '}
              <span className="text-muted">({t(`related.sharedBy.${l.sharedBy}`)})</span>{' '}
              {l.revokedAt ? <span className="badge badge-info">{t('related.revoked')}</span> : <span className="badge badge-success">{t('related.active')}</span>}
              {l.conflicting ? <span className="badge badge-error">{t('related.otherCpr')}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('related.applicationsHeading')}</h3>
      {applications.length === 0 ? (
        <p>{t('related.noApplications')}</p>
      ) : (
        <ul className="related-list" data-testid="related-applications">
          {applications.map((a) => (
            <li key={a.id}>
              <Link href={`/caseworker/cases/${a.id}`}>{a.reference}</Link> — {t(`states.${a.state}`)}, {format.dateTime(a.submittedAt, { dateStyle: 'medium' })}{' '}
              <span className="text-muted">({t(`related.sharedBy.${a.sharedBy}`)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
