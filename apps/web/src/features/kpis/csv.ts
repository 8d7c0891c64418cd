// CSV text for chart exports (RFC 4180: comma-separated, CRLF, quotes doubled) and the table behind each
// chart. Column names are stable ids, so a spreadsheet built on an export keeps working in any UI language.
import type { CohortView } from './cohortRows';
import type { ModelCheckRow, SegmentSeries, TrendChartRow } from './chartData';
import type { CsatPoint, RfmGridView } from './kpiTypes';

export type CsvValue = string | number | null | undefined;

export interface CsvTable {
  headers: string[];
  rows: CsvValue[][];
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  // A leading = + - @ would run as a formula in a spreadsheet: prefix text (never numbers) with a quote.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: CsvTable): string {
  return [table.headers, ...table.rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function trendCsv(rows: readonly TrendChartRow[]): CsvTable {
  return {
    headers: ['period', 'complete', 'active_customers', 'new_customers', 'repeat_rate', 'retention', 'churn', 'aov', 'revenue'],
    rows: rows.map((r) => [r.period, r.complete ? 1 : 0, r.activeCustomers, r.newCustomers, r.repeatRate, r.retention, r.churn, r.aov, r.revenue]),
  };
}

export function csatCsv(points: readonly CsatPoint[]): CsvTable {
  return {
    headers: ['period', 'complete', 'responses', 'satisfied', 'csat', 'mean_rating'],
    rows: points.map((p) => [p.period, p.complete ? 1 : 0, p.responses, p.satisfied, p.share, p.mean]),
  };
}

export function cohortCsv(view: CohortView, measure: string): CsvTable {
  return {
    headers: ['cohort', 'size', ...view.columns.map((n) => `${measure}_month_${n}`)],
    rows: view.rows.map((r) => [r.cohort, r.size, ...view.columns.map((n) => r.cells[n]?.value ?? null)]),
  };
}

export function rfmCsv(grid: RfmGridView): CsvTable {
  return { headers: ['r_score', 'f_score', 'customers', 'revenue'], rows: grid.cells.map((c) => [c.r, c.f, c.customers, c.revenue]) };
}

export function modelCheckCsv(rows: readonly ModelCheckRow[]): CsvTable {
  return {
    headers: ['calibration_repeat_purchases', 'customers', 'actual_mean_purchases', 'predicted_mean_purchases'],
    rows: rows.map((r) => [r.bucket, r.customers, r.actual, r.predicted]),
  };
}

export function segmentSeriesCsv(data: SegmentSeries, allLabel: string): CsvTable {
  return {
    headers: ['period', ...data.series.map((s) => s.name ?? allLabel)],
    rows: data.rows.map((row) => [row.period as string, ...data.series.map((s) => row[s.key] as CsvValue)]),
  };
}
