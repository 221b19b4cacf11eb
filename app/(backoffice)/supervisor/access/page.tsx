import { getLocale, getTranslations } from 'next-intl/server';
import { requireStaffPage } from '@/lib/auth';
import { getReadDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { HEAVY_MINIMUM, listExports, listHeavyViewerDays, listUnassignedDocumentViews } from '@/lib/stats/access';
import { parseRange, rangeQuery } from '@/lib/stats/range';
import { RangeControls } from '../_components/range-controls';
import { SupervisorNav } from '../_components/supervisor-nav';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function Table({ id, caption, columns, rows, empty }: { id: string; caption: string; columns: string[]; rows: React.ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <div className="table-block">
      <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
        <table className="table table--compact table--zebra" data-table={id}>
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const generateMetadata = () => titledBy('supervisor.access.title');

export default async function AccessOversightPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaffPage('supervisor', '/supervisor/access');
  const [params, locale, t, ts] = await Promise.all([searchParams, getLocale() as Promise<Locale>, getTranslations('supervisor.access'), getTranslations('supervisor')]);
  const { range, errors } = parseRange(params);
  const db = getReadDb();
  const [views, heavy, exports] = await Promise.all([
    listUnassignedDocumentViews(db, range.current),
    listHeavyViewerDays(db, range.current),
    listExports(db, range.current),
  ]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  const day = (d: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const documentName = (kind: string | null) => (kind && ['passport_photo', 'id_front', 'id_back'].includes(kind) ? ts(`requestTarget.${kind}`) : (kind ?? '–'));
  const query = rangeQuery(range);
  return (
    <>
      <h1>{t('title')}</h1>
      <SupervisorNav current="access" query={query} />
      <p className="max-width-text">{t('intro')}</p>
      <RangeControls basePath="/supervisor/access" range={range} input={{ from: first(params.from), to: first(params.to) }} errors={errors} />
      <p className="mt-6" data-testid="range-summary">
        <strong>{`${day(range.current.from)} – ${day(range.current.to)}`}</strong>
      </p>

      <section className="dashboard-section" aria-labelledby="unassigned-heading">
        <h2 id="unassigned-heading">{t('unassigned.heading')}</h2>
        <p className="max-width-text">{t('unassigned.intro')}</p>
        {views.total > views.rows.length ? <p>{t('unassigned.more', { shown: views.rows.length, total: views.total })}</p> : null}
        <Table
          id="unassigned-views"
          caption={t('unassigned.caption')}
          columns={[t('unassigned.time'), t('unassigned.viewer'), t('unassigned.application'), t('unassigned.document'), t('unassigned.heldBy')]}
          rows={views.rows.map((v) => [time.format(v.at), v.viewer ?? '–', v.reference ?? '–', documentName(v.document), v.heldBy ?? t('unassigned.nobody')])}
          empty={t('unassigned.none')}
        />
      </section>

      <section className="dashboard-section" aria-labelledby="heavy-heading">
        <h2 id="heavy-heading">{t('heavy.heading')}</h2>
        <p className="max-width-text">{t('heavy.intro', { threshold: heavy.threshold, minimum: HEAVY_MINIMUM })}</p>
        <Table
          id="heavy-days"
          caption={t('heavy.caption')}
          columns={[t('heavy.day'), t('heavy.viewer'), t('heavy.views'), t('heavy.cases')]}
          rows={heavy.rows.map((h) => [day(h.day), h.viewer ?? '–', h.views, h.applications])}
          empty={t('heavy.none')}
        />
      </section>

      <section className="dashboard-section" aria-labelledby="exports-heading">
        <h2 id="exports-heading">{t('exports.heading')}</h2>
        {exports.total > exports.rows.length ? <p>{t('unassigned.more', { shown: exports.rows.length, total: exports.total })}</p> : null}
        <Table
          id="exports"
          caption={t('exports.caption')}
          columns={[t('exports.time'), t('exports.who'), t('exports.what'), t('exports.period'), t('exports.rows')]}
          rows={exports.rows.map((e) => [
            time.format(e.at),
            e.who ?? '–',
            e.table === 'applications' ? t('exports.applications') : ts.has(`tables.${e.table}`) ? ts(`tables.${e.table}`) : e.table,
            e.from && e.to ? `${day(e.from)} – ${day(e.to)}` : '–',
            e.rows ?? '–',
          ])}
          empty={t('exports.none')}
        />
      </section>
    </>
  );
}
