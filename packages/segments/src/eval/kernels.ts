// Column scans that turn one lowered test into a bitset: tight loops over typed arrays, one word at a time.
// NULL never passes: NaN fails every comparison and NULL_INT sits below every clamped lower bound. The
// loops are branch-free (a data-dependent `if` mispredicts on every other customer and is ~15× slower) and
// written once per array type, so each stays monomorphic.
import { NULL_INT, type StringColumn } from '../data';
import { Bitset } from './bitset';

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The smallest double above x: `v > x` is `v >= nextUp(x)` for every double v. */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  u64[0] = x > 0 ? u64[0]! + 1n : u64[0]! - 1n;
  return f64[0]!;
}

export function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Members whose value lies in [lo, hi] (inclusive; open ends are turned into closed ones by the caller). */
export function rangeBits(values: Float64Array | Int32Array, size: number, lo: number, hi: number): Bitset {
  const out = new Bitset(size);
  if (values instanceof Float64Array) rangeF64(values, out.words, size, lo, hi);
  // Int32 columns hold NULL as NULL_INT: the lower bound stays above it.
  else rangeI32(values, out.words, size, Math.max(lo, NULL_INT + 1), hi);
  return out;
}

function rangeF64(values: Float64Array, words: Uint32Array, size: number, lo: number, hi: number): void {
  for (let w = 0, i = 0; w < words.length; w++) {
    const end = Math.min(i + 32, size);
    let bits = 0;
    for (let j = 0; i < end; i++, j++) {
      const v = values[i]!;
      bits |= (+(v >= lo) & +(v <= hi)) << j;
    }
    words[w] = bits;
  }
}

function rangeI32(values: Int32Array, words: Uint32Array, size: number, lo: number, hi: number): void {
  for (let w = 0, i = 0; w < words.length; w++) {
    const end = Math.min(i + 32, size);
    let bits = 0;
    for (let j = 0; i < end; i++, j++) {
      const v = values[i]!;
      bits |= (+(v >= lo) & +(v <= hi)) << j;
    }
    words[w] = bits;
  }
}

/** Members whose value is not NULL. */
export function notNullBits(values: Float64Array | Int32Array, size: number): Bitset {
  return rangeBits(values, size, -Infinity, Infinity);
}

/** Members whose value is in `set` (NULL excluded). Lists are short and rare: a plain loop. */
export function numberSetBits(values: Float64Array | Int32Array, size: number, set: ReadonlySet<number>): Bitset {
  const out = new Bitset(size);
  const isInt = values instanceof Int32Array;
  for (let i = 0; i < size; i++) {
    const v = values[i]!;
    if (isInt && v === NULL_INT) continue;
    if (set.has(v)) out.add(i);
  }
  return out;
}

/** Members whose dictionary code passes `lut` (one 0/1 byte per code). */
export function lutBits(codes: StringColumn['codes'], size: number, lut: Uint8Array): Bitset {
  const out = new Bitset(size);
  if (codes instanceof Uint8Array) lutU8(codes, out.words, size, lut);
  else if (codes instanceof Uint16Array) lutU16(codes, out.words, size, lut);
  else lutI32(codes, out.words, size, lut);
  return out;
}

function lutU8(codes: Uint8Array, words: Uint32Array, size: number, lut: Uint8Array): void {
  for (let w = 0, i = 0; w < words.length; w++) {
    const end = Math.min(i + 32, size);
    let bits = 0;
    for (let j = 0; i < end; i++, j++) bits |= lut[codes[i]!]! << j;
    words[w] = bits;
  }
}

function lutU16(codes: Uint16Array, words: Uint32Array, size: number, lut: Uint8Array): void {
  for (let w = 0, i = 0; w < words.length; w++) {
    const end = Math.min(i + 32, size);
    let bits = 0;
    for (let j = 0; i < end; i++, j++) bits |= lut[codes[i]!]! << j;
    words[w] = bits;
  }
}

function lutI32(codes: Int32Array, words: Uint32Array, size: number, lut: Uint8Array): void {
  for (let w = 0, i = 0; w < words.length; w++) {
    const end = Math.min(i + 32, size);
    let bits = 0;
    for (let j = 0; i < end; i++, j++) bits |= lut[codes[i]!]! << j;
    words[w] = bits;
  }
}

/** A 0/1 byte per dictionary code. Code 0 (NULL) passes only if `nullPasses`. */
export function buildLut(dict: readonly (string | null)[], pass: (value: string) => boolean, nullPasses = false): Uint8Array {
  const lut = new Uint8Array(dict.length);
  lut[0] = nullPasses ? 1 : 0;
  for (let c = 1; c < dict.length; c++) lut[c] = pass(dict[c] ?? '') ? 1 : 0;
  return lut;
}
