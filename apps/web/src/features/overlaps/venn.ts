// Venn layout for 2 or 3 segments with areas in proportion: each circle's area is its segment's size and
// each pair of circles overlaps by the size of that pair's intersection (found by bisection on the centre
// distance). With three circles the pairwise overlaps are exact as far as a triangle allows; the triple
// region's area is then whatever the geometry gives, so labels always show the real counts.
import type { OverlapData } from './overlapTypes';

export interface VennCircle {
  set: number;
  cx: number;
  cy: number;
  r: number;
}

export interface VennRegionLabel {
  mask: number;
  x: number;
  y: number;
}

export interface VennLayout {
  width: number;
  height: number;
  circles: VennCircle[];
  /** Where to put each non-empty region's label (the centre of the region's sampled points). */
  labels: VennRegionLabel[];
}

/** Area of the lens where two circles of radii r1, r2 at centre distance d overlap. */
export function lensArea(r1: number, r2: number, d: number): number {
  if (d >= r1 + r2) return 0;
  if (d <= Math.abs(r1 - r2)) return Math.PI * Math.min(r1, r2) ** 2;
  const a = r1 * r1 * Math.acos((d * d + r1 * r1 - r2 * r2) / (2 * d * r1));
  const b = r2 * r2 * Math.acos((d * d + r2 * r2 - r1 * r1) / (2 * d * r2));
  const c = 0.5 * Math.sqrt((-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2));
  return a + b - c;
}

/** The centre distance at which two circles overlap by `area` (area shrinks as d grows). */
export function distanceForOverlap(r1: number, r2: number, area: number): number {
  const far = r1 + r2;
  if (area <= 0) return far;
  let lo = Math.abs(r1 - r2);
  let hi = far;
  if (area >= lensArea(r1, r2, lo)) return lo;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (lensArea(r1, r2, mid) > area) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const radiusOf = (size: number) => Math.sqrt(Math.max(0, size) / Math.PI);

/** Places 2–3 circles, then scales them into a width × height box with `padding` on every side. */
export function vennLayout(data: Pick<OverlapData, 'sizes' | 'pairs' | 'regions'>, width: number, height: number, padding = 24): VennLayout | null {
  const k = data.sizes.length;
  if (k < 2 || k > 3) return null;
  const r = data.sizes.map(radiusOf);
  const pairCount = (a: number, b: number) => data.pairs.find((p) => p.a === Math.min(a, b) && p.b === Math.max(a, b))?.count ?? 0;
  // Disjoint circles get a small gap so they read as separate.
  const gap = 0.04 * Math.max(...r, 1e-9);
  const dist = (a: number, b: number) => {
    const n = pairCount(a, b);
    return n <= 0 ? r[a]! + r[b]! + gap : distanceForOverlap(r[a]!, r[b]!, n);
  };
  const centres: [number, number][] = [[0, 0]];
  const d01 = dist(0, 1);
  centres.push([d01, 0]);
  if (k === 3) {
    const d02 = dist(0, 2);
    const d12 = dist(1, 2);
    // Law of cosines; when the three distances cannot form a triangle, the closest flat placement is used.
    const x = d01 > 0 ? (d01 * d01 + d02 * d02 - d12 * d12) / (2 * d01) : d02;
    const y = Math.sqrt(Math.max(0, d02 * d02 - x * x));
    centres.push([x, y]);
  }
  const minX = Math.min(...centres.map(([x], i) => x - r[i]!));
  const maxX = Math.max(...centres.map(([x], i) => x + r[i]!));
  const minY = Math.min(...centres.map(([, y], i) => y - r[i]!));
  const maxY = Math.max(...centres.map(([, y], i) => y + r[i]!));
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2 - minX * scale;
  const offsetY = (height - spanY * scale) / 2 - minY * scale;
  const circles = centres.map(([x, y], i) => ({ set: i, cx: x * scale + offsetX, cy: y * scale + offsetY, r: r[i]! * scale }));
  const present = new Set(data.regions.filter((g) => g.count > 0).map((g) => g.mask));
  return { width, height, circles, labels: regionLabelPositions(circles, present, width, height) };
}

/** Which circles contain a point, as a region mask (0 = outside all). */
export function maskAt(circles: readonly VennCircle[], x: number, y: number): number {
  let mask = 0;
  for (const c of circles) if ((x - c.cx) ** 2 + (y - c.cy) ** 2 <= c.r * c.r) mask |= 1 << c.set;
  return mask;
}

function regionLabelPositions(circles: readonly VennCircle[], present: ReadonlySet<number>, width: number, height: number): VennRegionLabel[] {
  const step = Math.max(2, Math.min(width, height) / 120);
  const sums = new Map<number, { x: number; y: number; n: number }>();
  for (let y = step / 2; y < height; y += step) {
    for (let x = step / 2; x < width; x += step) {
      const mask = maskAt(circles, x, y);
      if (mask === 0 || !present.has(mask)) continue;
      const s = sums.get(mask) ?? { x: 0, y: 0, n: 0 };
      s.x += x;
      s.y += y;
      s.n += 1;
      sums.set(mask, s);
    }
  }
  return [...sums]
    .map(([mask, s]) => ({ mask, x: s.x / s.n, y: s.y / s.n }))
    .sort((a, b) => a.mask - b.mask);
}
