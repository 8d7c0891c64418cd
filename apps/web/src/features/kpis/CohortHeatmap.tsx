// Cohort retention heatmap (SVG, so it exports as PNG like the other charts): rows are first-order months,
// columns months since; by customers or revenue. A hidden table gives screen readers the same numbers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { periodLabel } from './chartData';
import { ChartPanel } from './ChartPanel';
import { heatColor, heatTextColor, toCohortRows, type CohortMeasure } from './cohortRows';
import { cohortCsv } from './csv';
import type { CohortRowView } from './kpiTypes';

const CELL_W = 46;
const CELL_H = 26;
const LABEL_W = 92;
const SIZE_W = 56;
const HEAD_H = 24;

export function CohortHeatmap({ cohorts }: { cohorts: readonly CohortRowView[] }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const [measure, setMeasure] = useState<CohortMeasure>('customers');
  const view = toCohortRows(cohorts, measure);
  const title = t('kpis.cohorts.title');
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const width = LABEL_W + SIZE_W + view.columns.length * CELL_W;
  const height = HEAD_H + view.rows.length * CELL_H;
  const controls = (
    <label className="inline-select">
      {t('kpis.cohorts.measure')}
      <select value={measure} onChange={(e) => setMeasure(e.target.value as CohortMeasure)}>
        <option value="customers">{t('kpis.cohorts.customers')}</option>
        <option value="revenue">{t('kpis.cohorts.revenue')}</option>
      </select>
    </label>
  );
  const description = measure === 'customers' ? t('kpis.cohorts.descriptionCustomers') : t('kpis.cohorts.descriptionRevenue');
  return (
    <ChartPanel title={title} definitionId="cohort_retention" description={description} controls={controls} csv={() => cohortCsv(view, measure)} wide>
      {view.rows.length === 0 ? (
        <p className="muted">{t('kpis.cohorts.empty')}</p>
      ) : (
        <div className="heatmap-scroll">
          <svg data-export-chart width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${description}`} fontSize={12}>
            <text x={0} y={16} fill="#5a6474" fontWeight={600}>{t('kpis.cohorts.cohort')}</text>
            <text x={LABEL_W + SIZE_W - 8} y={16} fill="#5a6474" fontWeight={600} textAnchor="end">{t('kpis.cohorts.size')}</text>
            {view.columns.map((n) => (
              <text key={n} x={LABEL_W + SIZE_W + n * CELL_W + CELL_W / 2} y={16} fill="#5a6474" textAnchor="middle">
                {t('kpis.cohorts.month', { n })}
              </text>
            ))}
            {view.rows.map((row, r) => {
              const y = HEAD_H + r * CELL_H;
              return (
                <g key={row.cohort}>
                  <text x={0} y={y + 17} fill="#1c2330">{periodLabel(row.cohort, locale)}</text>
                  <text x={LABEL_W + SIZE_W - 8} y={y + 17} fill="#1c2330" textAnchor="end">{formatNumber(row.size, locale)}</text>
                  {row.cells.map((cell) => {
                    const x = LABEL_W + SIZE_W + cell.monthsSinceFirst * CELL_W;
                    const text = cell.value === null ? '–' : percent.format(cell.value);
                    return (
                      <g key={cell.monthsSinceFirst}>
                        <rect x={x + 1} y={y + 1} width={CELL_W - 2} height={CELL_H - 2} rx={3} fill={heatColor(cell.intensity)} opacity={cell.complete ? 1 : 0.6}>
                          <title>{t('kpis.cohorts.cell', { cohort: periodLabel(row.cohort, locale), n: cell.monthsSinceFirst, value: text })}</title>
                        </rect>
                        <text x={x + CELL_W / 2} y={y + 17} textAnchor="middle" fill={heatTextColor(cell.intensity)} pointerEvents="none">
                          {text}
                        </text>
                      </g>
                    );
                  })}
                </g>
              );
            })}
          </svg>
        </div>
      )}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('kpis.cohorts.cohort')}</th>
            <th scope="col">{t('kpis.cohorts.size')}</th>
            {view.columns.map((n) => (
              <th key={n} scope="col">{t('kpis.cohorts.month', { n })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.cohort}>
              <th scope="row">{periodLabel(row.cohort, locale)}</th>
              <td>{formatNumber(row.size, locale)}</td>
              {view.columns.map((n) => {
                const v = row.cells[n]?.value;
                return <td key={n}>{v === null || v === undefined ? '–' : percent.format(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}
