// Pairwise overlaps as a heatmap: rows and columns are the compared segments; a cell shows how many are in
// both (count, % of the row's segment, or Jaccard). Each cell is a button that opens "in both" in the builder.
import { activateOnKey, shortLabel } from './chartInteraction';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ChartFrame } from '../../ui/ChartFrame';
import { formatNumber, formatPercent } from '../../ui/format';
import type { HeatmapMode } from './heatmap';
import { heatmapModes, toHeatmapCells } from './heatmap';
import { heatmapCsv } from './overlapSelection';
import type { OverlapsResult } from './useOverlaps';
import { heatColor, inkOn } from './palette';
import { useChartText } from './useChartText';
import { useRegionNames } from './useRegionNames';

const labelWidth = 170;
const headHeight = 120;

export function Heatmap({ result, labels, onOpenPair }: { result: OverlapsResult; labels: string[]; onOpenPair: (a: number, b: number, name: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const [mode, setMode] = useState<HeatmapMode>('count');
  const svg = useRef<SVGSVGElement>(null);
  const names = useRegionNames(labels);
  const text = useChartText();
  const k = labels.length;
  const cells = toHeatmapCells({ sizes: result.sets.map((s) => s.size), pairs: result.pairs }, mode);
  const show = (v: number) => (mode === 'count' ? formatNumber(v, locale) : mode === 'row' ? formatPercent(v, locale) : v.toFixed(2));
  // Fewer segments get bigger cells; column labels lean right, so room is left past the last column.
  const cell = k <= 4 ? 72 : k <= 8 ? 60 : 52;
  const width = labelWidth + k * cell + 110;
  const height = headHeight + k * cell + 8;
  const short = (s: string) => shortLabel(s, 18);


  return (
    <ChartFrame
      title={t('overlaps.heatmap.title')}
      note={t(`overlaps.heatmap.notes.${mode}`)}
      svgRef={svg}
      text={text}
      csvRows={() => heatmapCsv(labels, cells, t(`overlaps.heatmap.modes.${mode}`))}
      tools={
        <fieldset className="mode-switch">
          <legend className="visually-hidden">{t('overlaps.heatmap.modeLabel')}</legend>
          {heatmapModes.map((m) => (
            <label key={m} className={mode === m ? 'selected' : undefined}>
              <input type="radio" name="heatmap-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`overlaps.heatmap.modes.${m}`)}
            </label>
          ))}
        </fieldset>
      }
    >
      <svg ref={svg} viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label={t('overlaps.heatmap.label', { mode: t(`overlaps.heatmap.modes.${mode}`) })} fontSize="12">
        <title>{t('overlaps.heatmap.title')}</title>
        {labels.map((label, i) => (
          <g key={`h${i}`}>
            <text x={labelWidth + i * cell + cell / 2} y={headHeight - 6} transform={`rotate(-40 ${labelWidth + i * cell + cell / 2} ${headHeight - 6})`} fill="#1c2330">
              {short(label)}
            </text>
            <text x={labelWidth - 8} y={headHeight + i * cell + cell / 2 + 4} textAnchor="end" fill="#1c2330">
              {short(label)}
            </text>
          </g>
        ))}
        {cells.map((c) => {
          const name = names.pair(c.row, c.col);
          const label = t('overlaps.heatmap.cell', {
            name,
            count: formatNumber(c.count, locale),
            row: formatPercent(c.shareOfRow, locale),
            rowName: labels[c.row],
            jaccard: c.jaccard.toFixed(2),
          });
          return (
            <g
              key={`${c.row}:${c.col}`}
              role="button"
              tabIndex={0}
              aria-label={label}
              className="chart-hit"
              onClick={() => onOpenPair(c.row, c.col, name)}
              onKeyDown={(e) => activateOnKey(e, () => onOpenPair(c.row, c.col, name))}
              data-testid={`heat-${c.row}-${c.col}`}
              data-count={c.count}
            >
              <title>{label}</title>
              {/* The diagonal (a segment with itself) is its size: drawn neutral, outside the colour scale. */}
              <rect
                x={labelWidth + c.col * cell + 1}
                y={headHeight + c.row * cell + 1}
                width={cell - 2}
                height={cell - 2}
                rx="3"
                fill={c.diagonal ? '#ffffff' : heatColor(c.intensity)}
                stroke={c.diagonal ? '#b9c0ca' : 'none'}
                strokeDasharray={c.diagonal ? '4 3' : undefined}
              />
              <text x={labelWidth + c.col * cell + cell / 2} y={headHeight + c.row * cell + cell / 2 + 4} textAnchor="middle" fill={c.diagonal ? '#1c2330' : inkOn(c.intensity)} fontWeight="600" fontSize="11">
                {show(c.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
