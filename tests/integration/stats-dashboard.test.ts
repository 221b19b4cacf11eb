import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { getDashboard, type Dashboard } from '@/lib/stats/dashboard';
import { PgDialect } from 'drizzle-orm/pg-core';
import { factsSource, refreshDailyStats, rollupThrough } from '@/lib/stats/facts';
import { parseRange } from '@/lib/stats/range';
import { refreshRecentStats } from '@/lib/stats/rollup';
import { jobs } from '@/lib/jobs/registry';
import { insertStatsFixtures, NOW, RANGE, type FixtureStaff } from './support/stats-fixtures';

let staff: FixtureStaff;
let live: Dashboard;

beforeAll(async () => {
  staff = await insertStatsFixtures(getDb());
  const { range, errors } = parseRange(RANGE, NOW);
  expect(errors).toBeNull();
  live = await getDashboard(getDb(), range, NOW);
});

describe('the dashboard over hand-counted fixtures (1–23 April 2025 against 9–31 March)', () => {
  it('compares with the 23 days before', () => {
    expect(live.range.current).toEqual({ from: '2025-04-01', to: '2025-04-23' });
    expect(live.range.previous).toEqual({ from: '2025-03-09', to: '2025-03-31' });
    expect(live.range.bucket).toBe('day');
  });

  it('counts the funnel, placing events by their Copenhagen date around midnight', () => {
    const stages = Object.fromEntries(live.funnel.stages.map((s) => [s.stage, s.value]));
    expect(stages).toEqual({
      logins: { current: 5, previous: 2 },
      autoMatches: { current: 2, previous: 1 },
      mitidMatches: { current: 1, previous: 0 },
      applications: { current: 6, previous: 4 },
      approved: { current: 1, previous: 1 },
      rejected: { current: 2, previous: 1 },
      expired: { current: 1, previous: 0 },
      withdrawn: { current: 1, previous: 0 },
    });
    // Rate-limited attempts are not matching decisions.
    expect(live.funnel.autoDecisions).toEqual({ current: 5, previous: 2 });
    expect(live.funnel.autoMatchRate).toEqual({ current: 40, previous: 50 });
  });

  it('breaks the automatic decisions down by reason', () => {
    expect(live.autoReasons).toEqual([
      { reason: 'name_exact', match: 2, manual: 0, noMatch: 0, total: 2, previous: 1 },
      { reason: 'birth_date_differs', match: 0, manual: 0, noMatch: 1, total: 1, previous: 0 },
      { reason: 'name_fuzzy_family', match: 0, manual: 1, noMatch: 0, total: 1, previous: 0 },
      { reason: 'name_transliterated', match: 1, manual: 0, noMatch: 0, total: 1, previous: 0 },
      { reason: 'name_token_order', match: 0, manual: 0, noMatch: 0, total: 0, previous: 1 },
    ]);
  });

  it('lists every day of the period with its volumes', () => {
    expect(live.volume).toHaveLength(23);
    const day = (d: string) => live.volume.find((v) => v.bucket === d);
    expect(day('2025-04-01')).toEqual({ bucket: '2025-04-01', logins: 1, autoLinks: 1, mitidLinks: 0, manualLinks: 0, submitted: 0, decided: 1 });
    expect(day('2025-04-08')).toEqual({ bucket: '2025-04-08', logins: 0, autoLinks: 0, mitidLinks: 0, manualLinks: 1, submitted: 0, decided: 1 });
    expect(day('2025-04-16')).toMatchObject({ submitted: 2, decided: 0 });
    expect(day('2025-04-22')).toMatchObject({ submitted: 1, decided: 1 });
    expect(day('2025-04-23')).toMatchObject({ logins: 1 });
    expect(day('2025-04-05')).toEqual({ bucket: '2025-04-05', logins: 0, autoLinks: 0, mitidLinks: 0, manualLinks: 0, submitted: 0, decided: 0 });
    const total = (k: 'logins' | 'submitted' | 'decided') => live.volume.reduce((s, v) => s + v[k], 0);
    expect([total('logins'), total('submitted'), total('decided')]).toEqual([5, 6, 3]);
  });

  it('ages the backlog in business days, skipping weekends and the Easter holidays', () => {
    const states = Object.fromEntries(live.backlog.byState.map((s) => [s.state, { ...s.buckets, total: s.total }]));
    expect(states).toEqual({
      submitted: { '0-2': 1, '3-5': 0, '6-10': 0, '11+': 1, total: 2 },
      in_review: { '0-2': 0, '3-5': 0, '6-10': 1, '11+': 0, total: 1 },
      // Submitted Wednesday 16 April: 22 and 23 April are the only business days since.
      awaiting_applicant: { '0-2': 1, '3-5': 0, '6-10': 0, '11+': 0, total: 1 },
    });
    expect(live.backlog.totals).toEqual({ '0-2': 2, '3-5': 0, '6-10': 1, '11+': 1, total: 4 });
    expect(live.backlog.oldest).toEqual({ reference: 'IM-X10', ageDays: 32, submittedAt: new Date('2025-03-05T10:00:00+01:00') });
    expect(live.backlog.pastTarget).toBe(2);
    expect(live.backlog.targetDays).toBe(5);
    expect(live.backlog.openAtEnd).toEqual({ current: 4, previous: 3 });
  });

  it('gives the median and 90th percentile time to decision in business days', () => {
    expect(live.decisionTime.decisions).toEqual({ current: 3, previous: 2 });
    expect(live.decisionTime.median).toEqual({ current: 2, previous: 1 });
    expect(live.decisionTime.p90).toEqual({ current: 3, previous: 3 });
    expect(live.decisionTime.distribution).toEqual([
      { days: 1, current: 1, previous: 1 },
      { days: 2, current: 1, previous: 0 },
      { days: 3, current: 1, previous: 1 },
    ]);
  });

  it('sums up each caseworker, with handling time from their own taking of the case', () => {
    expect(live.caseworkers).toEqual([
      { id: staff.cw2, name: 'Kasper', decisions: 2, decisionsPrevious: 0, approvals: 0, rejections: 2, requests: 1, medianHandlingHours: 0.5, medianHandlingHoursPrevious: null, assignedNow: 0 },
      { id: staff.cw1, name: 'Camilla', decisions: 1, decisionsPrevious: 2, approvals: 1, rejections: 0, requests: 0, medianHandlingHours: 1.5, medianHandlingHoursPrevious: 0.5, assignedNow: 1 },
      { id: staff.sup, name: 'Sofie', decisions: 0, decisionsPrevious: 0, approvals: 0, rejections: 0, requests: 0, medianHandlingHours: null, medianHandlingHoursPrevious: null, assignedNow: 0 },
    ]);
  });

  it('counts rejection reasons and requested items by document type and by country', () => {
    expect(live.rejectionsByDocument).toEqual([
      { reason: 'data_mismatch', passport: 1, idCard: 0, total: 1, previous: 0 },
      { reason: 'document_expired', passport: 0, idCard: 1, total: 1, previous: 0 },
      { reason: 'document_unreadable', passport: 0, idCard: 0, total: 0, previous: 1 },
    ]);
    expect(live.rejectionsByCountry.map((r) => [r.country, r.counts.document_expired, r.counts.data_mismatch, r.total, r.previous])).toEqual([
      ['SE', 1, 0, 1, 1],
      ['PL', 0, 1, 1, 0],
    ]);
    expect(live.requestedItemsByDocument).toEqual([
      { type: 'photo', target: 'id_front', passport: 0, idCard: 1, total: 1, previous: 0 },
      { type: 'question', target: '', passport: 0, idCard: 1, total: 1, previous: 0 },
      { type: 'photo', target: 'passport_photo', passport: 0, idCard: 0, total: 0, previous: 1 },
    ]);
    expect(live.requestedItemsByCountry).toEqual([
      { country: 'PL', counts: { photo: 1, field: 0, question: 1 }, total: 2, previous: 0 },
      { country: 'SE', counts: { photo: 0, field: 0, question: 0 }, total: 0, previous: 1 },
    ]);
  });

  it('gives each country its volumes and automatic match rate', () => {
    expect(live.countries).toEqual([
      { country: 'DE', logins: 2, loginsPrevious: 1, autoDecisions: 2, autoMatches: 1, autoMatchRate: 50, autoMatchRatePrevious: 100, mitidMatches: 1, applications: 3, approved: 1, rejected: 0 },
      { country: 'PL', logins: 2, loginsPrevious: 0, autoDecisions: 2, autoMatches: 1, autoMatchRate: 50, autoMatchRatePrevious: null, mitidMatches: 0, applications: 1, approved: 0, rejected: 1 },
      { country: 'SE', logins: 1, loginsPrevious: 1, autoDecisions: 1, autoMatches: 0, autoMatchRate: 0, autoMatchRatePrevious: 0, mitidMatches: 0, applications: 2, approved: 0, rejected: 1 },
    ]);
  });

  it('groups long periods by ISO week', async () => {
    const { range } = parseRange({ range: 'custom', from: '2025-02-01', to: '2025-04-23' }, NOW);
    const weekly = await getDashboard(getDb(), range, NOW);
    expect(weekly.range.bucket).toBe('week');
    expect(weekly.volume[0]!.bucket).toBe('2025-01-27');
    expect(weekly.volume.at(-1)!.bucket).toBe('2025-04-21');
    // Monday 31 March – Sunday 6 April: the logins at 23:30 on 31 March, 00:30 on 1 April and on 2 April.
    expect(weekly.volume.find((v) => v.bucket === '2025-03-31')).toMatchObject({ logins: 3, autoLinks: 3, decided: 2 });
  });
});

