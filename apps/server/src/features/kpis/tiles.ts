// The headline tiles and the trend they sit on, for all customers or one cut: one calendar series over the
// range (trendSeries), the tile period = its last complete period, compared with the one before, and a
// sparkline per tile. Every value equals one @kizuna/metrics function over a window or as of a period's end;
// the cut-independent work is cached in tileIndex.ts so each segment cut costs one short pass.
import {
  change,
  csatSeriesOf,
  dayToIso,
  NO_DAY,
  periodSlots,
  ratio,
  trendSeriesOf,
  type Cut,
  type MetricsData,
  type PeriodKind,
  type Ratio,
  type TrendPoint,
} from '@kizuna/metrics';
import type { CsatPoint, KpiTile, PeriodRef, SeriesPoint, TileId, TileUnit, TrendRow } from './types';
import type { KpiId } from '@kizuna/metrics';
import { countsOf, tileIndex } from './tileIndex';

export interface TileInput {
  /** Data viewed as of the day after the range's end: nothing after the range is seen. */
  view: MetricsData;
  period: PeriodKind;
  fromDay: number;
  cut?: Cut;
  /** Predicted CLV per customer from histories before a day, or null without a model. */
  clvAt: (boundaryDay: number) => Float64Array | null;
}

export interface TileResult {
  tiles: KpiTile[];
  trend: TrendRow[];
  csat: CsatPoint[];
  /** Index into trend of the tile period, -1 when the range has no period. */
  current: number;
}

export function periodRef(p: Pick<TrendPoint, 'period' | 'startDay' | 'endDay' | 'complete'>): PeriodRef {
  return { period: p.period, startDate: dayToIso(p.startDay), endDate: dayToIso(p.endDay), complete: p.complete };
}

export interface FirstPurchaseCounts {
  /** Customers whose first purchase day falls in each period of the series. */
  newBySlot: Int32Array;
  /** Customers whose second distinct purchase day falls in each period. */
  secondBySlot: Int32Array;
  /** Customers with a first (second) purchase day before the series starts. */
  firstBefore: number;
  secondBefore: number;
}

/**
 * One pass over each customer's first two purchase days: new customers per period, and what the
 * all-history repeat-purchase rate as of each period's end needs (customers with ≥ 1 and ≥ 2 purchase days
 * by then), without one full scan of the orders per period.
 */
export function firstPurchaseCounts(data: MetricsData, trend: readonly TrendPoint[], period: PeriodKind, cut?: Cut): FirstPurchaseCounts {
  const n = trend.length;
  const out: FirstPurchaseCounts = { newBySlot: new Int32Array(n), secondBySlot: new Int32Array(n), firstBefore: 0, secondBefore: 0 };
  if (n === 0) return out;
  const start = trend[0]!.startDay;
  const end = trend[n - 1]!.endDay;
  const slots = periodSlots(period, start, end);
  const { day, offsets } = data.orders;
  const place = (d: number, bySlot: Int32Array): boolean => {
    if (d < start) return true;
    bySlot[slots[d - start]!]!++;
    return false;
  };
  for (let i = 0; i < data.customers.count; i++) {
    if (cut && !cut[i]) continue;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    if (from >= to) continue;
    const d1 = day[from]!;
    if (d1 > end) continue;
    if (place(d1, out.newBySlot)) out.firstBefore++;
    for (let k = from + 1; k < to; k++) {
      const d2 = day[k]!;
      if (d2 > end) break;
      if (d2 === d1) continue;
      if (place(d2, out.secondBySlot)) out.secondBefore++;
      break;
    }
  }
  return out;
}

/**
 * Customers (countCustomers) as of the end of each period, in one pass: a customer exists from the earlier
 * of signup and first order; one with neither date is always counted. Equal to countCustomers with the
 * as-of day set to each period's end + 1, without one full scan per period.
 */
export function customersAtPeriodEnds(data: MetricsData, trend: readonly TrendPoint[], period: PeriodKind, cut?: Cut): number[] {
  const n = trend.length;
  if (n === 0) return [];
  const start = trend[0]!.startDay;
  const end = trend[n - 1]!.endDay;
  const slots = periodSlots(period, start, end);
  const added = new Int32Array(n);
  let before = 0;
  const { day, offsets } = data.orders;
  const { signupDay } = data.customers;
  for (let i = 0; i < data.customers.count; i++) {
    if (cut && !cut[i]) continue;
    const signup = signupDay[i]!;
    const hasOrders = offsets[i]! < offsets[i + 1]!;
    let entry = Infinity;
    if (signup !== NO_DAY) entry = signup;
    if (hasOrders) entry = Math.min(entry, day[offsets[i]!]!);
    if (signup === NO_DAY && !hasOrders) entry = -Infinity;
    if (entry > end) continue;
    if (entry < start) before++;
    else added[slots[entry - start]!]!++;
  }
  let total = before;
  return Array.from(added, (k) => (total += k));
}

/** Repeat-purchase rate over all history as of the end of each period (customers with ≥ 2 of ≥ 1 purchase days). */
export function cumulativeRepeatRates(counts: FirstPurchaseCounts): Ratio[] {
  let first = counts.firstBefore;
  let second = counts.secondBefore;
  return Array.from(counts.newBySlot, (added, s) => {
    first += added;
    second += counts.secondBySlot[s]!;
    return ratio(second, first);
  });
}

