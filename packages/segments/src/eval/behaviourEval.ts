// In-memory behaviour conditions: per customer, the rows of its CSR slice inside the window (found from
// the end for recent windows, by binary search otherwise), filtered, aggregated and compared. Mirrors
// sql/behaviourSql.ts: no rows → count/sum 0, avg/max NULL (false); avg compares SUM with bound × COUNT.
import { NULL_INT, type SegmentData, type StringColumn } from '../data';
import { assertNever } from '../errors';
import type { LoweredBehaviour } from '../lower';
import { Bitset } from './bitset';

/** The rows one behaviour condition reads: orders, or the events of one type. */
export interface RowSource {
  offsets: Int32Array;
  day: Int32Array;
  measure: Float64Array | Int32Array | null;
  maxDay: number;
}

export function behaviourSource(data: SegmentData, b: LoweredBehaviour): RowSource | null {
  if (b.source === 'orders') {
    const o = data.orders;
    const measure = b.measure === 'amount' ? o.amount : b.measure === 'quantity' ? o.quantity : null;
    return { offsets: o.offsets, day: o.day, measure, maxDay: o.maxDay };
  }
  const ev = data.events.get(b.eventType ?? '');
  if (!ev) return null;
  return { offsets: ev.offsets, day: ev.day, measure: b.measure === 'value' ? ev.value : null, maxDay: ev.maxDay };
}

/**
 * 1 for each row that passes the filters, or null when there are none. Each filter is one pass of
 * table lookups over the rows (event filters collapse into one verdict per product first).
 */
export function filterMask(data: SegmentData, b: LoweredBehaviour): Uint8Array | null {
  const f = b.filters;
  if (b.source === 'orders') {
    if (!f.categories && !f.channels && f.couponUsed === undefined) return null;
    const o = data.orders;
    const mask = new Uint8Array(o.count).fill(1);
    if (f.categories) andLut(mask, o.category.codes, valueLut(o.category, f.categories));
    if (f.channels) andLut(mask, o.channel.codes, valueLut(o.channel, f.channels));
    if (f.couponUsed !== undefined) {
      const want = f.couponUsed ? 1 : 0;
      const used = o.couponUsed;
      for (let k = 0; k < mask.length; k++) mask[k]! &= +(used[k] === want);
    }
    return mask;
  }
  const ev = data.events.get(b.eventType ?? '');
  if (!ev || (!f.productIds && !f.categories && f.lowStockBelow === undefined)) return null;
  const p = data.products;
  const productOk = new Uint8Array(p.ids.length).fill(1);
  if (f.productIds) {
    const wanted = new Set(f.productIds);
    p.ids.forEach((id, k) => (productOk[k]! &= wanted.has(id) ? 1 : 0));
  }
  if (f.categories) andLut(productOk, p.category.codes, valueLut(p.category, f.categories));
  if (f.lowStockBelow !== undefined) {
    // Unknown stock (NaN) is never "low".
    for (let k = 0; k < productOk.length; k++) productOk[k]! &= +(p.stock[k]! < f.lowStockBelow);
  }
  const mask = new Uint8Array(ev.count);
  for (let k = 0; k < mask.length; k++) {
    const product = ev.product[k]!;
    mask[k] = product >= 0 ? productOk[product]! : 0;
  }
  return mask;
}

/** 1 for each dictionary code whose value is one of `values` (never for NULL). */
function valueLut(col: StringColumn, values: readonly string[]): Uint8Array {
  const wanted = new Set(values);
  return Uint8Array.from(col.dict, (v) => (v !== null && wanted.has(v) ? 1 : 0));
}

function andLut(mask: Uint8Array, codes: StringColumn['codes'], lut: Uint8Array): void {
  for (let k = 0; k < mask.length; k++) mask[k]! &= lut[codes[k]!]!;
}

