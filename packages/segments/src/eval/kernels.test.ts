// The scan kernels and the bitmap-index paths agree with brute force, for small dictionaries (indexed)
// and large ones (scanned), with NULLs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeStrings, encodeTags, NULL_INT, splitTags } from '../data';
import { codeIndex, MAX_INDEXED_VALUES, unionOf } from './bitmapIndex';
import { buildLut, lutBits, nextDown, nextUp, rangeBits } from './kernels';
import { tagsBits } from './tagKernels';

const members = (bits: { toIndexes(): number[] }): number[] => bits.toIndexes();

describe('kernels', () => {
  it('nextUp/nextDown turn strict bounds into inclusive ones', () => {
    for (const x of [0, -0, 1, -1, 0.1, 1e300, -1e-300, 12345.678]) {
      expect(nextUp(x) > x).toBe(true);
      expect(nextDown(x) < x).toBe(true);
      expect((x + nextUp(x)) / 2 === x || (x + nextUp(x)) / 2 === nextUp(x)).toBe(true);
    }
  });

  it('range scans skip NULL in both number layouts', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -5, max: 5 })), { maxLength: 100 }), fc.integer({ min: -6, max: 6 }), fc.integer({ min: -6, max: 6 }), (vals, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const expected = vals.flatMap((v, i) => (v !== null && v >= lo && v <= hi ? [i] : []));
        const ints = Int32Array.from(vals, (v) => v ?? NULL_INT);
        const floats = Float64Array.from(vals, (v) => v ?? NaN);
        expect(members(rangeBits(ints, vals.length, lo, hi))).toEqual(expected);
        expect(members(rangeBits(floats, vals.length, lo, hi))).toEqual(expected);
        expect(members(rangeBits(ints, vals.length, -Infinity, Infinity))).toEqual(vals.flatMap((v, i) => (v === null ? [] : [i])));
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('code tests give the same members through the index and through a scan', () => {
    for (const distinct of [5, MAX_INDEXED_VALUES + 40]) {
      const values = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? null : `v${(i * 31) % distinct}`));
      const col = encodeStrings(values);
      const lut = buildLut(col.dict, (v) => v.endsWith('3'));
      const expected = values.flatMap((v, i) => (v?.endsWith('3') ? [i] : []));
      expect(members(lutBits(col.codes, values.length, lut))).toEqual(expected);
      const index = codeIndex(col, values.length);
      if (distinct < MAX_INDEXED_VALUES) expect(members(unionOf(index!, lut, values.length))).toEqual(expected);
      else expect(index).toBeNull();
    }
  });

  it('tag tests give the same members through the index and through a scan', () => {
    const gen = fc.array(fc.option(fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 4 }).map((ts) => ts.map((t) => `t${t}`).join(';'))), { maxLength: 80 });
    fc.assert(
      fc.property(gen, fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 3 }), fc.boolean(), (texts, wantedIds, small) => {
        // Small: only 10 tag names in use, so the column is indexed; large: up to 100, scanned.
        const rows = texts.map((t) => (t === null ? null : small ? t.replace(/t(\d+)/g, (_, d: string) => `t${Number(d) % 10}`) : t));
        const wanted = wantedIds.map((t) => `t${small ? t % 10 : t}`);
        const col = encodeTags(rows);
        const lists = rows.map(splitTags);
        const expect_ = (pred: (tags: string[]) => boolean): number[] => lists.flatMap((tags, i) => (pred(tags) ? [i] : []));
        const n = rows.length;
        expect(members(tagsBits(col, n, 'any', wanted))).toEqual(expect_((tags) => wanted.some((w) => tags.includes(w))));
        expect(members(tagsBits(col, n, 'all', wanted))).toEqual(expect_((tags) => wanted.every((w) => tags.includes(w))));
        expect(members(tagsBits(col, n, 'none', wanted))).toEqual(expect_((tags) => tags.length > 0 && !wanted.some((w) => tags.includes(w))));
        expect(members(tagsBits(col, n, 'set', []))).toEqual(expect_((tags) => tags.length > 0));
        expect(members(tagsBits(col, n, 'unset', []))).toEqual(expect_((tags) => tags.length === 0));
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});
