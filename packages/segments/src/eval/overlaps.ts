// Overlaps of 2–12 segments from their member bitsets: sizes, pairwise intersections (count, share of
// each, Jaccard), every non-empty exclusive region (UpSet bars, Venn areas), union and none.
import type { SegmentRule } from '../schema';
import { Bitset } from './bitset';

export const MIN_OVERLAP_SETS = 2;
export const MAX_OVERLAP_SETS = 12;

export interface OverlapPair {
  a: number;
  b: number;
  count: number;
  /** count / size of a (0 when a is empty): the heatmap's "% of row". */
  shareOfA: number;
  shareOfB: number;
  /** count / |a ∪ b| (0 when both are empty). */
  jaccard: number;
}

export interface OverlapRegion {
  /** Bit s set = in set s; members are in exactly these sets and in none of the others. */
  mask: number;
  sets: number[];
  count: number;
}

export interface OverlapResult {
  total: number;
  sizes: number[];
  pairs: OverlapPair[];
  /** Non-empty exclusive regions, largest first (ties by mask). */
  regions: OverlapRegion[];
  union: number;
  /** Customers in none of the sets. */
  none: number;
}

export function overlaps(sets: readonly Bitset[]): OverlapResult {
  const k = sets.length;
  if (k < MIN_OVERLAP_SETS || k > MAX_OVERLAP_SETS) {
    throw new RangeError(`Overlaps compare ${MIN_OVERLAP_SETS} to ${MAX_OVERLAP_SETS} segments, got ${k}`);
  }
  const size = sets[0]!.size;
  if (sets.some((s) => s.size !== size)) throw new RangeError('Overlap sets must cover the same customers');
  const counts = regionCounts(sets);

  const sizes = new Array<number>(k).fill(0);
  const pairCounts = new Float64Array(k * k);
  const regions: OverlapRegion[] = [];
  let union = 0;
  for (let mask = 1; mask < counts.length; mask++) {
    const c = counts[mask]!;
    if (c === 0) continue;
    union += c;
    const members: number[] = [];
    for (let s = 0; s < k; s++) if (mask & (1 << s)) members.push(s);
    for (const a of members) {
      sizes[a]! += c;
      for (const b of members) if (b > a) pairCounts[a * k + b]! += c;
    }
    regions.push({ mask, sets: members, count: c });
  }
  regions.sort((x, y) => y.count - x.count || x.mask - y.mask);

  const pairs: OverlapPair[] = [];
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const count = pairCounts[a * k + b]!;
      const sa = sizes[a]!;
      const sb = sizes[b]!;
      const either = sa + sb - count;
      pairs.push({ a, b, count, shareOfA: sa ? count / sa : 0, shareOfB: sb ? count / sb : 0, jaccard: either ? count / either : 0 });
    }
  }
  return { total: size, sizes, pairs, regions, union, none: size - union };
}

// Spread tables (little-endian, as every target is): up to 8 sets, a byte of a set's word (8 customers)
// becomes one bit in each of 8 byte lanes of two 32-bit words; up to 12 sets, a nibble (4 customers)
// becomes one bit in each of 4 16-bit lanes.
const SPREAD8_LO = Uint32Array.from({ length: 256 }, (_, x) => (x & 1) | ((x & 2) << 7) | ((x & 4) << 14) | ((x & 8) << 21));
const SPREAD8_HI = Uint32Array.from({ length: 256 }, (_, x) => SPREAD8_LO[x >>> 4]!);
const SPREAD16_LO = Uint32Array.from({ length: 16 }, (_, x) => (x & 1) | ((x & 2) << 15));
const SPREAD16_HI = Uint32Array.from({ length: 16 }, (_, x) => ((x >>> 2) & 1) | (((x >>> 3) & 1) << 16));

/**
 * Customers per exclusive region (index = membership mask). Each customer's membership mask (a byte for
 * up to 8 sets, else 16 bits) is built set by set through the spread tables, then counted in one pass.
 */
function regionCounts(sets: readonly Bitset[]): Float64Array {
  const k = sets.length;
  const nWords = sets[0]!.words.length;
  const size = sets[0]!.size;
  const counts = new Float64Array(1 << k);
  if (k <= 8) {
    const masks = scratchWords(nWords * 8);
    for (let s = 0; s < k; s++) {
      const words = sets[s]!.words;
      for (let w = 0; w < nWords; w++) {
        const x = words[w]!;
        if (x === 0) continue;
        const base = w << 3;
        for (let q = 0; q < 4; q++) {
          const byte = (x >>> (q << 3)) & 255;
          masks[base + 2 * q]! |= SPREAD8_LO[byte]! << s;
          masks[base + 2 * q + 1]! |= SPREAD8_HI[byte]! << s;
        }
      }
    }
    histogram(new Uint8Array(masks.buffer, masks.byteOffset, size), counts);
    return counts;
  }
  const masks = scratchWords(nWords * 16);
  for (let s = 0; s < k; s++) {
    const words = sets[s]!.words;
    for (let w = 0; w < nWords; w++) {
      const x = words[w]!;
      if (x === 0) continue;
      const base = w << 4;
      for (let q = 0; q < 8; q++) {
        const nib = (x >>> (q << 2)) & 15;
        masks[base + 2 * q]! |= SPREAD16_LO[nib]! << s;
        masks[base + 2 * q + 1]! |= SPREAD16_HI[nib]! << s;
      }
    }
  }
  histogram(new Uint16Array(masks.buffer, masks.byteOffset, size), counts);
  return counts;
}

let scratch = new Uint32Array(0);

/** A zeroed work buffer, reused between calls so repeated overlaps do not churn megabytes of garbage. */
function scratchWords(length: number): Uint32Array {
  if (scratch.length < length) scratch = new Uint32Array(length);
  const view = scratch.subarray(0, length);
  view.fill(0);
  return view;
}

/** counts[m] += occurrences of m; four interleaved tallies so equal neighbours do not serialize. */
function histogram(masks: Uint8Array | Uint16Array, counts: Float64Array): void {
  const m = counts.length;
  const t = new Int32Array(4 * m);
  const n = masks.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    t[masks[i]!]!++;
    t[m + masks[i + 1]!]!++;
    t[2 * m + masks[i + 2]!]!++;
    t[3 * m + masks[i + 3]!]!++;
  }
  for (; i < n; i++) t[masks[i]!]!++;
  for (let c = 0; c < m; c++) counts[c] = t[c]! + t[m + c]! + t[2 * m + c]! + t[3 * m + c]!;
}

/** The customers of one exclusive region: in every set of `mask`, in none of the others. */
export function regionBits(sets: readonly Bitset[], mask: number): Bitset {
  const size = sets[0]?.size ?? 0;
  let acc = Bitset.full(size);
  sets.forEach((s, i) => {
    acc = mask & (1 << i) ? acc.andInPlace(s) : acc.andNotInPlace(s);
  });
  return acc;
}

/** A rule for one region (the overlap view's "new segment from this intersection"). */
export function regionRule(segmentIds: readonly string[], mask: number): SegmentRule {
  if (mask === 0) throw new RangeError('A region needs at least one segment it is in');
  return {
    version: 1,
    kind: 'group',
    combinator: 'and',
    children: segmentIds.map((segmentId, i) => ({ kind: 'segment', op: mask & (1 << i) ? 'in' : 'not_in', segmentId })),
  };
}
