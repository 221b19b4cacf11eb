import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { applicationStates, documentTypes } from '@/lib/vocabulary';
import type { Locale } from '@/lib/i18n/config';
import { countryOptions } from '@/lib/identity/countries';
import { assignedFilters, queueSorts, type QueueFilters } from '@/lib/cases/queue-filters';

/** A plain GET form: the filters land in the URL, so a view can be bookmarked and shared, with or without JavaScript. */
export async function QueueFilterForm({ filters, locale, targetDays }: { filters: QueueFilters; locale: string; targetDays: number }) {
  const t = await getTranslations('caseworker');
  const ages = [...new Set([targetDays, 10, 20])].sort((a, b) => a - b);
  return (
    <form method="get" action="/caseworker" className="queue-filters" aria-labelledby="filters-heading">
      <h2 className="h3" id="filters-heading">
        {t('filters.heading')}
      </h2>
      <div className="queue-filter-grid">
        <div className="form-group">
          <label className="form-label" htmlFor="filter-q">
            {t('filters.search')}
          </label>
          <span className="form-hint" id="filter-q-hint">
            {t('filters.searchHint')}
          </span>
          <input className="form-input" id="filter-q" name="q" type="search" data-shortcut="search" defaultValue={filters.q ?? ''} aria-describedby="filter-q-hint" maxLength={100} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-state">
            {t('filters.state')}
          </label>
          <select className="form-select" id="filter-state" name="state" defaultValue={filters.state}>
            <option value="open">{t('filters.stateOpen')}</option>
            {applicationStates.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
            <option value="all">{t('filters.stateAll')}</option>
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-country">
            {t('filters.country')}
          </label>
          <select className="form-select" id="filter-country" name="country" autoComplete="off" defaultValue={filters.country ?? ''}>
            <option value="">{t('filters.any')}</option>
            {countryOptions(locale as Locale).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-document">
            {t('filters.documentType')}
          </label>
          <select className="form-select" id="filter-document" name="documentType" defaultValue={filters.documentType ?? ''}>
            <option value="">{t('filters.any')}</option>
            {documentTypes.map((d) => (
              <option key={d} value={d}>
                {t(`documentTypes.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-assigned">
            {t('filters.assigned')}
          </label>
          <select className="form-select" id="filter-assigned" name="assigned" defaultValue={filters.assigned ?? ''}>
            <option value="">{t('filters.assignedAll')}</option>
            {assignedFilters.map((a) => (
              <option key={a} value={a}>
                {t(`filters.assignedOptions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-age">
            {t('filters.age')}
          </label>
          <select className="form-select" id="filter-age" name="olderThan" defaultValue={filters.olderThan === undefined ? '' : String(filters.olderThan)}>
            <option value="">{t('filters.any')}</option>
            {filters.olderThan !== undefined && !ages.includes(filters.olderThan) ? (
              <option value={filters.olderThan}>{t('filters.olderThan', { days: filters.olderThan })}</option>
            ) : null}
            {ages.map((days) => (
              <option key={days} value={days}>
                {days === targetDays ? t('filters.pastTarget', { days }) : t('filters.olderThan', { days })}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-sort">
            {t('filters.sort')}
          </label>
          <select className="form-select" id="filter-sort" name="sort" defaultValue={filters.sort}>
            {queueSorts.map((s) => (
              <option key={s} value={s}>
                {t(`filters.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="queue-filter-buttons">
        <button type="submit" className="button button-secondary">
          {t('filters.apply')}
        </button>
        <Link href="/caseworker">{t('filters.clear')}</Link>
      </div>
    </form>
  );
}
