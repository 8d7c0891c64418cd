// Bitmap indexes for low-cardinality columns: one bitset per dictionary code, per tag and per flag, built on
// first use and kept for the life of the (immutable) column. A categorical test then costs a few word-wise
// ORs instead of a scan of every customer.
import type { StringColumn, TagsColumn } from '../data';
import { Bitset } from './bitset';

/** Columns with more distinct values than this are scanned instead (an index would cost size/8 bytes each). */
export const MAX_INDEXED_VALUES = 64;

const codeIndexes = new WeakMap<StringColumn, Bitset[]>();
const tagIndexes = new WeakMap<TagsColumn, { perTag: Bitset[]; nonEmpty: Bitset }>();
const flagIndexes = new WeakMap<Uint8Array, Bitset>();

/** One bitset per code (index 0 = NULL), or null when the dictionary is too large to index. */
export function codeIndex(col: StringColumn, size: number): Bitset[] | null {
  if (col.dict.length > MAX_INDEXED_VALUES) return null;
  let index = codeIndexes.get(col);
  if (!index) {
    const built = col.dict.map(() => new Bitset(size));
    const codes = col.codes;
    for (let i = 0; i < size; i++) built[codes[i]!]!.add(i);
    codeIndexes.set(col, built);
    index = built;
  }
  return index;
}

/** One bitset per tag id plus the customers with any tag, or null for large tag dictionaries. */
export function tagIndex(col: TagsColumn, size: number): { perTag: Bitset[]; nonEmpty: Bitset } | null {
  if (col.dict.length > MAX_INDEXED_VALUES) return null;
  let index = tagIndexes.get(col);
  if (!index) {
    const perTag = col.dict.map(() => new Bitset(size));
    const nonEmpty = new Bitset(size);
    for (let i = 0; i < size; i++) {
      const s = col.offsets[i]!;
      const e = col.offsets[i + 1]!;
      if (e > s) nonEmpty.add(i);
      for (let k = s; k < e; k++) perTag[col.ids[k]!]!.add(i);
    }
    index = { perTag, nonEmpty };
    tagIndexes.set(col, index);
  }
  return index;
}

/** Customers whose flag is 1. Shared: never mutate the result. */
export function flagIndex(values: Uint8Array, size: number): Bitset {
  let index = flagIndexes.get(values);
  if (!index) {
    const built = new Bitset(size);
    const words = built.words;
    for (let w = 0, i = 0; w < words.length; w++) {
      const end = Math.min(i + 32, size);
      let bits = 0;
      for (let j = 0; i < end; i++, j++) bits |= (values[i]! & 1) << j;
      words[w] = bits;
    }
    flagIndexes.set(values, built);
    index = built;
  }
  return index;
}

/** The union of the index's sets for the codes whose lut byte is 1. A single code's set is returned as is
 *  (shared with the index: results are never mutated). */
export function unionOf(index: readonly Bitset[], lut: Uint8Array, size: number): Bitset {
  const picked = index.filter((_, c) => lut[c] === 1);
  if (picked.length === 1) return picked[0]!;
  const out = new Bitset(size);
  for (const b of picked) out.orInPlace(b);
  return out;
}
