// Shapes the UpSet chart: exclusive intersections (members of exactly these segments and no other), largest
// first, each with the dots of its membership row and its share of all customers.
import type { OverlapData } from './overlapTypes';
import { setsOfMask } from './overlapTypes';

export interface UpsetBar {
  mask: number;
  /** Indexes of the segments the region is in, ascending. */
  sets: number[];
  count: number;
  /** count / all customers. */
  share: number;
  /** count / largest bar, for the bar length. */
  relative: number;
}

export function toUpsetBars(data: Pick<OverlapData, 'sizes' | 'regions' | 'total'>, limit = 40): UpsetBar[] {
  const k = data.sizes.length;
  const sorted = [...data.regions].filter((r) => r.count > 0).sort((x, y) => y.count - x.count || x.mask - y.mask);
  const top = sorted.slice(0, limit);
  const max = top[0]?.count ?? 0;
  return top.map((r) => ({
    mask: r.mask,
    sets: setsOfMask(r.mask, k),
    count: r.count,
    share: data.total > 0 ? r.count / data.total : 0,
    relative: max > 0 ? r.count / max : 0,
  }));
}

/** "A ∩ B" style names need the segment labels; the UI joins them with its own words. */
export function regionLabels(bar: Pick<UpsetBar, 'sets'>, labels: readonly string[]): string[] {
  return bar.sets.map((i) => labels[i] ?? `#${i + 1}`);
}
