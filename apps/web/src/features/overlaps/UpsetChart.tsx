// Exclusive intersections, UpSet style: one bar per combination of segments (members of exactly those and
// no others), largest first, with the membership dots below. Each column opens its combination as a segment.
import { activateOnKey, shortLabel } from './chartInteraction';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ChartFrame } from '../../ui/ChartFrame';
import { formatNumber, formatPercent } from '../../ui/format';
import { setColor } from './palette';
import { toUpsetBars } from './upset';
import type { OverlapsResult } from './useOverlaps';
import { useChartText } from './useChartText';
import { useRegionNames } from './useRegionNames';

const col = 30;
const labelWidth = 170;
const barHeight = 150;
const top = 48;
const row = 22;
export const UPSET_LIMIT = 30;

export function UpsetChart({ result, labels, onOpenRegion }: { result: OverlapsResult; labels: string[]; onOpenRegion: (mask: number, name: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const svg = useRef<SVGSVGElement>(null);
  const names = useRegionNames(labels);
  const text = useChartText();
  const bars = toUpsetBars({ sizes: result.sets.map((s) => s.size), regions: result.regions, total: result.total }, UPSET_LIMIT);
  const k = labels.length;
  const width = labelWidth + Math.max(bars.length, 1) * col + 12;
  const matrixTop = top + barHeight + 14;
  const height = matrixTop + k * row + 8;
  const short = (s: string) => shortLabel(s, 20);

  return (
    <ChartFrame
      title={t('overlaps.upset.title')}
      note={result.regions.length > UPSET_LIMIT ? t('overlaps.upset.limited', { shown: UPSET_LIMIT, total: result.regions.length }) : t('overlaps.upset.note')}
      svgRef={svg}
      text={text}
      csvRows={() => [
        [t('overlaps.csv.combination'), ...labels, t('overlaps.csv.customers'), t('overlaps.csv.share')],
        ...toUpsetBars({ sizes: result.sets.map((s) => s.size), regions: result.regions, total: result.total }, Infinity).map((b) => [
          names.region(b.sets),
          ...labels.map((_, i) => (b.sets.includes(i) ? 1 : 0)),
          b.count,
          Number(b.share.toFixed(4)),
        ]),
      ]}
    >
      <svg ref={svg} viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label={t('overlaps.upset.title')} fontSize="12" className="scrolls">
        <title>{t('overlaps.upset.title')}</title>
        <text x={labelWidth - 8} y={top + 4} textAnchor="end" fill="#5a6474" fontSize="11">
          {t('overlaps.upset.axis')}
        </text>
        {labels.map((label, j) => (
          <g key={label + j}>
            <rect x={labelWidth} y={matrixTop + j * row} width={width - labelWidth} height={row} fill={j % 2 ? '#ffffff' : '#f5f6f8'} />
            <text x={labelWidth - 8} y={matrixTop + j * row + row / 2 + 4} textAnchor="end" fill={setColor(j)} fontWeight="600">
              {short(label)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x = labelWidth + i * col;
          const h = Math.max(1, b.relative * barHeight);
          const name = names.region(b.sets);
          const label = t('overlaps.upset.bar', { name, count: formatNumber(b.count, locale), share: formatPercent(b.share, locale) });
          const first = Math.min(...b.sets);
          const last = Math.max(...b.sets);
          return (
            <g
              key={b.mask}
              role="button"
              tabIndex={0}
              aria-label={label}
              className="chart-hit"
              onClick={() => onOpenRegion(b.mask, name)}
              onKeyDown={(e) => activateOnKey(e, () => onOpenRegion(b.mask, name))}
              data-testid={`upset-${b.mask}`}
              data-count={b.count}
            >
              <title>{label}</title>
              <rect x={x} y={top} width={col} height={matrixTop - top + k * row} fill="transparent" />
              <rect x={x + 5} y={top + barHeight - h} width={col - 10} height={h} fill="#3451b2" rx="2" />
              <text x={x + col / 2} y={top + barHeight - h - 4} textAnchor="start" fontSize="10" fill="#1c2330" transform={`rotate(-60 ${x + col / 2} ${top + barHeight - h - 4})`}>
                {formatNumber(b.count, locale)}
              </text>
              {b.sets.length > 1 ? (
                <line x1={x + col / 2} x2={x + col / 2} y1={matrixTop + first * row + row / 2} y2={matrixTop + last * row + row / 2} stroke="#1c2330" strokeWidth="2" />
              ) : null}
              {labels.map((_, j) => (
                <circle key={j} cx={x + col / 2} cy={matrixTop + j * row + row / 2} r="5" fill={b.sets.includes(j) ? '#1c2330' : '#d5dae1'} />
              ))}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
