// Segments side by side: every KPI for the whole base and each chosen segment (with the change on the
// previous period), and a chart of one KPI by period for all of them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { toSegmentSeries, toSegmentTable } from './chartData';
import { ChartPanel } from './ChartPanel';
import { segmentSeriesCsv } from './csv';
import { changeView, formatKpiValue } from './kpiFormat';
import type { KpiDashboard, KpiTileId } from './kpiTypes';
import { seriesColor } from './palette';
import { SeriesChart, type SeriesSpec } from './SeriesChart';
import { ChangeText } from './KpiTiles';

export function SegmentComparison({ dashboard }: { dashboard: KpiDashboard }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const [tileId, setTileId] = useState<KpiTileId>('active_customers');
  const { currency } = dashboard;
  const table = toSegmentTable(dashboard);
  const data = toSegmentSeries(dashboard, tileId);
  const unit = dashboard.tiles.find((x) => x.id === tileId)?.unit ?? 'count';
  const groupName = (name: string | null) => name ?? t('kpis.segments.all');
  const series: SeriesSpec[] = data.series.map((s, i) => ({ key: s.key, name: groupName(s.name), color: seriesColor(i), type: 'line' }));
  const kpiName = t(`kpis.tiles.names.${tileId}`);
  const chartTitle = t('kpis.segments.chartTitle', { kpi: kpiName });

  return (
    <section aria-labelledby="kpi-segments-heading">
      <h2 id="kpi-segments-heading">{t('kpis.segments.title')}</h2>
      <p className="muted">{t('kpis.segments.description')}</p>
      {dashboard.missingSegmentIds.length > 0 ? (
        <p role="status" className="alert alert-warning">
          {t('kpis.segments.missing', { count: dashboard.missingSegmentIds.length })}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table segment-table">
          <caption className="visually-hidden">{t('kpis.segments.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kpis.segments.kpi')}</th>
              <th scope="col" className="num">{t('kpis.segments.all')}</th>
              {dashboard.segments.map((s) => (
                <th key={s.id} scope="col" className="num">{s.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('kpis.segments.members')}</th>
              <td className="num">{formatNumber(dashboard.tiles.find((x) => x.id === 'customers')?.value ?? 0, locale)}</td>
              {dashboard.segments.map((s) => (
                <td key={s.id} className="num">{formatNumber(s.members, locale)}</td>
              ))}
            </tr>
            {table.map((row) => (
              <tr key={row.tileId}>
                <th scope="row">{t(`kpis.tiles.names.${row.tileId}`)}</th>
                {row.values.map((v, i) => {
                  const change = changeView(row.unit, v, row.tileId === 'churn', currency, locale);
                  return (
                    <td key={i} className="num">
                      <span className="segment-value">{formatKpiValue(row.unit, v.value, currency, locale) ?? t('kpis.tiles.noValue')}</span>
                      {change ? <ChangeText change={change} compact /> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartPanel
        title={chartTitle}
        csv={() => segmentSeriesCsv(data, t('kpis.segments.all'))}
        legend={series.map((s) => ({ name: s.name, color: s.color }))}
        controls={
          <label className="inline-select">
            {t('kpis.segments.chartKpi')}
            <select value={tileId} onChange={(e) => setTileId(e.target.value as KpiTileId)}>
              {dashboard.tiles.map((x) => (
                <option key={x.id} value={x.id}>{t(`kpis.tiles.names.${x.id}`)}</option>
              ))}
            </select>
          </label>
        }
        wide
      >
        <SeriesChart rows={data.rows} series={series} unit={unit} currency={currency} title={chartTitle} height={260} />
      </ChartPanel>
    </section>
  );
}
