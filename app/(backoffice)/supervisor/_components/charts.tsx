'use client';
// The dashboard's charts. They repeat the numbers of the table beneath each one, so they are hidden from assistive
// technology (and not focusable): the tables are the accessible form of the same data.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type Series = { key: string; label: string };
type Row = Record<string, string | number | null>;

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000'];
const PREVIOUS = '#8c8c8c';

const colour = (key: string, i: number) => (key === 'previous' ? PREVIOUS : COLOURS[i % COLOURS.length]);

function Frame({ height, children }: { height: number; children: React.ReactElement }) {
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

export function BarsChart({
  data,
  category,
  series,
  horizontal = false,
  stacked = false,
  unit,
  histogram = false,
}: {
  data: Row[];
  category: string;
  series: Series[];
  /** Bars running left to right, for long category names. */
  horizontal?: boolean;
  stacked?: boolean;
  unit?: string;
  /** Bins of a histogram: every bin labelled and the bars of a bin touching. */
  histogram?: boolean;
}) {
  const height = horizontal ? Math.max(180, 48 + data.length * (stacked ? 28 : 18 * series.length + 12)) : 300;
  return (
    <Frame height={height}>
      <BarChart
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        accessibilityLayer={false}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        barCategoryGap={histogram ? 0 : undefined}
      >
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} unit={unit} />
            <YAxis type="category" dataKey={category} width={170} tick={{ fontSize: 12 }} />
          </>
        ) : (
          <>
            <XAxis dataKey={category} tick={{ fontSize: 12 }} interval={histogram ? 0 : undefined} />
            <YAxis allowDecimals={false} unit={unit} />
          </>
        )}
        <Tooltip />
        <Legend />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={colour(s.key, i)} stackId={stacked ? 'stack' : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </Frame>
  );
}

export function LinesChart({ data, category, series }: { data: Row[]; category: string; series: Series[] }) {
  return (
    <Frame height={320}>
      <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={category} tick={{ fontSize: 12 }} minTickGap={16} />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {series.map((s, i) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={colour(s.key, i)} strokeWidth={2} dot={false} isAnimationActive={false} />
        ))}
      </LineChart>
    </Frame>
  );
}
