// The cut-independent groundwork of computeTiles for one view, range and period, cached so that the
// dashboard and each segment cut beside it only add up per-customer entries under their mask: the series
// index (orders within the range, survey periods) and each customer's first, second purchase and entry period.
import { NO_DAY, seriesIndex, type Cut, type MetricsData, type PeriodKind, type SeriesIndex } from '@kizuna/metrics';
import type { FirstPurchaseCounts } from './tiles';

/** Codes of the per-customer period columns: a slot ≥ 0, before the series, or not counted at all. */
const BEFORE = -1;
const NONE = -2;

export interface TileIndex {
  series: SeriesIndex;
  /** Period of the first purchase day, of the second distinct purchase day, and of entry (countCustomers). */
  firstSlot: Int32Array;
  secondSlot: Int32Array;
  entrySlot: Int32Array;
}

function build(view: MetricsData, period: PeriodKind, fromDay: number): TileIndex {
  const series = seriesIndex(view, { period, fromDay });
  const n = view.customers.count;
  const firstSlot = new Int32Array(n).fill(NONE);
  const secondSlot = new Int32Array(n).fill(NONE);
  const entrySlot = new Int32Array(n).fill(NONE);
  const frame = series.frame;
  if (!frame) return { series, firstSlot, secondSlot, entrySlot };
  // The same bounds as firstPurchaseCounts and customersAtPeriodEnds: the trend's first start and last end.
  const start = frame.startDay;
  const end = view.asOfDay - 1;
  const slotOf = (d: number): number => (d < start ? BEFORE : frame.slots[d - start]!);
  const { day, offsets } = view.orders;
  const { signupDay } = view.customers;
  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    const hasOrders = from < to;
    const signup = signupDay[i]!;
    let entry = Infinity;
    if (signup !== NO_DAY) entry = signup;
    if (hasOrders) entry = Math.min(entry, day[from]!);
    if (signup === NO_DAY && !hasOrders) entry = -Infinity;
    if (entry <= end) entrySlot[i] = slotOf(entry);
    if (!hasOrders) continue;
    const d1 = day[from]!;
    if (d1 > end) continue;
    firstSlot[i] = slotOf(d1);
    for (let k = from + 1; k < to; k++) {
      const d2 = day[k]!;
      if (d2 > end) break;
      if (d2 === d1) continue;
      secondSlot[i] = slotOf(d2);
      break;
    }
  }
  return { series, firstSlot, secondSlot, entrySlot };
}

/**
 * Views of the same loaded columns share their index per (as-of day, period, range start); a few tens of MB
 * each at 1M customers, so only the most recently used few are kept. New columns (a reload) start afresh.
 */
const indexes = new WeakMap<MetricsData['orders'], Map<string, TileIndex>>();
const MAX_INDEXES = 4;

export function tileIndex(view: MetricsData, period: PeriodKind, fromDay: number): TileIndex {
  let byKey = indexes.get(view.orders);
  if (!byKey) {
    byKey = new Map();
    indexes.set(view.orders, byKey);
  }
  const key = `${view.asOfDay}|${period}|${fromDay}`;
  let index = byKey.get(key);
  // The same orders with other customers or surveys (a test's hand-made view) must not reuse an index.
  if (index && (index.series.data.customers !== view.customers || index.series.data.surveys !== view.surveys)) index = undefined;
  if (index) {
    byKey.delete(key);
  } else {
    index = build(view, period, fromDay);
    if (byKey.size >= MAX_INDEXES) byKey.delete(byKey.keys().next().value!);
  }
  byKey.set(key, index);
  return index;
}

/** firstPurchaseCounts and customersAtPeriodEnds of the index's trend, for a cut, in one pass over customers. */
export function countsOf(index: TileIndex, cut?: Cut): { counts: FirstPurchaseCounts; customers: number[] } {
  const n = index.series.frame?.count ?? 0;
  const newBySlot = new Int32Array(n);
  const secondBySlot = new Int32Array(n);
  const added = new Int32Array(n);
  let firstBefore = 0;
  let secondBefore = 0;
  let before = 0;
  if (n > 0) {
    const { firstSlot, secondSlot, entrySlot } = index;
    for (let i = 0; i < firstSlot.length; i++) {
      if (cut && !cut[i]) continue;
      const f = firstSlot[i]!;
      if (f >= 0) newBySlot[f]!++;
      else if (f === BEFORE) firstBefore++;
      const s = secondSlot[i]!;
      if (s >= 0) secondBySlot[s]!++;
      else if (s === BEFORE) secondBefore++;
      const e = entrySlot[i]!;
      if (e >= 0) added[e]!++;
      else if (e === BEFORE) before++;
    }
  }
  let total = before;
  return { counts: { newBySlot, secondBySlot, firstBefore, secondBefore }, customers: Array.from(added, (k) => (total += k)) };
}
