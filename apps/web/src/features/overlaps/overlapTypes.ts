// The overlap result as the charts read it: the engine's OverlapResult (sizes, pairs, exclusive regions,
// union, none) with a display label per compared segment, in the order they were picked.
import type { OverlapResult } from '@kizuna/segments';

export type OverlapData = Pick<OverlapResult, 'total' | 'sizes' | 'pairs' | 'regions' | 'union' | 'none'>;

/** Bit i of a region mask = in set i. */
export function setsOfMask(mask: number, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (mask & (1 << i)) out.push(i);
  return out;
}
