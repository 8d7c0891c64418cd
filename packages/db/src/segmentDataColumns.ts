// Encoding helpers of loadSegmentData: dictionaries, narrow typed arrays, tag lists and CSR offsets. The
// layouts are those of @kizuna/segments' SegmentData (this package may import its types only, so the few
// rules that must agree with it, such as how a tag list splits, are restated here and tested together).
import type { NumberColumn, SegmentData, StringColumn, TagsColumn } from '@kizuna/segments';
import type { Pacer } from './readSnapshot';

/** NULL in Int32Array columns; the same value as @kizuna/segments' NULL_INT. */
export const NULL_INT = -2147483648;

export type LoadedColumn = SegmentData['columns'] extends ReadonlyMap<string, infer C> ? C : never;

/** Column names go into SQL text: only plain identifiers pass. */
export function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain column name: ${name}`);
  return name;
}

/** Dictionary encoding with code 0 = NULL (null, undefined and '' alike). */
export class Dictionary {
  private readonly index = new Map<string, number>();
  readonly values: (string | null)[] = [null];

  code(value: unknown): number {
    if (value === null || value === undefined || value === '') return 0;
    const text = typeof value === 'string' ? value : String(value);
    let c = this.index.get(text);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(text);
      this.index.set(text, c);
    }
    return c;
  }
}

export function encodeCodes(dict: Dictionary, codes: Int32Array): StringColumn {
  const n = dict.values.length;
  // The typed-array constructors copy natively; .from() walks an iterator (slow at 10M codes).
  const packed = n <= 256 ? new Uint8Array(codes) : n <= 65_536 ? new Uint16Array(codes) : codes.slice();
  return { kind: 'string', codes: packed, dict: dict.values };
}

/** Int32Array (NULL = NULL_INT) when every value is an integer that fits, else Float64Array (NULL = NaN). */
export function buildNumberColumn(values: Float64Array): NumberColumn {
  let ints = true;
  for (let i = 0; i < values.length && ints; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    ints = Number.isInteger(v) && v > NULL_INT && v <= 2147483647;
  }
  if (!ints) return { kind: 'number', values: values.slice() };
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    out[i] = v !== v ? NULL_INT : v;
  }
  return { kind: 'number', values: out };
}

/** Values per slice of buildNumberColumnSliced: a few milliseconds of work each. */
const NUMBER_SLICE = 1 << 20;

/**
 * buildNumberColumn over a column of millions (the orders' amounts), with a turn of the event loop between
 * slices. Takes ownership of `values`: a Float64Array result is `values` itself.
 */
export async function buildNumberColumnSliced(values: Float64Array, pacer: Pacer): Promise<NumberColumn> {
  let ints = true;
  for (let from = 0; from < values.length && ints; from += NUMBER_SLICE) {
    const to = Math.min(values.length, from + NUMBER_SLICE);
    for (let i = from; i < to && ints; i++) {
      const v = values[i]!;
      if (v !== v) continue;
      ints = Number.isInteger(v) && v > NULL_INT && v <= 2147483647;
    }
    if (pacer.due(to - from)) await pacer.pause();
  }
  if (!ints) return { kind: 'number', values };
  const out = new Int32Array(values.length);
  for (let from = 0; from < values.length; from += NUMBER_SLICE) {
    const to = Math.min(values.length, from + NUMBER_SLICE);
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      out[i] = v !== v ? NULL_INT : v;
    }
    if (pacer.due(to - from)) await pacer.pause();
  }
  return { kind: 'number', values: out };
}

/**
 * `;`-separated tags, encoded row by row as they arrive (rows in index order, none skipped): split on ';',
 * empty pieces dropped, duplicates kept once (as @kizuna/segments' splitTags).
 */
export class TagsBuilder {
  private readonly index = new Map<string, number>();
  private readonly dict: string[] = [];
  private readonly ids: number[] = [];
  private readonly offsets: Int32Array;
  private next = 0;

  constructor(capacity: number) {
    this.offsets = new Int32Array(capacity + 1);
  }

  add(i: number, text: string | null | undefined): void {
    if (i !== this.next) throw new Error(`TagsBuilder rows must come in order: got ${i}, expected ${this.next}`);
    const ids = this.ids;
    const start = ids.length;
    if (text) {
      for (const t of text.split(';')) {
        if (t === '') continue;
        let id = this.index.get(t);
        if (id === undefined) {
          id = this.dict.length;
          this.dict.push(t);
          this.index.set(t, id);
        }
        let seen = false;
        for (let k = start; k < ids.length; k++) if (ids[k] === id) seen = true;
        if (!seen) ids.push(id);
      }
    }
    this.offsets[i + 1] = ids.length;
    this.next = i + 1;
  }

  finish(size: number): TagsColumn {
    // Rows never added (only when the table shrank under the load) are empty lists.
    for (let i = this.next; i < size; i++) this.offsets[i + 1] = this.ids.length;
    const dict = this.dict;
    const ids = dict.length <= 65_536 ? Uint16Array.from(this.ids) : Int32Array.from(this.ids);
    return { kind: 'tags', offsets: this.offsets.slice(0, size + 1), ids, dict };
  }
}

export function buildTagsColumn(texts: readonly (string | null | undefined)[], size: number): TagsColumn {
  const b = new TagsBuilder(size);
  for (let i = 0; i < size; i++) b.add(i, texts[i]);
  return b.finish(size);
}

type Parallel = Float64Array | Int32Array | Uint8Array;

/** Builds CSR offsets from per-customer row counts, then hands out each row's slot. */
export class CsrBuilder {
  readonly offsets: Int32Array;
  private cursor: Int32Array | null = null;

  constructor(private readonly customers: number) {
    this.offsets = new Int32Array(customers + 1);
  }

  count(i: number, rows: number): void {
    this.offsets[i + 1]! += rows;
  }

  /** Turns counts into offsets; returns the total number of rows. */
  allocate(): number {
    const o = this.offsets;
    for (let i = 0; i < this.customers; i++) o[i + 1]! += o[i]!;
    this.cursor = o.slice(0, this.customers);
    return o[this.customers]!;
  }

  place(i: number): number {
    const cursor = this.cursor;
    if (!cursor) throw new Error('CsrBuilder.place before allocate');
    const k = cursor[i]!;
    if (k >= this.offsets[i + 1]!) throw new Error('Rows changed while loading; load again');
    cursor[i] = k + 1;
    return k;
  }

  /**
   * Checks every slot was filled, then sorts each customer's rows by day (ties keep load order), giving the
   * event loop turns through `pacer` (one unit per customer) when one is passed.
   */
  async sortByDay(day: Int32Array, others: readonly Parallel[], pacer?: Pacer): Promise<void> {
    const cursor = this.cursor;
    const o = this.offsets;
    for (let i = 0; i < this.customers; i++) {
      if (pacer?.due()) await pacer.pause();
      if (cursor && cursor[i] !== o[i + 1]) throw new Error('Rows changed while loading; load again');
      const s = o[i]!;
      const e = o[i + 1]!;
      let sorted = true;
      for (let k = s + 1; k < e && sorted; k++) sorted = day[k - 1]! <= day[k]!;
      if (!sorted) permuteSlice(day, others, s, e);
    }
    this.cursor = null;
  }
}

function permuteSlice(day: Int32Array, others: readonly Parallel[], s: number, e: number): void {
  const order = Array.from({ length: e - s }, (_, j) => s + j).sort((a, b) => day[a]! - day[b]! || a - b);
  for (const arr of [day, ...others]) {
    const copy = order.map((k) => arr[k]!);
    for (let j = 0; j < copy.length; j++) arr[s + j] = copy[j]!;
  }
}
