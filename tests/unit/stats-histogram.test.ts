import { describe, expect, it } from 'vitest';
import { evenBins } from '@/lib/stats/histogram';

const span = (bins: ReturnType<typeof evenBins>) => bins.map((b) => `${b.from}-${b.to}:${b.current}/${b.previous}`);

describe('time-to-decision bins', () => {
  it('keeps one bin per day, empty days included, while the longest decision is short', () => {
    expect(span(evenBins([{ days: 1, current: 2, previous: 0 }, { days: 4, current: 1, previous: 3 }]))).toEqual(['0-0:0/0', '1-1:2/0', '2-2:0/0', '3-3:0/0', '4-4:1/3']);
  });

  it('never puts day 8 next to days 37–42: even bins over the whole range', () => {
    const bins = evenBins([8, 37, 38, 40, 42].map((days) => ({ days, current: 1, previous: 0 })));
    const widths = new Set(bins.map((b) => b.to - b.from + 1));
    expect(widths).toEqual(new Set([5]));
    expect(bins[0]!.from).toBe(0);
    bins.slice(1).forEach((b, i) => expect(b.from).toBe(bins[i]!.to + 1));
    expect(span(bins)).toEqual(['0-4:0/0', '5-9:1/0', '10-14:0/0', '15-19:0/0', '20-24:0/0', '25-29:0/0', '30-34:0/0', '35-39:2/0', '40-44:2/0']);
    expect(bins.reduce((n, b) => n + b.current, 0)).toBe(5);
  });

  it('stays at 15 bins or fewer for a long tail, and gives nothing for no decisions', () => {
    expect(evenBins([{ days: 0, current: 1, previous: 0 }, { days: 700, current: 1, previous: 1 }]).length).toBeLessThanOrEqual(15);
    expect(evenBins([])).toEqual([]);
  });
});
