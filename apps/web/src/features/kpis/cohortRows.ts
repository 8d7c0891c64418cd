// The cohort heatmap's rows: one per first-order month, one cell per month since, by customers (share of
// the cohort still buying) or revenue (share of month-0 revenue), with the colour strength of each cell.
import type { CohortRowView } from './kpiTypes';

export type CohortMeasure = 'customers' | 'revenue';

export interface CohortCellView {
  monthsSinceFirst: number;
  /** The share shown: customer or revenue retention; null when it has no value. */
  value: number | null;
  /** Customers who bought, or revenue in minor units, in that month. */
  count: number;
  /** 0–1 colour strength (revenue retention can exceed 100 %: capped). */
  intensity: number;
  complete: boolean;
}

export interface CohortView {
  /** Months since first order shown as columns: 0 … the widest row. */
  columns: number[];
  rows: { cohort: string; size: number; cells: CohortCellView[] }[];
}

export function toCohortRows(cohorts: readonly CohortRowView[], measure: CohortMeasure): CohortView {
  let width = 0;
  const rows = cohorts.map((r) => {
    width = Math.max(width, r.cells.length);
    return {
      cohort: r.cohort,
      size: r.size,
      cells: r.cells.map((c) => {
        const value = measure === 'customers' ? c.customerRetention : c.revenueRetention;
        return {
          monthsSinceFirst: c.monthsSinceFirst,
          value,
          count: measure === 'customers' ? c.customers : c.revenue,
          intensity: value === null ? 0 : Math.max(0, Math.min(1, value)),
          complete: c.complete,
        };
      }),
    };
  });
  return { columns: Array.from({ length: width }, (_, i) => i), rows };
}

/** Fill colour of a heat cell: from the surface (0) to the accent (1), as an rgb() string. */
export function heatColor(intensity: number): string {
  const from = [240, 242, 245];
  const to = [52, 81, 178];
  const t = Math.sqrt(Math.max(0, Math.min(1, intensity)));
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * t));
  return `rgb(${mix.join(', ')})`;
}

/** Text on a heat cell must stay readable: white on strong cells. */
export function heatTextColor(intensity: number): string {
  return Math.sqrt(Math.max(0, Math.min(1, intensity))) > 0.55 ? '#ffffff' : '#1c2330';
}
