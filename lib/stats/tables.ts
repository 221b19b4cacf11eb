// The dashboard's tables as plain models (translated headers, rows of cells), built once from the SQL aggregates
// and shown on the page or written as CSV, so both always hold the same numbers.
import { rejectReasons } from '@/lib/vocabulary';
import type { Locale } from '@/lib/i18n/config';
import { catalogues } from '@/lib/i18n/messages';
import { AGE_BUCKETS } from './backlog';
import type { Dashboard } from './dashboard';
import { count, countryLabel, days, hours, percentCell, type Cell } from './format';
import type { Bin } from './histogram';
import { REQUEST_ITEM_TYPES } from './reasons';

// A one-day bin is its day; a wider one its range, with an en dash (a spreadsheet would read 5-9 as a date).
const binLabel = (b: Bin): Cell => (b.from === b.to ? days(b.from) : `${b.from}–${b.to}`);

export const TABLE_IDS = [
  'funnel',
  'auto-reasons',
  'volume',
  'backlog',
  'backlog-summary',
  'decision-time',
  'decision-time-distribution',
  'caseworkers',
  'rejections-by-document',
  'rejections-by-country',
  'requested-items-by-document',
  'requested-items-by-country',
  'countries',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export type TableModel = { id: TableId; caption: string; columns: string[]; rows: Cell[][] };

export function isTableId(value: string): value is TableId {
  return (TABLE_IDS as readonly string[]).includes(value);
}

type T = (key: string, values?: Record<string, string | number>) => string;

/** Every table of the dashboard. `t` translates keys of the `supervisor` namespace. */
export function buildTables(d: Dashboard, t: T, locale: Locale): Record<TableId, TableModel> {
  const cur = t('columns.current');
  const prev = t('columns.previous');
  const country = (code: string) => countryLabel(locale, code);
  const label = (group: string, code: string) => (code ? t(`${group}.${code}`) : t(`${group}.none`));
  // Targets are free codes (a photo or a field name); an unknown one is shown as it is.
  const targetName = (target: string) => (Object.hasOwn(catalogues.en.supervisor.requestTarget, target) ? t(`requestTarget.${target}`) : target);
  const item = (type: string, target: string) => (target ? `${t(`requestItem.${type}`)}: ${targetName(target)}` : t(`requestItem.${type}`));
  const table = (id: TableId, columns: string[], rows: Cell[][]): TableModel => ({ id, caption: t(`tables.${id}`), columns, rows });

  return {
    funnel: table('funnel', [t('columns.stage'), cur, prev], [
      ...d.funnel.stages.map((s) => [t(`stage.${s.stage}`), count(s.value.current), count(s.value.previous)]),
      [t('stage.autoDecisions'), count(d.funnel.autoDecisions.current), count(d.funnel.autoDecisions.previous)],
      [t('stage.autoMatchRate'), percentCell(d.funnel.autoMatchRate.current), percentCell(d.funnel.autoMatchRate.previous)],
    ]),
    'auto-reasons': table(
      'auto-reasons',
      [t('columns.reason'), t('columns.outcomeMatch'), t('columns.outcomeManual'), t('columns.outcomeNoMatch'), t('columns.total'), t('columns.previousTotal')],
      d.autoReasons.map((r) => [label('matchReason', r.reason), count(r.match), count(r.manual), count(r.noMatch), count(r.total), count(r.previous)]),
    ),
    volume: table(
      'volume',
      [t(d.range.bucket === 'week' ? 'columns.week' : 'columns.date'), t('columns.logins'), t('columns.autoLinks'), t('columns.mitidLinks'), t('columns.manualLinks'), t('columns.submitted'), t('columns.decided')],
      d.volume.map((v) => [{ date: v.bucket, kind: d.range.bucket === 'week' ? 'week' : 'date' }, count(v.logins), count(v.autoLinks), count(v.mitidLinks), count(v.manualLinks), count(v.submitted), count(v.decided)]),
    ),
    backlog: table('backlog', [t('columns.state'), ...AGE_BUCKETS.map((b) => t(`ageBucket.${b}`)), t('columns.total')], [
      ...d.backlog.byState.map((s) => [t(`state.${s.state}`), ...AGE_BUCKETS.map((b) => count(s.buckets[b])), count(s.total)]),
      [t('columns.allOpen'), ...AGE_BUCKETS.map((b) => count(d.backlog.totals[b])), count(d.backlog.totals.total)],
    ]),
    'backlog-summary': table('backlog-summary', [t('columns.measure'), cur, prev], [
      [t('backlog.openAtEnd'), count(d.backlog.openAtEnd.current), count(d.backlog.openAtEnd.previous)],
      [t('backlog.pastTarget', { days: d.backlog.targetDays }), count(d.backlog.pastTarget), ''],
      [t('backlog.oldest'), days(d.backlog.oldest?.ageDays ?? null), ''],
    ]),
    'decision-time': table('decision-time', [t('columns.measure'), cur, prev], [
      [t('decisionTime.decisions'), count(d.decisionTime.decisions.current), count(d.decisionTime.decisions.previous)],
      [t('decisionTime.median'), days(d.decisionTime.median.current), days(d.decisionTime.median.previous)],
      [t('decisionTime.p90'), days(d.decisionTime.p90.current), days(d.decisionTime.p90.previous)],
    ]),
    'decision-time-distribution': table(
      'decision-time-distribution',
      [t('columns.businessDays'), cur, prev],
      d.decisionTime.bins.map((b) => [binLabel(b), count(b.current), count(b.previous)]),
    ),
    caseworkers: table(
      'caseworkers',
      [t('columns.caseworker'), t('columns.decisions'), t('columns.decisionsPrevious'), t('columns.approvals'), t('columns.rejections'), t('columns.requests'), t('columns.medianHandling'), t('columns.medianHandlingPrevious'), t('columns.assignedNow')],
      d.caseworkers.map((c) => [c.name, count(c.decisions), count(c.decisionsPrevious), count(c.approvals), count(c.rejections), count(c.requests), hours(c.medianHandlingHours), hours(c.medianHandlingHoursPrevious), count(c.assignedNow)]),
    ),
    'rejections-by-document': table(
      'rejections-by-document',
      [t('columns.rejectReason'), t('documentType.passport'), t('documentType.id_card'), t('columns.total'), t('columns.previousTotal')],
      d.rejectionsByDocument.map((r) => [label('rejectReason', r.reason), count(r.passport), count(r.idCard), count(r.total), count(r.previous)]),
    ),
    'rejections-by-country': table(
      'rejections-by-country',
      [t('columns.country'), ...rejectReasons.map((r) => t(`rejectReason.${r}`)), t('columns.total'), t('columns.previousTotal')],
      d.rejectionsByCountry.map((r) => [country(r.country), ...rejectReasons.map((k) => count(r.counts[k] ?? 0)), count(r.total), count(r.previous)]),
    ),
    'requested-items-by-document': table(
      'requested-items-by-document',
      [t('columns.item'), t('documentType.passport'), t('documentType.id_card'), t('columns.total'), t('columns.previousTotal')],
      d.requestedItemsByDocument.map((r) => [item(r.type, r.target), count(r.passport), count(r.idCard), count(r.total), count(r.previous)]),
    ),
    'requested-items-by-country': table(
      'requested-items-by-country',
      [t('columns.country'), ...REQUEST_ITEM_TYPES.map((k) => t(`requestItem.${k}`)), t('columns.total'), t('columns.previousTotal')],
      d.requestedItemsByCountry.map((r) => [country(r.country), ...REQUEST_ITEM_TYPES.map((k) => count(r.counts[k] ?? 0)), count(r.total), count(r.previous)]),
    ),
    countries: table(
      'countries',
      [t('columns.country'), t('columns.logins'), t('columns.loginsPrevious'), t('columns.autoDecisions'), t('columns.autoMatches'), t('columns.autoMatchRate'), t('columns.autoMatchRatePrevious'), t('columns.mitidMatches'), t('columns.submitted'), t('columns.approvals'), t('columns.rejections')],
      d.countries.map((c) => [country(c.country), count(c.logins), count(c.loginsPrevious), count(c.autoDecisions), count(c.autoMatches), percentCell(c.autoMatchRate), percentCell(c.autoMatchRatePrevious), count(c.mitidMatches), count(c.applications), count(c.approved), count(c.rejected)]),
    ),
  };
}
