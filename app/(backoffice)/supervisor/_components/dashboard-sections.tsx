import type { Locale } from '@/lib/i18n/config';
import { AGE_BUCKETS } from '@/lib/stats/backlog';
import type { Dashboard } from '@/lib/stats/dashboard';
import { countryLabel } from '@/lib/stats/format';
import type { TableId, TableModel } from '@/lib/stats/tables';
import { BarsChart, LinesChart } from './charts';
import { DataTable } from './data-table';

type T = (key: string, values?: Record<string, string | number>) => string;
export type SectionProps = { d: Dashboard; tables: Record<TableId, TableModel>; locale: Locale; exportQuery: string; t: T };

function Section({ id, heading, intro, children }: { id: string; heading: string; intro?: string; children: React.ReactNode }) {
  return (
    <section className="dashboard-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {intro ? <p className="max-width-text">{intro}</p> : null}
      {children}
    </section>
  );
}

const both = (t: T) => [
  { key: 'current', label: t('columns.current') },
  { key: 'previous', label: t('columns.previous') },
];

export function FunnelSection({ d, tables, locale, exportQuery, t }: SectionProps) {
  return (
    <Section id="funnel" heading={t('sections.funnel.heading')} intro={t('sections.funnel.intro')}>
      <BarsChart horizontal category="stage" series={both(t)} data={d.funnel.stages.map((s) => ({ stage: t(`stage.${s.stage}`), ...s.value }))} />
      <DataTable model={tables.funnel} locale={locale} exportQuery={exportQuery} />
      <DataTable model={tables['auto-reasons']} locale={locale} exportQuery={exportQuery} />
    </Section>
  );
}

export function VolumeSection({ d, tables, locale, exportQuery, t }: SectionProps) {
  const series = ['logins', 'autoLinks', 'mitidLinks', 'manualLinks', 'submitted', 'decided'].map((key) => ({ key, label: t(`columns.${key}`) }));
  return (
    <Section id="volume" heading={t('sections.volume.heading')} intro={t(d.range.bucket === 'week' ? 'sections.volume.introWeek' : 'sections.volume.introDay')}>
      <LinesChart category="bucket" series={series} data={d.volume.map((v) => ({ ...v, bucket: v.bucket.slice(5) }))} />
      <DataTable model={tables.volume} locale={locale} exportQuery={exportQuery} />
    </Section>
  );
}

export function BacklogSection({ d, tables, locale, exportQuery, t }: SectionProps) {
  const oldest = d.backlog.oldest;
  const data = AGE_BUCKETS.map((b) => ({ bucket: t(`ageBucket.${b}`), ...Object.fromEntries(d.backlog.byState.map((s) => [s.state, s.buckets[b]])) }));
  return (
    <Section id="backlog" heading={t('sections.backlog.heading')} intro={t('sections.backlog.intro')}>
      <p>
        {oldest
          ? t('backlog.oldestText', {
              reference: oldest.reference,
              date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(oldest.submittedAt),
              days: oldest.ageDays,
            })
          : t('backlog.none')}
      </p>
      <BarsChart stacked category="bucket" data={data} series={d.backlog.byState.map((s) => ({ key: s.state, label: t(`state.${s.state}`) }))} />
      <DataTable model={tables.backlog} locale={locale} exportQuery={exportQuery} />
      <DataTable model={tables['backlog-summary']} locale={locale} exportQuery={exportQuery} />
    </Section>
  );
}

export function DecisionTimeSection({ d, tables, locale, exportQuery, t }: SectionProps) {
  return (
    <Section id="decision-time" heading={t('sections.decisionTime.heading')} intro={t('sections.decisionTime.intro')}>
      <DataTable model={tables['decision-time']} locale={locale} exportQuery={exportQuery} />
      <BarsChart histogram category="days" series={both(t)} data={d.decisionTime.bins.map((b) => ({ days: b.from === b.to ? String(b.from) : `${b.from}–${b.to}`, current: b.current, previous: b.previous }))} />
      <DataTable model={tables['decision-time-distribution']} locale={locale} exportQuery={exportQuery} />
    </Section>
  );
}

export function CaseworkersSection({ d, tables, locale, exportQuery, t }: SectionProps) {
  const series = [
    { key: 'approvals', label: t('columns.approvals') },
    { key: 'rejections', label: t('columns.rejections') },
    { key: 'requests', label: t('columns.requests') },
  ];
  return (
    <Section id="caseworkers" heading={t('sections.caseworkers.heading')} intro={t('sections.caseworkers.intro')}>
      <BarsChart horizontal stacked category="name" series={series} data={d.caseworkers.map((c) => ({ name: c.name, approvals: c.approvals, rejections: c.rejections, requests: c.requests }))} />
      <DataTable model={tables.caseworkers} locale={locale} exportQuery={exportQuery} />
    </Section>
  );
}

export function ReasonsSection({ d, tables, locale, exportQuery, t }: SectionProps) {
  return (
    <Section id="reasons" heading={t('sections.reasons.heading')} intro={t('sections.reasons.intro')}>
      <BarsChart horizontal category="reason" series={both(t)} data={d.rejectionsByDocument.map((r) => ({ reason: t(`rejectReason.${r.reason || 'none'}`), current: r.total, previous: r.previous }))} />
      <DataTable model={tables['rejections-by-document']} locale={locale} exportQuery={exportQuery} />
      <DataTable model={tables['rejections-by-country']} locale={locale} exportQuery={exportQuery} />
      <DataTable model={tables['requested-items-by-document']} locale={locale} exportQuery={exportQuery} />
      <DataTable model={tables['requested-items-by-country']} locale={locale} exportQuery={exportQuery} />
    </Section>
  );
}

export function CountriesSection({ d, tables, locale, exportQuery, t }: SectionProps) {
  const series = [
    { key: 'current', label: `${t('columns.autoMatchRate')}, ${t('columns.current').toLowerCase()}` },
    { key: 'previous', label: `${t('columns.autoMatchRate')}, ${t('columns.previous').toLowerCase()}` },
  ];
  const data = d.countries.map((c) => ({ country: countryLabel(locale, c.country), current: c.autoMatchRate, previous: c.autoMatchRatePrevious }));
  return (
    <Section id="countries" heading={t('sections.countries.heading')} intro={t('sections.countries.intro')}>
      <BarsChart horizontal category="country" series={series} data={data} unit="%" />
      <DataTable model={tables.countries} locale={locale} exportQuery={exportQuery} />
    </Section>
  );
}
