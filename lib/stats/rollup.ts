// Keeps the daily roll-up current: every run recounts the last few complete days (catching late writes) and
// catches up from wherever the roll-up stopped; the nightly run recounts a longer window.
import type { Db } from '@/lib/db';
import { addDays, copenhagenDate } from '@/lib/calendar/danish-calendar';
import { firstDataDay, refreshDailyStats, rollupThrough } from './facts';

export async function refreshRecentStats(db: Db, options: { days?: number; now?: Date } = {}): Promise<{ from: string; to: string; rows: number } | { skipped: string }> {
  const days = options.days ?? 3;
  const yesterday = addDays(copenhagenDate(options.now ?? new Date()), -1);
  const through = await rollupThrough(db);
  const start = through ? addDays(through < yesterday ? through : yesterday, 1 - days) : await firstDataDay(db);
  // Nothing recorded yet: mark the roll-up current so the dashboard has nothing to count live but today.
  const from = start && start <= yesterday ? start : yesterday;
  const { rows } = await refreshDailyStats(db, from, yesterday);
  return { from, to: yesterday, rows };
}
