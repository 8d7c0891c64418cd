// The R × F grid: 25 cells with customers and revenue, R 5 (most recent) on top and F 5 (most orders) on the
// right. Each cell is a link that opens the segment builder with the rule "R = r and F = f".
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLanguage } from '../../i18n';
import { formatNumber } from '../../ui/format';
import { builderLink } from '../segments/ruleParam';
import { ChartPanel } from './ChartPanel';
import { heatColor, heatTextColor } from './cohortRows';
import { rfmCsv } from './csv';
import { formatCompact, formatKpiValue } from './kpiFormat';
import type { RfmGridView } from './kpiTypes';
import { rfmRule, toRfmCells } from './rfmCells';

const CELL_W = 104;
const CELL_H = 52;
const AXIS = 48;

export function RfmGridChart({ grid, currency }: { grid: RfmGridView; currency: string }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const navigate = useNavigate();
  const title = t('kpis.rfm.title');
  const rows = toRfmCells(grid);
  const width = AXIS + 5 * CELL_W;
  const height = 5 * CELL_H + AXIS;
  const open = (e: MouseEvent, href: string) => {
    e.preventDefault();
    navigate(href);
  };
  return (
    <ChartPanel title={title} definitionId="rfm_grid" description={t('kpis.rfm.description')} csv={() => rfmCsv(grid)}>
      {grid.customers === 0 ? (
        <p className="muted">{t('kpis.rfm.empty')}</p>
      ) : (
        <svg data-export-chart viewBox={`0 0 ${width} ${height}`} className="rfm-grid" fontSize={12} style={{ width: '100%', maxWidth: width, height: 'auto' }}>
          <title>{title}</title>
          {rows.map((row, ri) =>
            row.map((cell) => {
              const x = AXIS + (cell.f - 1) * CELL_W;
              const y = ri * CELL_H;
              const href = builderLink(rfmRule(cell.r, cell.f), `R${cell.r} F${cell.f}`);
              const revenue = formatKpiValue('money', cell.revenue, currency, locale) ?? '–';
              const label = `${t('kpis.rfm.cell', { r: cell.r, f: cell.f, customers: formatNumber(cell.customers, locale), revenue })}. ${t('kpis.rfm.openSegment', { r: cell.r, f: cell.f })}`;
              return (
                <a key={`${cell.r}${cell.f}`} href={href} onClick={(e) => open(e, href)} aria-label={label} className="rfm-cell">
                  <rect x={x + 2} y={y + 2} width={CELL_W - 4} height={CELL_H - 4} rx={4} fill={heatColor(cell.intensity)} />
                  <text x={x + CELL_W / 2} y={y + 22} textAnchor="middle" fontWeight={650} fontSize={14} fill={heatTextColor(cell.intensity)}>
                    {formatNumber(cell.customers, locale)}
                  </text>
                  <text x={x + CELL_W / 2} y={y + 39} textAnchor="middle" fill={heatTextColor(cell.intensity)}>
                    {formatCompact('money', cell.revenue, currency, locale)}
                  </text>
                </a>
              );
            }),
          )}
          {[5, 4, 3, 2, 1].map((r, ri) => (
            <text key={`r${r}`} x={AXIS - 10} y={ri * CELL_H + CELL_H / 2 + 4} textAnchor="end" fill="#5a6474" fontWeight={600}>
              R{r}
            </text>
          ))}
          {[1, 2, 3, 4, 5].map((f) => (
            <text key={`f${f}`} x={AXIS + (f - 1) * CELL_W + CELL_W / 2} y={5 * CELL_H + 16} textAnchor="middle" fill="#5a6474" fontWeight={600}>
              F{f}
            </text>
          ))}
          <text x={AXIS + (5 * CELL_W) / 2} y={5 * CELL_H + 38} textAnchor="middle" fill="#5a6474">
            {t('kpis.rfm.frequency')}
          </text>
          <text x={12} y={(5 * CELL_H) / 2} textAnchor="middle" fill="#5a6474" transform={`rotate(-90 12 ${(5 * CELL_H) / 2})`}>
            {t('kpis.rfm.recency')}
          </text>
        </svg>
      )}
    </ChartPanel>
  );
}
