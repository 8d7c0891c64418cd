// A Venn diagram of 2 or 3 segments with areas in proportion; every region's label shows its exact count,
// and clicking a region (or pressing Enter on its label) opens it as a new segment.
import type { KeyboardEvent, MouseEvent } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { ChartFrame } from '../../ui/ChartFrame';
import { formatNumber, formatPercent } from '../../ui/format';
import { setColor } from './palette';
import type { OverlapsResult } from './useOverlaps';
import { useChartText } from './useChartText';
import { useRegionNames } from './useRegionNames';
import { maskAt, vennLayout } from './venn';

const width = 560;
const height = 340;

export function VennDiagram({ result, labels, onOpenRegion }: { result: OverlapsResult; labels: string[]; onOpenRegion: (mask: number, name: string) => void }) {
  const { t } = useTranslation();
  const { locale } = useLanguage();
  const svg = useRef<SVGSVGElement>(null);
  const names = useRegionNames(labels);
  const text = useChartText();
  const layout = vennLayout({ sizes: result.sets.map((s) => s.size), pairs: result.pairs, regions: result.regions }, width, height - 40, 30);
  if (!layout) return null;
  const countOf = new Map(result.regions.map((r) => [r.mask, r]));
  const setsOf = (mask: number) => labels.map((_, i) => i).filter((i) => mask & (1 << i));

  const open = (mask: number) => {
    if (mask !== 0 && countOf.has(mask)) onOpenRegion(mask, names.region(setsOf(mask)));
  };
  const click = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * width;
    const y = ((e.clientY - box.top) / box.height) * height;
    open(maskAt(layout.circles, x, y));
  };
  const key = (e: KeyboardEvent, mask: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(mask);
    }
  };

  return (
    <ChartFrame
      title={t('overlaps.venn.title')}
      note={t('overlaps.venn.note')}
      svgRef={svg}
      text={text}
      csvRows={() => [
        [t('overlaps.csv.combination'), t('overlaps.csv.customers'), t('overlaps.csv.share')],
        ...result.regions.map((r) => [names.region(r.sets), r.count, Number((result.total ? r.count / result.total : 0).toFixed(4))]),
        [names.none(), result.none, Number((result.total ? result.none / result.total : 0).toFixed(4))],
      ]}
    >
      <svg ref={svg} viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label={t('overlaps.venn.title')} onClick={click} className="venn" fontSize="12">
        <title>{t('overlaps.venn.title')}</title>
        {layout.circles.map((c) => (
          <circle key={c.set} cx={c.cx} cy={c.cy} r={Math.max(c.r, 2)} fill={setColor(c.set)} fillOpacity="0.22" stroke={setColor(c.set)} strokeWidth="2" />
        ))}
        {layout.labels.map((l) => {
          const region = countOf.get(l.mask);
          if (!region) return null;
          const name = names.region(region.sets);
          const label = t('overlaps.upset.bar', { name, count: formatNumber(region.count, locale), share: formatPercent(result.total ? region.count / result.total : 0, locale) });
          return (
            <g key={l.mask} role="button" tabIndex={0} aria-label={label} className="chart-hit" onKeyDown={(e) => key(e, l.mask)} data-testid={`venn-${l.mask}`} data-count={region.count}>
              <title>{label}</title>
              <text x={l.x} y={l.y + 4} textAnchor="middle" fontWeight="700" fill="#1c2330">
                {formatNumber(region.count, locale)}
              </text>
            </g>
          );
        })}
        {labels.map((label, i) => {
          // The legend shares the width evenly; long names are cut to their share.
          const slot = (width - 24) / labels.length;
          const chars = Math.max(6, Math.floor((slot - 26) / 7));
          return (
            <g key={`legend${i}`}>
              <rect x={12 + i * slot} y={height - 26} width="12" height="12" fill={setColor(i)} fillOpacity="0.6" />
              <text x={30 + i * slot} y={height - 16} fill="#1c2330">
                {label.length > chars ? `${label.slice(0, chars - 1)}…` : label}
                <title>{label}</title>
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
