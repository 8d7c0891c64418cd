import { describe, expect, it } from 'vitest';
import { Bitset, overlaps } from '@kizuna/segments';
import { toHeatmapCells } from './heatmap';
import { setsOfMask } from './overlapTypes';
import { regionLabels, toUpsetBars } from './upset';
import type { VennCircle as Circle } from './venn';
import { distanceForOverlap, lensArea, maskAt, vennLayout } from './venn';

/** Three sets over 10 customers: A = 0–5, B = 3–7, C = 5, 8. Customer 9 is in none. */
function sample() {
  const make = (members: number[]) => {
    const b = new Bitset(10);
    for (const m of members) b.add(m);
    return b;
  };
  return overlaps([make([0, 1, 2, 3, 4, 5]), make([3, 4, 5, 6, 7]), make([5, 8])]);
}

describe('toHeatmapCells', () => {
  it('fills a k × k grid with counts, shares of the row and Jaccard', () => {
    const cells = toHeatmapCells(sample(), 'count');
    expect(cells).toHaveLength(9);
    const at = (row: number, col: number) => cells.find((c) => c.row === row && c.col === col)!;
    expect(at(0, 0)).toMatchObject({ count: 6, diagonal: true, shareOfRow: 1, mask: 0b001 });
    expect(at(0, 1)).toMatchObject({ count: 3, shareOfRow: 3 / 6, jaccard: 3 / 8, mask: 0b011 });
    expect(at(1, 0)).toMatchObject({ count: 3, shareOfRow: 3 / 5 });
    expect(at(2, 1)).toMatchObject({ count: 1, shareOfRow: 1 / 2, jaccard: 1 / 6 });
  });

  it('values cells by mode and scales counts to the largest off-diagonal overlap', () => {
    const byCount = toHeatmapCells(sample(), 'count');
    expect(byCount.find((c) => c.row === 0 && c.col === 1)!.intensity).toBe(1);
    expect(byCount.find((c) => c.row === 0 && c.col === 2)!.intensity).toBeCloseTo(1 / 3);
    expect(byCount.find((c) => c.diagonal)!.intensity).toBe(1);
    const byRow = toHeatmapCells(sample(), 'row');
    expect(byRow.find((c) => c.row === 1 && c.col === 0)!.value).toBeCloseTo(0.6);
    const byJaccard = toHeatmapCells(sample(), 'jaccard');
    expect(byJaccard.find((c) => c.row === 0 && c.col === 1)!.value).toBeCloseTo(0.375);
  });

  it('copes with empty segments', () => {
    const cells = toHeatmapCells({ sizes: [0, 0], pairs: [{ a: 0, b: 1, count: 0, shareOfA: 0, shareOfB: 0, jaccard: 0 }] }, 'count');
    expect(cells.every((c) => c.intensity === 0 && c.value === 0)).toBe(true);
  });
});

describe('toUpsetBars', () => {
  it('lists exclusive regions largest first with their sets and shares', () => {
    const bars = toUpsetBars(sample());
    expect(bars.map((b) => [b.sets, b.count])).toEqual([
      [[0], 3],
      [[1], 2],
      [[0, 1], 2],
      [[2], 1],
      [[0, 1, 2], 1],
    ]);
    expect(bars[0]!.share).toBeCloseTo(0.3);
    expect(bars[0]!.relative).toBe(1);
    expect(bars[4]!.relative).toBeCloseTo(1 / 3);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(sample().union);
  });

  it('keeps the largest bars when limited, and names regions', () => {
    expect(toUpsetBars(sample(), 2).map((b) => b.mask)).toEqual([0b001, 0b010]);
    expect(regionLabels({ sets: [0, 2] }, ['A', 'B', 'C'])).toEqual(['A', 'C']);
    expect(setsOfMask(0b101, 3)).toEqual([0, 2]);
  });
});

describe('venn geometry', () => {
  it('computes lens areas at the limits and in between', () => {
    expect(lensArea(1, 1, 2)).toBe(0);
    expect(lensArea(1, 2, 0.5)).toBeCloseTo(Math.PI);
    expect(lensArea(1, 1, 1)).toBeCloseTo(2 * Math.PI / 3 - Math.sqrt(3) / 2);
  });

  it('finds the distance that gives an overlap area', () => {
    const d = distanceForOverlap(1, 1.5, 1.2);
    expect(lensArea(1, 1.5, d)).toBeCloseTo(1.2, 6);
    expect(distanceForOverlap(1, 1, 0)).toBe(2);
    expect(distanceForOverlap(1, 2, 100)).toBe(1);
  });

  it('lays out two circles with areas and overlap in proportion', () => {
    const data = overlaps([
      (() => { const b = new Bitset(100); for (let i = 0; i < 60; i++) b.add(i); return b; })(),
      (() => { const b = new Bitset(100); for (let i = 40; i < 70; i++) b.add(i); return b; })(),
    ]);
    const layout = vennLayout(data, 400, 300)!;
    const [a, b] = layout.circles as unknown as [Circle, Circle];
    expect((a.r / b.r) ** 2).toBeCloseTo(60 / 30, 6);
    const d = Math.hypot(a.cx - b.cx, a.cy - b.cy);
    expect(lensArea(a.r, b.r, d) / (Math.PI * a.r * a.r)).toBeCloseTo(20 / 60, 4);
    // Everything fits in the box.
    for (const c of layout.circles) {
      expect(c.cx - c.r).toBeGreaterThanOrEqual(-1e-6);
      expect(c.cx + c.r).toBeLessThanOrEqual(400 + 1e-6);
    }
    // A label sits inside the region it names.
    for (const label of layout.labels) expect(maskAt(layout.circles, label.x, label.y)).toBe(label.mask);
    expect(layout.labels.map((l) => l.mask).sort()).toEqual([1, 2, 3]);
  });

  it('lays out three circles with exact pairwise overlaps when a triangle allows', () => {
    const layout = vennLayout(sample(), 400, 300)!;
    expect(layout.circles).toHaveLength(3);
    const [a, b, c] = layout.circles as unknown as [Circle, Circle, Circle];
    const unit = Math.PI * a.r * a.r / 6;
    expect(lensArea(a.r, b.r, Math.hypot(a.cx - b.cx, a.cy - b.cy)) / unit).toBeCloseTo(3, 3);
    expect(lensArea(b.r, c.r, Math.hypot(b.cx - c.cx, b.cy - c.cy)) / unit).toBeCloseTo(1, 3);
  });

  it('draws only 2 or 3 sets', () => {
    const four = { sizes: [1, 1, 1, 1], pairs: [], regions: [] };
    expect(vennLayout(four, 100, 100)).toBeNull();
  });
});
