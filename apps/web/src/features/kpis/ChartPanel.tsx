// A chart with its title, definition tip, optional controls and PNG/CSV downloads. The figure carries the
// title as its accessible name; PNG takes the chart's SVG, CSV the table the chart was drawn from.
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv, type CsvTable } from './csv';
import { downloadBlob, downloadCsv, safeFilename, svgToPng, type PngDecorations } from './exportChart';
import { InfoTip } from './InfoTip';
import type { KpiDefinitionId } from './kpiTypes';

export interface ChartPanelProps {
  title: string;
  definitionId?: KpiDefinitionId;
  description?: ReactNode;
  /** Controls shown next to the downloads (a measure toggle, a KPI picker). */
  controls?: ReactNode;
  csv: () => CsvTable;
  legend?: PngDecorations['legend'];
  wide?: boolean;
  children: ReactNode;
}

export function ChartPanel({ title, definitionId, description, controls, csv, legend, wide, children }: ChartPanelProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const figure = useRef<HTMLElement>(null);
  const [failed, setFailed] = useState(false);
  const filename = safeFilename(title);

  const exportPng = async () => {
    setFailed(false);
    const root = figure.current;
    const svg =
      root?.querySelector<SVGSVGElement>('svg[data-export-chart]') ??
      root?.querySelector<SVGSVGElement>('.recharts-wrapper > svg') ??
      root?.querySelector<SVGSVGElement>('svg');
    try {
      if (!svg) throw new Error('no chart to export');
      downloadBlob(await svgToPng(svg, { title, legend }), `${filename}.png`);
    } catch {
      setFailed(true);
    }
  };

  return (
    <section className={`panel chart-panel${wide ? ' chart-panel-wide' : ''}`} aria-labelledby={titleId}>
      <div className="chart-head">
        <h3 id={titleId}>{title}</h3>
        {definitionId ? <InfoTip id={definitionId} /> : null}
        <div className="chart-actions">
          {controls}
          <button type="button" className="button button-secondary button-small" onClick={() => void exportPng()} aria-label={t('kpis.export.label', { chart: title, format: 'PNG' })}>
            {t('kpis.export.png')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => downloadCsv(toCsv(csv()), `${filename}.csv`)}
            aria-label={t('kpis.export.label', { chart: title, format: 'CSV' })}
          >
            {t('kpis.export.csv')}
          </button>
        </div>
      </div>
      {description ? <p className="muted chart-description">{description}</p> : null}
      {failed ? (
        <p role="alert" className="field-error">
          {t('kpis.export.failed')}
        </p>
      ) : null}
      <figure ref={figure} className="chart-figure" aria-labelledby={titleId}>
        {children}
      </figure>
    </section>
  );
}
