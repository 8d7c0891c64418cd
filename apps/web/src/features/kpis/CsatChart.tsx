// CSAT by period: the share of answers rated 4–5 (line, left axis) over the number of answers (bars, right).
import { useTranslation } from 'react-i18next';
import { toCsatSeries } from './chartData';
import { ChartPanel } from './ChartPanel';
import { csatCsv } from './csv';
import type { CsatPoint } from './kpiTypes';
import { seriesColor } from './palette';
import { SeriesChart, type SeriesSpec } from './SeriesChart';

export function CsatChart({ points, currency }: { points: readonly CsatPoint[]; currency: string }) {
  const { t } = useTranslation();
  const title = t('kpis.csat.title');
  const rows = toCsatSeries(points);
  const series: SeriesSpec[] = [
    { key: 'responses', name: t('kpis.csat.responses'), color: '#8e9bc7', type: 'bar', right: true },
    { key: 'share', name: t('kpis.csat.share'), color: seriesColor(0), type: 'line' },
  ];
  const empty = rows.every((r) => r.responses === 0);
  return (
    <ChartPanel title={title} definitionId="csat" csv={() => csatCsv(points)} legend={series.map((s) => ({ name: s.name, color: s.color }))}>
      {empty ? <p className="muted">{t('kpis.csat.empty')}</p> : null}
      <SeriesChart rows={rows as unknown as Record<string, unknown>[]} series={series} unit="share" rightUnit="count" currency={currency} title={title} />
    </ChartPanel>
  );
}