describe('the daily roll-up', () => {
  beforeEach(async () => {
    await getDb().execute(sql`truncate stats_daily, stats_rollup`);
  });

  it('is filled by the scheduled job from the first recorded day up to yesterday, never today', async () => {
    expect(jobs.find((j) => j.name === 'stats-rollup')?.cron).toBe('*/10 * * * *');
    expect(await refreshRecentStats(getDb(), { now: NOW })).toMatchObject({ from: '2025-03-05', to: '2025-04-22' });
    expect(await rollupThrough(getDb())).toBe('2025-04-22');
    expect(await getDashboard(getDb(), parseRange(RANGE, NOW).range, NOW)).toEqual(live);
    // The next run recounts only the last three days.
    expect(await refreshRecentStats(getDb(), { now: NOW })).toMatchObject({ from: '2025-04-20', to: '2025-04-22' });
  });

  it('gives exactly the live figures, whether it covers part of the periods or all complete days', async () => {
    const { range } = parseRange(RANGE, NOW);
    await refreshDailyStats(getDb(), '2025-03-01', '2025-04-10');
    expect(await rollupThrough(getDb())).toBe('2025-04-10');
    expect(await getDashboard(getDb(), range, NOW)).toEqual(live);
    await refreshDailyStats(getDb(), '2025-04-08', '2025-04-22');
    expect(await rollupThrough(getDb())).toBe('2025-04-22');
    expect(await getDashboard(getDb(), range, NOW)).toEqual(live);
  });

  it('gives the live figures from whole months of the monthly roll-up too', async () => {
    // 1 February – 23 April against 11 November – 31 January: February, March, December and January are whole months.
    const { range } = parseRange({ range: 'custom', from: '2025-02-01', to: '2025-04-23' }, NOW);
    const liveLong = await getDashboard(getDb(), range, NOW);
    await refreshDailyStats(getDb(), '2024-11-01', '2025-04-22');
    const months = await getDb().execute<{ day: string; n: number }>(sql`select day::text as day, sum(n)::int as n from stats_monthly where metric = 'login' group by day order by day`);
    expect([...months]).toEqual([{ day: '2025-03-01', n: 3 }, { day: '2025-04-01', n: 4 }]);
    expect(await getDashboard(getDb(), range, NOW)).toEqual(liveLong);
    const query = new PgDialect().sqlToQuery(factsSource('2025-04-22', [range.current], ['login']));
    expect(query.sql).toContain('from stats_monthly');
    expect(query.params).toEqual(['login', '2025-02-01', '2025-03-31', 'login', '2025-04-01', '2025-04-22', '2025-04-23', '2025-04-24']);
    expect(liveLong.funnel.stages.find((s) => s.stage === 'logins')!.value).toEqual({ current: 8, previous: 0 });
  });

  it('never moves back when an older window is recounted', async () => {
    await refreshDailyStats(getDb(), '2025-04-01', '2025-04-22');
    await refreshDailyStats(getDb(), '2025-03-01', '2025-03-05');
    expect(await rollupThrough(getDb())).toBe('2025-04-22');
  });
});