/** First row index in [s, e) with day ≥ from (rows sorted by day). */
function lowerBound(day: Int32Array, s: number, e: number, from: number): number {
  // Recent windows hold few rows: walk back from the end a little before bisecting.
  let k = e;
  for (let steps = 0; steps < 4 && k > s && day[k - 1]! >= from; steps++) k--;
  if (k === s || day[k - 1]! < from) return k;
  let lo = s;
  let hi = k;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (day[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First row index in [s, e) with day > to. */
function upperBound(day: Int32Array, s: number, e: number, to: number): number {
  let lo = s;
  let hi = e;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (day[mid]! <= to) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Aggregate {
  /** The aggregate's value, or NaN for NULL (avg/max of no values). */
  value: number;
  /** For avg: the sum and the count of non-NULL values it was taken over. */
  sum: number;
  count: number;
  /** Rows in the window that passed the filters. */
  rows: number;
}

/** The aggregate of customer i's rows (explain). */
export function aggregateFor(src: RowSource, mask: Uint8Array | null, b: LoweredBehaviour, i: number): Aggregate {
  return aggregateInto({ value: 0, sum: 0, count: 0, rows: 0 }, src, mask, b, i);
}

/** Fills `out` with the aggregate of customer i's rows; the scan reuses one object for every customer. */
function aggregateInto(out: Aggregate, src: RowSource, mask: Uint8Array | null, b: LoweredBehaviour, i: number): Aggregate {
  const s = src.offsets[i]!;
  const e = src.offsets[i + 1]!;
  const a = b.window.from === null || e === s ? s : lowerBound(src.day, s, e, b.window.from);
  const z = b.window.to >= src.maxDay ? e : upperBound(src.day, a, e, b.window.to);
  const day = src.day;
  const m = src.measure;
  let rows = 0;
  let days = 0;
  let lastDay = NaN;
  let sum = 0;
  let count = 0;
  let max = -Infinity;
  for (let k = a; k < z; k++) {
    if (mask !== null && mask[k] === 0) continue;
    rows++;
    if (day[k] !== lastDay) {
      days++;
      lastDay = day[k]!;
    }
    if (m !== null) {
      const v = m[k]!;
      if (v === NULL_INT || v !== v) continue;
      sum += v;
      count++;
      if (v > max) max = v;
    }
  }
  out.sum = sum;
  out.count = count;
  out.rows = rows;
  switch (b.aggregate) {
    case 'count':
      out.value = rows;
      break;
    case 'distinct_days':
      out.value = days;
      break;
    case 'sum':
      out.value = sum;
      break;
    case 'max':
      out.value = count > 0 ? max : NaN;
      break;
    case 'avg':
      out.value = count > 0 ? sum / count : NaN;
      break;
    default:
      return assertNever(b.aggregate);
  }
  return out;
}

/** Whether an aggregate passes the condition's test (avg: exactly, as SUM against bound × COUNT). */
export function aggregatePasses(b: LoweredBehaviour, agg: Aggregate): boolean {
  const t = b.test;
  if (b.aggregate === 'avg') {
    if (agg.count === 0) return false;
    const { sum, count } = agg;
    if (t.t === 'neq') return sum !== t.value * count;
    return (t.lo === -Infinity || (t.loOpen ? sum > t.lo * count : sum >= t.lo * count)) &&
      (t.hi === Infinity || (t.hiOpen ? sum < t.hi * count : sum <= t.hi * count));
  }
  const v = agg.value;
  if (v !== v) return false;
  if (t.t === 'neq') return v !== t.value;
  return (t.loOpen ? v > t.lo : v >= t.lo) && (t.hiOpen ? v < t.hi : v <= t.hi);
}

export function behaviourBits(data: SegmentData, b: LoweredBehaviour, mask: Uint8Array | null): Bitset {
  const n = data.size;
  const src = behaviourSource(data, b);
  if (!src) {
    // No event of this type at all: every customer has zero rows.
    const none: Aggregate = { value: b.aggregate === 'avg' || b.aggregate === 'max' ? NaN : 0, sum: 0, count: 0, rows: 0 };
    return aggregatePasses(b, none) ? Bitset.full(n) : Bitset.empty(n);
  }
  if (mask === null && (b.aggregate === 'count' || b.aggregate === 'distinct_days')) return countBits(src, b, n);
  const out = new Bitset(n);
  const agg: Aggregate = { value: 0, sum: 0, count: 0, rows: 0 };
  const words = out.words;
  for (let w = 0, i = 0; w < words.length; w++) {
    const end = Math.min(i + 32, n);
    let bits = 0;
    for (let j = 0; i < end; i++, j++) bits |= +aggregatePasses(b, aggregateInto(agg, src, mask, b, i)) << j;
    words[w] = bits;
  }
  return out;
}

/** The hot path ("≥ 2 orders in the last 90 days"): unfiltered counts need only the window's bounds. */
function countBits(src: RowSource, b: LoweredBehaviour, n: number): Bitset {
  const t = b.test;
  if (b.aggregate === 'count' && t.t === 'range' && b.window.to >= src.maxDay && src.day.length > 0) {
    return tailCountBits(src, b.window.from ?? -Infinity, t, n);
  }
  const { offsets, day } = src;
  const from = b.window.from;
  const to = b.window.to;
  const tail = to >= src.maxDay;
  const distinct = b.aggregate === 'distinct_days';
  const out = new Bitset(n);
  for (let i = 0; i < n; i++) {
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    let c = 0;
    if (e > s) {
      const a = from === null ? s : lowerBound(day, s, e, from);
      const z = tail ? e : upperBound(day, a, e, to);
      if (!distinct) c = z - a;
      else for (let k = a; k < z; k++) if (k === a || day[k] !== day[k - 1]) c++;
    }
    const pass = t.t === 'neq' ? c !== t.value : (t.loOpen ? c > t.lo : c >= t.lo) && (t.hiOpen ? c < t.hi : c <= t.hi);
    if (pass) out.add(i);
  }
  return out;
}

/**
 * Counts in a window that reaches the newest row, in O(1) per customer: with rows sorted by day, "at least
 * L rows on or after `from`" is "the L-th newest row is on or after `from`". Branch-free word building.
 */
function tailCountBits(src: RowSource, from: number, t: Extract<LoweredBehaviour['test'], { t: 'range' }>, n: number): Bitset {
  const { offsets, day } = src;
  // Integer bounds of the count: count ∈ [L, H].
  const L = t.lo === -Infinity ? -Infinity : t.loOpen ? Math.floor(t.lo) + 1 : Math.ceil(t.lo);
  const H = t.hi === Infinity ? Infinity : t.hiOpen ? Math.ceil(t.hi) - 1 : Math.floor(t.hi);
  const out = new Bitset(n);
  if (L > H || H < 0) return out;
  const words = out.words;
  if (H === Infinity) {
    // "At least L" (the common case) needs one row per customer: the L-th newest.
    if (L <= 0) return Bitset.full(n);
    for (let w = 0, i = 0, e = offsets[0]!; w < words.length; w++) {
      const end = Math.min(i + 32, n);
      let bits = 0;
      for (let j = 0; i < end; i++, j++) {
        const s = e;
        e = offsets[i + 1]!;
        // When the customer has fewer than L rows the index may fall on another customer: masked by the length test.
        bits |= (+(e - s >= L) & +(day[Math.max(0, e - L)]! >= from)) << j;
      }
      words[w] = bits;
    }
    return out;
  }
  const anyLow = L <= 0;
  for (let w = 0, i = 0, e = offsets[0]!; w < words.length; w++) {
    const end = Math.min(i + 32, n);
    let bits = 0;
    for (let j = 0; i < end; i++, j++) {
      const s = e;
      e = offsets[i + 1]!;
      const len = e - s;
      const atLeast = anyLow ? 1 : +(len >= L) & +(day[Math.max(0, e - L)]! >= from);
      const atMost = +(len <= H) | +(day[Math.max(0, e - H - 1)]! < from);
      bits |= (atLeast & atMost) << j;
    }
    words[w] = bits;
  }
  return out;
}
