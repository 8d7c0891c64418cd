// Per-customer order totals as of the as-of date, R/F/M quintile scores under the team's shared rule, and
// the R × F grid (customers and revenue per cell).
import type { KpiOptions } from './activity';
import { assertCut } from './cut';
import { NO_DAY, type MetricsData } from './data';

export interface CustomerTotals {
  /** Orders before the as-of day. */
  frequency: Int32Array;
  /** Distinct order days before the as-of day. */
  purchaseDays: Int32Array;
  /** Sum of their amounts, minor units. */
  monetary: Float64Array;
  /** NO_DAY for customers without orders. */
  firstOrderDay: Int32Array;
  lastOrderDay: Int32Array;
}

/** The feature-table totals of every customer (frequency, purchase_days, monetary, first/last order day). */
export function customerTotals(data: MetricsData): CustomerTotals {
  const { customers, orders, asOfDay } = data;
  const n = customers.count;
  const t: CustomerTotals = {
    frequency: new Int32Array(n),
    purchaseDays: new Int32Array(n),
    monetary: new Float64Array(n),
    firstOrderDay: new Int32Array(n).fill(NO_DAY),
    lastOrderDay: new Int32Array(n).fill(NO_DAY),
  };
  const { day, amount, offsets } = orders;
  for (let i = 0; i < n; i++) {
    let count = 0;
    let days = 0;
    let sum = 0;
    let last = NaN;
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    for (let k = from; k < to; k++) {
      const d = day[k] as number;
      if (d >= asOfDay) break;
      count++;
      sum += amount[k] as number;
      if (d !== last) {
        days++;
        last = d;
      }
    }
    if (count === 0) continue;
    t.frequency[i] = count;
    t.purchaseDays[i] = days;
    t.monetary[i] = sum;
    t.firstOrderDay[i] = day[from] as number;
    t.lastOrderDay[i] = last;
  }
  return t;
}

/**
 * Quintile scores 1–5 for the customers where `scored` is set (0 elsewhere): with n scored customers and
 * `below` = how many of them have a strictly smaller value, score = 1 + floor(5 · below / n). Ties share a
 * score; identical to SQL's 1 + floor(5 · (RANK() − 1) / n) with RANK() ordered by value ascending.
 */
export function quintileScores(values: ArrayLike<number>, scored: ArrayLike<number>): Uint8Array {
  const count = values.length;
  // Monomorphic copies keep the loops below fast whatever array type the caller passes.
  const v = Float64Array.from(values);
  const include = Uint8Array.from(scored);
  const scores = new Uint8Array(count);
  const bits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const shift = 2 ** bits;
  const offset = 2 ** (52 - bits);
  let n = 0;
  let packable = true;
  for (let i = 0; i < count; i++) {
    if (!include[i]) continue;
    n++;
    const x = v[i] as number;
    if (!Number.isInteger(x) || Math.abs(x) >= offset) packable = false;
  }
  if (n === 0) return scores;
  const score = (below: number): number => 1 + Math.floor((5 * below) / n);
  if (packable) {
    // Whole values (days, counts, minor units) that fit beside the index in one exact float: sort
    // (value, index) keys natively, then one pass assigns each run of equal values its first position.
    const keys = new Float64Array(n);
    for (let i = 0, j = 0; i < count; i++) if (include[i]) keys[j++] = ((v[i] as number) + offset) * shift + i;
    keys.sort();
    let runValue = NaN;
    let runStart = 0;
    for (let k = 0; k < n; k++) {
      const key = keys[k] as number;
      const value = Math.floor(key / shift);
      if (value !== runValue) {
        runValue = value;
        runStart = k;
      }
      scores[key - value * shift] = score(runStart);
    }
    return scores;
  }
  const sorted = new Float64Array(n);
  for (let i = 0, j = 0; i < count; i++) if (include[i]) sorted[j++] = v[i] as number;
  sorted.sort();
  // below(value) = position of the value's first occurrence in sorted order.
  const below = new Map<number, number>();
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) below.set(sorted[k] as number, k);
  for (let i = 0; i < count; i++) if (include[i]) scores[i] = score(below.get(v[i] as number) as number);
  return scores;
}

export interface RfmScores {
  /** Recency score: larger recency_days (an older last order) is worse. 0 = no orders, no score. */
  r: Uint8Array;
  /** Frequency score: fewer orders is worse. */
  f: Uint8Array;
  /** Monetary score: a smaller sum is worse. */
  m: Uint8Array;
}

/**
 * R/F/M scores of every customer, ranked among all customers with ≥ 1 order before the as-of day (never
 * within a cut, so a customer's score does not depend on the segment being viewed).
 */
export function rfmScores(data: MetricsData, totals: CustomerTotals = customerTotals(data)): RfmScores {
  const scored = totals.frequency.map((f) => (f > 0 ? 1 : 0));
  // recency_days = asOf − last order day, so "strictly worse recency" = strictly earlier last order day.
  return {
    r: quintileScores(totals.lastOrderDay, scored),
    f: quintileScores(totals.frequency, scored),
    m: quintileScores(totals.monetary, scored),
  };
}

export interface RfmCell {
  r: number;
  f: number;
  customers: number;
  /** Their monetary (all orders before the as-of day), minor units. */
  revenue: number;
}

export interface RfmGrid {
  /** 25 cells, r-major: index (r − 1) · 5 + (f − 1). */
  cells: RfmCell[];
  /** Customers with a score (≥ 1 order) in the cut. */
  customers: number;
  revenue: number;
}

/** The R × F grid over customers with ≥ 1 order in the cut: count and revenue per (R, F) score pair. */
export function rfmGrid(
  data: MetricsData,
  options: KpiOptions & { totals?: CustomerTotals; scores?: RfmScores } = {},
): RfmGrid {
  const { cut } = options;
  assertCut(cut, data.customers);
  const totals = options.totals ?? customerTotals(data);
  const scores = options.scores ?? rfmScores(data, totals);
  const cells: RfmCell[] = [];
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) cells.push({ r, f, customers: 0, revenue: 0 });
  let customers = 0;
  let revenue = 0;
  for (let i = 0; i < data.customers.count; i++) {
    if (cut && !cut[i]) continue;
    const r = scores.r[i] as number;
    if (r === 0) continue;
    const cell = cells[(r - 1) * 5 + (scores.f[i] as number) - 1] as RfmCell;
    const m = totals.monetary[i] as number;
    cell.customers++;
    cell.revenue += m;
    customers++;
    revenue += m;
  }
  return { cells, customers, revenue };
}
