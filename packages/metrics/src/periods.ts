// Period retention/churn and the weekly/monthly/quarterly trend series. One pass over the orders fills
// per-period counters (active customers, retained into the next period, orders, revenue, repeaters); both
// public functions read them.
import { type KpiOptions } from './activity';
import { periodEndDay, periodIndex, periodLabel, periodSlots, periodStartDay, type PeriodKind } from './calendar';
import { assertCut, type Cut } from './cut';
import type { MetricsData } from './data';
import { ratio, type Ratio } from './ratio';

export interface SeriesOptions extends KpiOptions {
  /** Calendar unit of the series. */
  period: PeriodKind;
  /** The series starts with the period containing this day; by default the period of the earliest order. */
  fromDay?: number;
}

/** Guards against a fromDay far in the past allocating a huge series. */
const MAX_PERIODS = 10_000;

export interface PeriodCounters {
  first: number;
  count: number;
  active: Int32Array;
  retained: Int32Array;
  orders: Int32Array;
  revenue: Float64Array;
  repeaters: Int32Array;
}

function emptyCounters(): PeriodCounters {
  return {
    first: 0,
    count: 0,
    active: new Int32Array(0),
    retained: new Int32Array(0),
    orders: new Int32Array(0),
    revenue: new Float64Array(0),
    repeaters: new Int32Array(0),
  };
}

/** Where a series starts: `fromDay`, else the earliest order day of the customers in the cut. */
function seriesStart(data: MetricsData, options: SeriesOptions): number {
  if (options.fromDay !== undefined) return options.fromDay;
  const { customers, orders } = data;
  const { cut } = options;
  let min = Infinity;
  for (let i = 0; i < customers.count; i++) {
    if (cut && !cut[i]) continue;
    const k = orders.offsets[i] as number;
    if (k < (orders.offsets[i + 1] as number)) min = Math.min(min, orders.day[k] as number);
  }
  return min;
}

/** The calendar frame of a series starting at fromDay: null when it has no period before the as-of day. */
export interface SeriesFrame {
  period: PeriodKind;
  /** Index of the first period (periodIndex) and the number of periods. */
  first: number;
  count: number;
  /** First day of the first period. */
  startDay: number;
  /** Slot of each day in [startDay, asOfDay − 1]. */
  slots: Int32Array;
}

export function seriesFrame(period: PeriodKind, fromDay: number, asOfDay: number): SeriesFrame | null {
  if (!Number.isFinite(fromDay) || fromDay >= asOfDay) return null;
  const first = periodIndex(period, fromDay);
  const count = periodIndex(period, asOfDay - 1) - first + 1;
  if (count > MAX_PERIODS) throw new RangeError(`a series of ${count} ${period}s is too long (max ${MAX_PERIODS})`);
  const startDay = periodStartDay(period, first);
  return { period, first, count, startDay, slots: periodSlots(period, startDay, asOfDay - 1) };
}

function scanPeriods(data: MetricsData, options: SeriesOptions): PeriodCounters {
  assertCut(options.cut, data.customers);
  const frame = seriesFrame(options.period, seriesStart(data, options), data.asOfDay);
  return frame ? countPeriods(data, frame, options.cut) : emptyCounters();
}

/** Zeroed per-period counters of a frame. */
export function zeroCounters(frame: SeriesFrame): PeriodCounters {
  const { first, count } = frame;
  return {
    first,
    count,
    active: new Int32Array(count),
    retained: new Int32Array(count),
    orders: new Int32Array(count),
    revenue: new Float64Array(count),
    repeaters: new Int32Array(count),
  };
}

/** The per-period counters over the customers in the cut: one pass over their orders. */
function countPeriods(data: MetricsData, frame: SeriesFrame, cut?: Cut): PeriodCounters {
  const { customers, orders, asOfDay } = data;
  const { day, amount, offsets } = orders;
  const { startDay, slots } = frame;
  const c = zeroCounters(frame);
  for (let i = 0; i < customers.count; i++) {
    if (cut && !cut[i]) continue;
    let slot = -1;
    let days = 0;
    let lastDay = NaN;
    const to = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < to; k++) {
      const d = day[k] as number;
      if (d >= asOfDay) break;
      if (d < startDay) continue;
      const next = slots[d - startDay] as number;
      if (next !== slot) {
        if (slot >= 0) {
          finish(c, slot, days);
          if (next === slot + 1) c.retained[slot] = (c.retained[slot] as number) + 1;
        }
        slot = next;
        days = 0;
        lastDay = NaN;
      }
      c.orders[slot] = (c.orders[slot] as number) + 1;
      c.revenue[slot] = (c.revenue[slot] as number) + (amount[k] as number);
      if (d !== lastDay) {
        days++;
        lastDay = d;
      }
    }
    if (slot >= 0) finish(c, slot, days);
  }
  return c;
}

