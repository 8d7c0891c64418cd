// A chart with its title, a short note on how to read it, and buttons that save it as PNG or CSV.
import type { ReactNode, RefObject } from 'react';
import { useId, useState } from 'react';
import type { CsvCell } from './csv';
import { toCsv } from './csv';
import { downloadSvgAsPng, downloadText, fileNameOf } from './download';

export interface ChartFrameText {
  png: string;
  csv: string;
  /** Shown when the image could not be made. */
  failed: string;
}

export function ChartFrame({
  title,
  note,
  svgRef,
  csvRows,
  text,
  children,
  tools,
}: {
  title: string;
  note?: ReactNode;
  svgRef: RefObject<SVGSVGElement | null>;
  csvRows: () => CsvCell[][];
  text: ChartFrameText;
  children: ReactNode;
  /** Controls of the chart itself (a mode switch), beside the download buttons. */
  tools?: ReactNode;
}) {
  const headingId = useId();
  const [failed, setFailed] = useState(false);
  const png = () => {
    const svg = svgRef.current;
    if (!svg) return;
    setFailed(false);
    downloadSvgAsPng(svg, fileNameOf(title, 'png')).catch(() => setFailed(true));
  };
  return (
    <section className="panel chart-frame" aria-labelledby={headingId}>
      <div className="chart-head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-tools">
          {tools}
          <button type="button" className="button button-secondary button-small" onClick={png}>
            {text.png}
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => downloadText(toCsv(csvRows()), fileNameOf(title, 'csv'))}>
            {text.csv}
          </button>
        </div>
      </div>
      {note ? <p className="chart-note muted">{note}</p> : null}
      {failed ? (
        <p role="alert" className="field-error">
          {text.failed}
        </p>
      ) : null}
      <div className="chart-body">{children}</div>
    </section>
  );
}
