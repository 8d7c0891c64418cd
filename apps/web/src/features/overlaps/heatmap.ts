// Shapes the pairwise heatmap: one cell per (row, column) segment pair, valued by count, share of the
// row's segment, or Jaccard similarity, with a 0–1 intensity for the colour scale.
import type { OverlapData } from './overlapTypes';

export const heatmapModes = ['count', 'row', 'jaccard'] as const;
export type HeatmapMode = (typeof heatmapModes)[number];

export interface HeatmapCell {
  row: number;
  col: number;
  /** Customers in both. */
  count: number;
  /** count / size of the row's segment. */
  shareOfRow: number;
  jaccard: number;
  /** What the current mode shows: a count, or a fraction 0–1. */
  value: number;
  /** 0–1 for the colour scale; the diagonal (a segment with itself) is scaled like the rest but marked. */
  intensity: number;
  diagonal: boolean;
  /** Region mask of "in row and in column" (both bits; one bit on the diagonal). */
  mask: number;
}

export function toHeatmapCells(data: Pick<OverlapData, 'sizes' | 'pairs'>, mode: HeatmapMode): HeatmapCell[] {
  const k = data.sizes.length;
  const pairOf = new Map(data.pairs.map((p) => [`${p.a}:${p.b}`, p]));
  const cells: HeatmapCell[] = [];
  for (let row = 0; row < k; row++) {
    for (let col = 0; col < k; col++) {
      const size = data.sizes[row]!;
      let count: number;
      let shareOfRow: number;
      let jaccard: number;
      if (row === col) {
        count = size;
        shareOfRow = size > 0 ? 1 : 0;
        jaccard = size > 0 ? 1 : 0;
      } else {
        const p = pairOf.get(`${Math.min(row, col)}:${Math.max(row, col)}`);
        count = p?.count ?? 0;
        shareOfRow = p ? (row < col ? p.shareOfA : p.shareOfB) : 0;
        jaccard = p?.jaccard ?? 0;
      }
      const value = mode === 'count' ? count : mode === 'row' ? shareOfRow : jaccard;
      cells.push({ row, col, count, shareOfRow, jaccard, value, intensity: 0, diagonal: row === col, mask: (1 << row) | (1 << col) });
    }
  }
  // Counts scale against the largest overlap between two different segments (the diagonal would dwarf
  // them); fractions are already 0–1.
  const offDiagonal = cells.filter((c) => !c.diagonal).map((c) => c.value);
  const max = mode === 'count' ? Math.max(0, ...offDiagonal) : 1;
  for (const c of cells) c.intensity = max > 0 ? Math.min(1, c.value / max) : 0;
  return cells;
}
