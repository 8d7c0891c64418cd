// The R × F grid as 25 cells (R 5 at the top, F 1 at the left), each with its share of scored customers
// and the segment rule that selects it, for "open as a segment" links.
import type { SegmentRule } from '@kizuna/segments';
import type { RfmGridView } from './kpiTypes';

export interface RfmCellView {
  r: number;
  f: number;
  customers: number;
  /** Minor units. */
  revenue: number;
  /** customers / all scored customers. */
  share: number;
  /** 0–1, relative to the largest cell, for the colour. */
  intensity: number;
}

/** Rows from R = 5 (most recent) down to R = 1, each with F = 1 … 5. */
export function toRfmCells(grid: RfmGridView): RfmCellView[][] {
  const max = Math.max(1, ...grid.cells.map((c) => c.customers));
  const rows: RfmCellView[][] = [];
  for (let r = 5; r >= 1; r--) {
    const row: RfmCellView[] = [];
    for (let f = 1; f <= 5; f++) {
      const cell = grid.cells.find((c) => c.r === r && c.f === f) ?? { r, f, customers: 0, revenue: 0 };
      row.push({
        r,
        f,
        customers: cell.customers,
        revenue: cell.revenue,
        share: grid.customers > 0 ? cell.customers / grid.customers : 0,
        intensity: cell.customers / max,
      });
    }
    rows.push(row);
  }
  return rows;
}

/** The segment rule "R score = r and F score = f". */
export function rfmRule(r: number, f: number): SegmentRule {
  return {
    version: 1,
    kind: 'group',
    combinator: 'and',
    children: [
      { kind: 'computed', field: 'r_score', op: 'eq', value: r },
      { kind: 'computed', field: 'f_score', op: 'eq', value: f },
    ],
  };
}
