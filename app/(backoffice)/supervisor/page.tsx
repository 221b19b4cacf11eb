import { getLocale, getTranslations } from 'next-intl/server';
import { requireStaffPage } from '@/lib/auth';
import { getReadDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { getDashboard } from '@/lib/stats/dashboard';
import { parseRange, rangeQuery } from '@/lib/stats/range';
import { buildTables } from '@/lib/stats/tables';
import { BacklogSection, CaseworkersSection, CountriesSection, DecisionTimeSection, FunnelSection, ReasonsSection, VolumeSection } from './_components/dashboard-sections';
import { RangeControls } from './_components/range-controls';
import { SupervisorNav } from './_components/supervisor-nav';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const generateMetadata = () => titledBy('supervisor.title');

export default async function SupervisorDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await requireStaffPage('supervisor', '/supervisor');
  const [params, locale, t] = await Promise.all([searchParams, getLocale() as Promise<Locale>, getTranslations('supervisor')]);
  const { range, errors } = parseRange(params);
  const dashboard = await getDashboard(getReadDb(), range);
  const tt = translator(locale, 'supervisor');
  const tables = buildTables(dashboard, tt, locale);
  const query = rangeQuery(range);
  const day = (d: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const props = { d: dashboard, tables, locale, exportQuery: query, t: tt };
  return (
    <>
      <h1>{t('title')}</h1>
      <SupervisorNav current="dashboard" query={query} />
      <p className="max-width-text">{t('intro')}</p>
      <RangeControls basePath="/supervisor" range={range} input={{ from: first(params.from), to: first(params.to) }} errors={errors} />
      <div className="mt-6" aria-live="polite">
        <p data-testid="range-summary">
          <strong>
            {t('range.showing', { from: day(range.current.from), to: day(range.current.to), prevFrom: day(range.previous.from), prevTo: day(range.previous.to) })}
          </strong>
        </p>
        <p className="form-hint">{t('range.timeZone')}</p>
      </div>
      <p>
        <a href={`/supervisor/export/applications?${query}`} download>
          {t('exportApplications')}
        </a>
      </p>
      <p className="form-hint">{t('exportHint')}</p>
      <FunnelSection {...props} />
      <VolumeSection {...props} />
      <BacklogSection {...props} />
      <DecisionTimeSection {...props} />
      <CaseworkersSection {...props} />
      <ReasonsSection {...props} />
      <CountriesSection {...props} />
    </>
  );
}
