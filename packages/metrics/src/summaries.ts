// Per-customer purchase summaries the prediction models are fitted on, in days: a "purchase" is a purchase
// DAY (same-day orders merge, amounts summed), x = repeat purchase days, t_x = days from the first to the
// last purchase day, T = days from the first purchase day to the as-of day. Identical (x, t_x, T) triples
// are grouped so a fit over 1M customers evaluates far fewer terms.
import type { Cut } from './cut';
import type { MetricsData } from './data';

export interface PurchaseSummaries {
  /** Repeat purchase days (distinct purchase days − 1); −1 for customers without orders before the as-of day. */
  x: Int32Array;
  /** Days from the first to the last purchase day (0 when x = 0). */
  tx: Int32Array;
  /** asOfDay − first purchase day (≥ 1), so T − t_x is recency_days. */
  T: Int32Array;
  /** Mean amount of the repeat purchase days (each day's orders summed), minor units; NaN when x ≤ 0. */
  repeatSpend: Float64Array;
  /** Mean amount of all purchase days; NaN without orders. */
  daySpend: Float64Array;
}

export function purchaseSummaries(data: Pick<MetricsData, 'customers' | 'orders' | 'asOfDay'>): PurchaseSummaries {
  const { customers, orders, asOfDay } = data;
  const n = customers.count;
  const s: PurchaseSummaries = {
    x: new Int32Array(n).fill(-1),
    tx: new Int32Array(n),
    T: new Int32Array(n),
    repeatSpend: new Float64Array(n).fill(NaN),
    daySpend: new Float64Array(n).fill(NaN),
  };
  const { day, amount, offsets } = orders;
  for (let i = 0; i < n; i++) {
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    if (from >= to || (day[from] as number) >= asOfDay) continue;
    const first = day[from] as number;
    let last = first;
    let days = 1;
    let total = 0;
    let firstDayTotal = 0;
    for (let k = from; k < to; k++) {
      const d = day[k] as number;
      if (d >= asOfDay) break;
      if (d !== last) {
        days++;
        last = d;
      }
      total += amount[k] as number;
      if (d === first) firstDayTotal += amount[k] as number;
    }
    const x = days - 1;
    s.x[i] = x;
    s.tx[i] = last - first;
    s.T[i] = asOfDay - first;
    s.daySpend[i] = total / days;
    if (x > 0) s.repeatSpend[i] = (total - firstDayTotal) / x;
  }
  return s;
}

/** Weighted (x, t_x, T) triples: weight[k] customers share the k-th triple. */
export interface SummaryGroups {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
}

export interface GroupOptions {
  cut?: Cut;
  /** Divide t_x and T by this (e.g. 7 for weeks); the fitted α is then in that unit. Default 1 (days). */
  timeUnitDays?: number;
}

/** Groups the summaries of customers with ≥ 1 purchase (in the cut) into distinct (x, t_x, T) triples. */
export function groupSummaries(s: PurchaseSummaries, options: GroupOptions = {}): SummaryGroups {
  const { cut } = options;
  if (cut && cut.length !== s.x.length) throw new RangeError('cut and summaries cover different customer counts');
  const unit = options.timeUnitDays ?? 1;
  // Sort packed integer keys and count runs: much faster than a hash map at a million customers.
  const keys = new Float64Array(s.x.length);
  let n = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i] as number;
    if (x < 0 || (cut && !cut[i])) continue;
    const tx = s.tx[i] as number;
    const T = s.T[i] as number;
    if (T >= 65536 || tx < 0 || tx > T || x >= 2 ** 21) throw new RangeError(`summary out of range at customer ${i}`);
    keys[n++] = (x * 65536 + tx) * 65536 + T;
  }
  const sorted = keys.subarray(0, n).sort();
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const groups: SummaryGroups = {
    x: new Float64Array(distinct),
    tx: new Float64Array(distinct),
    T: new Float64Array(distinct),
    weight: new Float64Array(distinct),
  };
  let g = -1;
  for (let k = 0; k < n; k++) {
    const key = sorted[k] as number;
    if (k === 0 || key !== sorted[k - 1]) {
      g++;
      const T = key % 65536;
      const rest = (key - T) / 65536;
      const tx = rest % 65536;
      groups.x[g] = (rest - tx) / 65536;
      groups.tx[g] = tx / unit;
      groups.T[g] = T / unit;
    }
    groups.weight[g] = (groups.weight[g] as number) + 1;
  }
  return groups;
}

/** One group per customer, for summaries that are already in model units (e.g. a published data set). */
export function summaryGroupsFrom(rows: readonly { x: number; tx: number; T: number }[]): SummaryGroups {
  return {
    x: Float64Array.from(rows, (r) => r.x),
    tx: Float64Array.from(rows, (r) => r.tx),
    T: Float64Array.from(rows, (r) => r.T),
    weight: new Float64Array(rows.length).fill(1),
  };
}