function finish(c: PeriodCounters, slot: number, days: number): void {
  c.active[slot] = (c.active[slot] as number) + 1;
  if (days > 1) c.repeaters[slot] = (c.repeaters[slot] as number) + 1;
}

export interface RetentionPoint {
  /** Label of period P (`2024-03`, `2024-Q1`, or the week's Monday `2024-03-04`). */
  period: string;
  startDay: number;
  endDay: number;
  /** Customers with ≥ 1 order in P. */
  active: number;
  /** Of those, customers with ≥ 1 order in P+1. */
  retained: number;
  /** retained / active. */
  retention: Ratio;
  /** 1 − retention; null when nobody was active in P. */
  churn: number | null;
  /** False while P+1 is still running at the as-of date (the rate can only grow). */
  complete: boolean;
}

/**
 * Period retention and churn as a series: of the customers active (≥ 1 order) in calendar period P, the
 * share also active in P+1; churn = 1 − retention. One point per period P whose successor has started before
 * the as-of day.
 */
export function periodRetention(data: MetricsData, options: SeriesOptions): RetentionPoint[] {
  const c = scanPeriods(data, options);
  const points: RetentionPoint[] = [];
  for (let s = 0; s + 1 < c.count; s++) {
    const p = c.first + s;
    const retention = ratio(c.retained[s] as number, c.active[s] as number);
    points.push({
      period: periodLabel(options.period, p),
      startDay: periodStartDay(options.period, p),
      endDay: periodEndDay(options.period, p),
      active: c.active[s] as number,
      retained: c.retained[s] as number,
      retention,
      churn: retention.value === null ? null : 1 - retention.value,
      complete: periodEndDay(options.period, p + 1) <= data.asOfDay - 1,
    });
  }
  return points;
}

export interface TrendPoint {
  period: string;
  startDay: number;
  /** Last day counted: the period's end, or the day before the as-of day for the running period. */
  endDay: number;
  /** False for the running period (cut short by the as-of day). */
  complete: boolean;
  activeCustomers: number;
  orders: number;
  /** Minor units. */
  revenue: number;
  /** revenue / orders, minor units. */
  aov: Ratio;
  /** Customers with ≥ 2 purchase days within the period / active customers. */
  repeatRate: Ratio;
  /** Share of this period's active customers active in the next period; null for the last period. */
  retention: Ratio | null;
  churn: number | null;
}

/**
 * Trend series, one point per calendar week/month/quarter from the first period to the one holding the
 * day before the as-of day: active customers, orders, revenue, AOV, repeat rate, retention and churn.
 */
export function trendSeries(data: MetricsData, options: SeriesOptions): TrendPoint[] {
  return trendPoints(scanPeriods(data, options), options.period, data.asOfDay);
}

/** The trend points of per-period counters (shared with the cut-independent index in seriesIndex.ts). */
export function trendPoints(c: PeriodCounters, period: PeriodKind, asOfDay: number): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (let s = 0; s < c.count; s++) {
    const p = c.first + s;
    const end = periodEndDay(period, p);
    const active = c.active[s] as number;
    const retention = s + 1 < c.count ? ratio(c.retained[s] as number, active) : null;
    points.push({
      period: periodLabel(period, p),
      startDay: periodStartDay(period, p),
      endDay: Math.min(end, asOfDay - 1),
      complete: end <= asOfDay - 1,
      activeCustomers: active,
      orders: c.orders[s] as number,
      revenue: c.revenue[s] as number,
      aov: ratio(c.revenue[s] as number, c.orders[s] as number),
      repeatRate: ratio(c.repeaters[s] as number, active),
      retention,
      churn: retention === null || retention.value === null ? null : 1 - retention.value,
    });
  }
  return points;
}
