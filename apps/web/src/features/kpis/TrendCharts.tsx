// The trend charts by month or week: active and new customers, repeat rate within the period, retention and
// churn into the next period, AOV and revenue.
import { useTranslation } from 'react-i18next';
import { toTrendSeries } from './chartData';
import { ChartPanel } from './ChartPanel';
import { trendCsv } from './csv';
import type { KpiUnit } from './kpiFormat';
import type { KpiDefinitionId, TrendRow } from './kpiTypes';
import { seriesColor } from './palette';
import { SeriesChart, type SeriesSpec } from './SeriesChart';

interface TrendChartSpec {
  key: 'active' | 'repeat' | 'retention' | 'aov' | 'revenue';
  definitionId: KpiDefinitionId;
  unit: KpiUnit;
  series: SeriesSpec[];
}

export function TrendCharts({ trend, currency }: { trend: readonly TrendRow[]; currency: string }) {
  const { t } = useTranslation();
  const rows = toTrendSeries(trend);
  const csv = () => trendCsv(rows);
  const charts: TrendChartSpec[] = [
    {
      key: 'active',
      definitionId: 'active_customers',
      unit: 'count',
      series: [
        { key: 'activeCustomers', name: t('kpis.trends.activeSeries'), color: seriesColor(0), type: 'bar' },
        { key: 'newCustomers', name: t('kpis.trends.newSeries'), color: seriesColor(1), type: 'line' },
      ],
    },
    {
      key: 'retention',
      definitionId: 'period_retention',
      unit: 'share',
      series: [
        { key: 'retention', name: t('kpis.trends.retentionSeries'), color: seriesColor(2), type: 'line' },
        { key: 'churn', name: t('kpis.trends.churnSeries'), color: seriesColor(3), type: 'line' },
      ],
    },
    {
      key: 'repeat',
      definitionId: 'repeat_purchase_rate',
      unit: 'share',
      series: [{ key: 'repeatRate', name: t('kpis.trends.repeatSeries'), color: seriesColor(0), type: 'line' }],
    },
    { key: 'aov', definitionId: 'aov', unit: 'money', series: [{ key: 'aov', name: t('kpis.trends.aovSeries'), color: seriesColor(4), type: 'line' }] },
    {
      key: 'revenue',
      definitionId: 'revenue',
      unit: 'money',
      series: [{ key: 'revenue', name: t('kpis.trends.revenueSeries'), color: seriesColor(5), type: 'bar' }],
    },
  ];
  const incomplete = rows.length > 0 && !rows[rows.length - 1]!.complete;
  return (
    <section aria-labelledby="kpi-trends-heading">
      <h2 id="kpi-trends-heading">{t('kpis.trends.title')}</h2>
      {incomplete ? <p className="muted">{t('kpis.trends.incomplete')}</p> : null}
      <div className="chart-grid">
        {charts.map((c) => {
          const title = t(`kpis.trends.${c.key}`);
          return (
            <ChartPanel key={c.key} title={title} definitionId={c.definitionId} csv={csv} legend={c.series.map((s) => ({ name: s.name, color: s.color }))}>
              <SeriesChart rows={rows as unknown as Record<string, unknown>[]} series={c.series} unit={c.unit} currency={currency} title={title} />
            </ChartPanel>
          );
        })}
      </div>
    </section>
  );
}
