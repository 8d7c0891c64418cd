import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bitset, popcount32 } from './bitset';

const sets = fc.integer({ min: 0, max: 200 }).chain((size) =>
  fc.tuple(fc.constant(size), fc.uniqueArray(fc.nat({ max: Math.max(0, size - 1) }), { maxLength: size }), fc.uniqueArray(fc.nat({ max: Math.max(0, size - 1) }), { maxLength: size })),
);

describe('Bitset', () => {
  it('popcount32 counts bits of any 32-bit pattern', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (x) => {
        expect(popcount32(x)).toBe(x.toString(2).split('').filter((c) => c === '1').length);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('set operations agree with plain sets, and the tail past size stays empty', () => {
    fc.assert(
      fc.property(sets, ([size, xs, ys]) => {
        const a = Bitset.fromIndexes(size, xs.filter((i) => i < size));
        const b = Bitset.fromIndexes(size, ys.filter((i) => i < size));
        const A = new Set(xs.filter((i) => i < size));
        const B = new Set(ys.filter((i) => i < size));
        const all = Array.from({ length: size }, (_, i) => i);
        expect(a.toIndexes()).toEqual([...A].sort((p, q) => p - q));
        expect(a.and(b).toIndexes()).toEqual(all.filter((i) => A.has(i) && B.has(i)));
        expect(a.or(b).toIndexes()).toEqual(all.filter((i) => A.has(i) || B.has(i)));
        expect(a.andNot(b).toIndexes()).toEqual(all.filter((i) => A.has(i) && !B.has(i)));
        expect(a.not().toIndexes()).toEqual(all.filter((i) => !A.has(i)));
        expect(a.not().count()).toBe(size - A.size);
        expect(a.andCount(b)).toBe(all.filter((i) => A.has(i) && B.has(i)).length);
        expect(Bitset.full(size).count()).toBe(size);
        expect(a.not().not().equals(a)).toBe(true);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('combining methods leave their inputs unchanged', () => {
    const a = Bitset.fromIndexes(70, [1, 40, 69]);
    const b = Bitset.fromIndexes(70, [1, 2]);
    a.and(b);
    a.or(b);
    a.not();
    expect(a.toIndexes()).toEqual([1, 40, 69]);
  });

  it('samples evenly and deterministically by rank', () => {
    const members = Array.from({ length: 100 }, (_, i) => i * 3 + 1);
    const set = Bitset.fromIndexes(400, members);
    expect(set.sampleEvenly(4)).toEqual([members[0], members[25], members[50], members[75]]);
    expect(set.sampleEvenly(4)).toEqual(set.sampleEvenly(4));
    expect(set.sampleEvenly(500)).toEqual(members);
    expect(Bitset.empty(10).sampleEvenly(3)).toEqual([]);
  });

  it('refuses to combine sets of different sizes', () => {
    expect(() => Bitset.empty(10).and(Bitset.empty(11))).toThrow(/sizes differ/);
  });
});
