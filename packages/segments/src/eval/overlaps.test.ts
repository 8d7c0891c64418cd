import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset } from './bitset';
import { overlaps, regionBits, regionRule } from './overlaps';

/** Brute force: each customer's membership mask. */
function masks(sets: Bitset[], size: number): number[] {
  return Array.from({ length: size }, (_, i) => sets.reduce((m, s, k) => (s.has(i) ? m | (1 << k) : m), 0));
}

describe('overlaps', () => {
  it('matches brute-force counting for 2–12 random sets', () => {
    const input = fc.integer({ min: 1, max: 150 }).chain((size) =>
      fc.tuple(fc.constant(size), fc.array(fc.array(fc.boolean(), { minLength: size, maxLength: size }), { minLength: 2, maxLength: 12 })),
    );
    fc.assert(
      fc.property(input, ([size, flags]) => {
        const sets = flags.map((f) => Bitset.fromIndexes(size, f.flatMap((on, i) => (on ? [i] : []))));
        const r = overlaps(sets);
        const m = masks(sets, size);
        const k = sets.length;
        expect(r.sizes).toEqual(sets.map((s) => s.count()));
        expect(r.union).toBe(m.filter((x) => x !== 0).length);
        expect(r.none).toBe(m.filter((x) => x === 0).length);
        const expectedRegions = new Map<number, number>();
        for (const x of m) if (x !== 0) expectedRegions.set(x, (expectedRegions.get(x) ?? 0) + 1);
        expect(new Map(r.regions.map((g) => [g.mask, g.count]))).toEqual(expectedRegions);
        expect(r.regions.reduce((s, g) => s + g.count, 0)).toBe(r.union);
        expect(r.pairs).toHaveLength((k * (k - 1)) / 2);
        for (const p of r.pairs) {
          const both = sets[p.a]!.andCount(sets[p.b]!);
          const either = sets[p.a]!.or(sets[p.b]!).count();
          expect(p.count).toBe(both);
          expect(p.jaccard).toBeCloseTo(either ? both / either : 0, 12);
          expect(p.shareOfA).toBeCloseTo(r.sizes[p.a] ? both / r.sizes[p.a]! : 0, 12);
        }
        for (const g of r.regions.slice(0, 3)) expect(regionBits(sets, g.mask).count()).toBe(g.count);
      }),
      { seed: 99, numRuns: 200 },
    );
  });

  it('reports a Venn diagram of two sets by hand', () => {
    const a = Bitset.fromIndexes(10, [0, 1, 2, 3]);
    const b = Bitset.fromIndexes(10, [2, 3, 4]);
    const r = overlaps([a, b]);
    expect(r.regions).toEqual([
      { mask: 1, sets: [0], count: 2 },
      { mask: 3, sets: [0, 1], count: 2 },
      { mask: 2, sets: [1], count: 1 },
    ]);
    expect(r.pairs).toEqual([{ a: 0, b: 1, count: 2, shareOfA: 0.5, shareOfB: 2 / 3, jaccard: 2 / 5 }]);
    expect({ union: r.union, none: r.none, total: r.total }).toEqual({ union: 5, none: 5, total: 10 });
  });

  it('accepts only 2 to 12 sets of one size', () => {
    expect(() => overlaps([Bitset.empty(3)])).toThrow(RangeError);
    expect(() => overlaps(Array.from({ length: 13 }, () => Bitset.empty(3)))).toThrow(RangeError);
    expect(() => overlaps([Bitset.empty(3), Bitset.empty(4)])).toThrow(RangeError);
  });

  it('turns a region into a rule of segment references', () => {
    expect(regionRule(['a', 'b', 'c'], 0b101)).toEqual({
      version: 1,
      kind: 'group',
      combinator: 'and',
      children: [
        { kind: 'segment', op: 'in', segmentId: 'a' },
        { kind: 'segment', op: 'not_in', segmentId: 'b' },
        { kind: 'segment', op: 'in', segmentId: 'c' },
      ],
    });
    expect(() => regionRule(['a'], 0)).toThrow(RangeError);
  });
});
