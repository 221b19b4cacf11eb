// Even histogram bins for the time to decision: every bin the same width, from day 0 to the longest decision, with
// empty bins kept, so the chart's horizontal axis is a true scale (day 8 never sits next to days 37–42).

export type Bin = { from: number; to: number; current: number; previous: number };

/** Widths a person reads easily; the smallest that gives at most `maxBins` bins is used. */
const WIDTHS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export function evenBins(counts: readonly { days: number; current: number; previous: number }[], maxBins = 15): Bin[] {
  if (counts.length === 0) return [];
  const longest = Math.max(...counts.map((c) => c.days));
  const width = WIDTHS.find((w) => Math.ceil((longest + 1) / w) <= maxBins) ?? Math.ceil((longest + 1) / maxBins);
  const bins: Bin[] = Array.from({ length: Math.floor(longest / width) + 1 }, (_, i) => ({ from: i * width, to: i * width + width - 1, current: 0, previous: 0 }));
  for (const c of counts) {
    const bin = bins[Math.floor(Math.max(0, c.days) / width)]!;
    bin.current += c.current;
    bin.previous += c.previous;
  }
  return bins;
}