function tile(id: TileId, definitionId: KpiId, unit: TileUnit, labels: readonly string[], values: readonly (Ratio | number | null)[], current: number): KpiTile {
  const valueOf = (v: Ratio | number | null | undefined): number | null => (v === null || v === undefined ? null : typeof v === 'number' ? v : v.value);
  const at = values[current];
  const c = change(valueOf(at), current > 0 ? valueOf(values[current - 1]) : null);
  const series: SeriesPoint[] = [];
  for (let s = 0; s <= current && s < values.length; s++) series.push({ period: labels[s]!, value: valueOf(values[s]) });
  const isRatio = at !== null && at !== undefined && typeof at !== 'number';
  return {
    id,
    definitionId,
    unit,
    value: c.current,
    previous: c.previous,
    delta: c.delta,
    relative: c.relative,
    numerator: isRatio ? at.numerator : null,
    denominator: isRatio ? at.denominator : null,
    series,
  };
}

/**
 * Mean predicted CLV over customers (in the cut) with a prediction, for the tile period and the one before:
 * both in one pass, each summed in customer order.
 */
function meanClvs(before: Float64Array | null, at: Float64Array | null, cut: Cut | undefined): [Ratio | null, Ratio | null] {
  const a = before ?? new Float64Array(0);
  const b = at ?? new Float64Array(0);
  let sumA = 0;
  let countA = 0;
  let sumB = 0;
  let countB = 0;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (cut && !cut[i]) continue;
    if (i < a.length) {
      const v = a[i]!;
      if (!Number.isNaN(v)) {
        sumA += v;
        countA++;
      }
    }
    if (i < b.length) {
      const v = b[i]!;
      if (!Number.isNaN(v)) {
        sumB += v;
        countB++;
      }
    }
  }
  return [before ? ratio(sumA, countA) : null, at ? ratio(sumB, countB) : null];
}

export function computeTiles(input: TileInput): TileResult {
  const { view, period, fromDay, cut } = input;
  // The series, CSAT and first-purchase counts of trendSeries, csat per period, firstPurchaseCounts and
  // customersAtPeriodEnds, from the index shared by every cut of this view (tileIndex.test.ts checks they agree).
  const index = tileIndex(view, period, fromDay);
  const trend = trendSeriesOf(index.series, cut);
  const labels = trend.map((p) => p.period);
  const csatResults = csatSeriesOf(index.series, cut);
  const { counts, customers: customerCounts } = countsOf(index, cut);

  let current = -1;
  for (let s = trend.length - 1; s >= 0; s--) {
    if (trend[s]!.complete) {
      current = s;
      break;
    }
  }
  // No complete period in the range: show the running one rather than nothing.
  if (current < 0) current = trend.length - 1;

  const rows: TrendRow[] = trend.map((p, s) => ({
    ...periodRef(p),
    activeCustomers: p.activeCustomers,
    newCustomers: counts.newBySlot[s]!,
    orders: p.orders,
    revenue: p.revenue,
    aov: p.aov.value,
    repeatRate: p.repeatRate.value,
    retention: p.retention?.value ?? null,
    churn: p.churn,
  }));
  const csatPoints: CsatPoint[] = trend.map((p, s) => {
    const r = csatResults[s]!;
    return { ...periodRef(p), responses: r.responses, satisfied: r.satisfied, share: r.share.value, mean: r.mean };
  });
  if (current < 0) return { tiles: [], trend: rows, csat: csatPoints, current };

  // Only the periods up to the tile's period are needed for the tiles and their sparklines.
  const upTo = trend.slice(0, current + 1);
  const customers = customerCounts.slice(0, current + 1);
  const repeat = cumulativeRepeatRates(counts);
  // Retention into period s: of the customers active in s − 1, the share active in s.
  const retention = upTo.map((_, s) => (s === 0 ? null : (trend[s - 1]!.retention ?? null)));
  const churn = retention.map((r) => (r === null || r.value === null ? null : 1 - r.value));
  const atEnd = (s: number) => (s >= 0 ? input.clvAt(trend[s]!.endDay + 1) : null);
  const [clvBefore, clvAt] = meanClvs(atEnd(current - 1), atEnd(current), cut);
  const clv = upTo.map((_, s) => (s === current ? clvAt : s === current - 1 ? clvBefore : null));

  const tiles: KpiTile[] = [
    tile('customers', 'customers', 'count', labels, customers, current),
    tile('active_customers', 'active_customers', 'count', labels, upTo.map((p) => p.activeCustomers), current),
    tile('repeat_purchase_rate', 'repeat_purchase_rate', 'share', labels, repeat, current),
    tile('retention', 'period_retention', 'share', labels, retention, current),
    tile('churn', 'period_retention', 'share', labels, churn, current),
    tile('aov', 'aov', 'money', labels, upTo.map((p) => p.aov), current),
    tile('purchase_frequency', 'purchase_frequency', 'ratio', labels, upTo.map((p) => ratio(p.orders, p.activeCustomers)), current),
    tile('revenue_per_customer', 'revenue_per_customer', 'money', labels, upTo.map((p) => ratio(p.revenue, p.activeCustomers)), current),
    tile('csat', 'csat', 'share', labels, csatResults.slice(0, current + 1).map((r) => r.share), current),
    tile('predicted_clv', 'predicted_clv', 'money', labels, clv, current),
  ];
  // The CLV sparkline has only the two periods the model is applied at (each costs a prediction pass).
  const clvTile = tiles[tiles.length - 1]!;
  clvTile.series = clvTile.series.filter((_, s) => s >= current - 1);
  return { tiles, trend: rows, csat: csatPoints, current };
}
