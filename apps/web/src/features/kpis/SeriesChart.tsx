// One recharts chart by period: lines and bars sharing a value axis (or a second one on the right), axis
// and tooltip values formatted for the unit in the UI locale.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '../../i18n';
import { periodLabel } from './chartData';
import { formatCompact, formatKpiValue, type KpiUnit } from './kpiFormat';

export interface SeriesSpec {
  key: string;
  name: string;
  color: string;
  type: 'line' | 'bar';
  /** Draw against the right-hand axis (a second unit). */
  right?: boolean;
}

export interface SeriesChartProps {
  rows: readonly Record<string, unknown>[];
  series: readonly SeriesSpec[];
  unit: KpiUnit;
  rightUnit?: KpiUnit;
  currency: string;
  /** Accessible name of the SVG. */
  title: string;
  xKey?: string;
  /** x values are periods (`2026-10`, `2026-10-19`) to label in the locale; false for plain categories. */
  periods?: boolean;
  height?: number;
}

const tick = { fontSize: 12, fill: '#5a6474' };

export function SeriesChart({ rows, series, unit, rightUnit, currency, title, xKey = 'period', periods = true, height = 230 }: SeriesChartProps) {
  const { locale } = useLanguage();
  const unitOf = (key: string) => (series.find((s) => s.key === key)?.right ? (rightUnit ?? unit) : unit);
  const hasRight = series.some((s) => s.right);
  return (
    <ComposedChart responsive style={{ width: '100%', height }} data={[...rows]} title={title} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
      <CartesianGrid stroke="#e4e7ec" vertical={false} />
      <XAxis dataKey={xKey} tick={tick} tickFormatter={(v: string) => (periods ? periodLabel(String(v), locale) : String(v))} minTickGap={12} />
      <YAxis yAxisId="left" tick={tick} width={64} tickFormatter={(v: number) => formatCompact(unit, v, currency, locale)} />
      {hasRight ? (
        <YAxis yAxisId="right" orientation="right" tick={tick} width={48} tickFormatter={(v: number) => formatCompact(rightUnit ?? unit, v, currency, locale)} />
      ) : null}
      <Tooltip
        labelFormatter={(v) => (periods ? periodLabel(String(v), locale) : String(v))}
        formatter={(value, _name, item) => formatKpiValue(unitOf(String(item.dataKey)), typeof value === 'number' ? value : null, currency, locale) ?? '–'}
      />
      <Legend wrapperStyle={{ fontSize: 13 }} />
      {series.map((s) =>
        s.type === 'bar' ? (
          <Bar key={s.key} yAxisId={s.right ? 'right' : 'left'} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} maxBarSize={36} />
        ) : (
          <Line
            key={s.key}
            yAxisId={s.right ? 'right' : 'left'}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            dot={rows.length <= 1}
            isAnimationActive={false}
          />
        ),
      )}
    </ComposedChart>
  );
}
