// The sliced column builders of the segment loader give exactly what their one-shot forms give.
import { describe, expect, it } from 'vitest';
import { Pacer } from './readSnapshot';
import { buildNumberColumn, buildNumberColumnSliced, buildTagsColumn, NULL_INT, TagsBuilder } from './segmentDataColumns';

/** Same class and same bytes: toEqual walks a million elements one by one, far too slowly. */
function sameArray(a: ArrayLike<number> & ArrayBufferView, b: ArrayLike<number> & ArrayBufferView): boolean {
  return a.constructor === b.constructor && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('buildNumberColumnSliced', () => {
  // More values than one slice (2^20), so the checks and the conversion cross a slice boundary.
  const size = (1 << 20) + 5;

  it('narrows integers to an Int32Array with NULL_INT for NaN, pausing between slices', async () => {
    const values = Float64Array.from({ length: size }, (_, i) => (i % 7 === 0 ? Number.NaN : i - 500));
    const pacer = new Pacer({ chunkRows: 1 });
    const sliced = await buildNumberColumnSliced(values.slice(), pacer);
    expect(sliced.values).toBeInstanceOf(Int32Array);
    expect(sameArray(sliced.values, buildNumberColumn(values).values)).toBe(true);
    expect(sliced.values[0]).toBe(NULL_INT);
    expect(pacer.turns).toBeGreaterThanOrEqual(3);
  });

  it('keeps the Float64Array itself when a value is fractional or out of range, even in the last slice', async () => {
    for (const odd of [0.5, 2 ** 31]) {
      const values = new Float64Array(size).fill(3);
      values[size - 1] = odd;
      const sliced = await buildNumberColumnSliced(values, new Pacer({ chunkRows: 1 }));
      expect(sliced.values).toBe(values);
      expect(sameArray(sliced.values, buildNumberColumn(values).values)).toBe(true);
    }
  });
});

describe('TagsBuilder', () => {
  it('encodes rows as they arrive like buildTagsColumn, padding rows never added', () => {
    const texts = ['x;;y;x', null, '', 'y;z', undefined];
    const b = new TagsBuilder(6);
    texts.forEach((t, i) => b.add(i, t));
    expect(b.finish(6)).toEqual(buildTagsColumn([...texts, null], 6));
    expect(() => new TagsBuilder(2).add(1, 'a')).toThrow(/in order/);
  });
});
