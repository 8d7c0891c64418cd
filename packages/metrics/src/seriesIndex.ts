// What a trend series over a fixed range needs that does not depend on the cut: the calendar frame, each
// customer's orders within the range and each survey answer's period. Built once per view, it gives the
// trend and CSAT series of any number of cuts (segments compared side by side) with one short pass each,
// equal to trendSeries and a csat call per period.
import { ratio } from './ratio';
import type { CsatResult } from './csat';
import { assertCut, type Cut } from './cut';
import type { MetricsData } from './data';
import { seriesFrame, trendPoints, zeroCounters, type PeriodCounters, type SeriesFrame, type TrendPoint } from './periods';
import type { PeriodKind } from './calendar';

export interface SeriesIndex {
  data: MetricsData;
  period: PeriodKind;
  fromDay: number;
  /** Null when the range holds no period before the as-of day (every series is empty). */
  frame: SeriesFrame | null;
  window: WindowOrders;
  /** Period slot of each survey answer, −1 outside the series. */
  surveySlot: Int32Array;
}

/**
 * Each customer's orders dated in [startDay, asOfDay), with their period slot worked out: customer i's are
 * codes [start[i], start[i+1]), code = slot × 2 (+ 1 when the order starts a new purchase day), and code j
 * of customer i is order j + shift[i] of the order columns.
 */
export interface WindowOrders {
  start: Int32Array;
  shift: Int32Array;
  code: Int32Array;
}

function windowOrders(data: MetricsData, frame: SeriesFrame): WindowOrders {
  const { customers, orders, asOfDay } = data;
  const { day, offsets } = orders;
  const { startDay, slots } = frame;
  const n = customers.count;
  const start = new Int32Array(n + 1);
  const shift = new Int32Array(n);
  // Orders of a customer are sorted by day: the range is one contiguous run.
  for (let i = 0; i < n; i++) {
    const end = offsets[i + 1] as number;
    let k = offsets[i] as number;
    while (k < end && (day[k] as number) < startDay) k++;
    const from = k;
    while (k < end && (day[k] as number) < asOfDay) k++;
    shift[i] = from - (start[i] as number);
    start[i + 1] = (start[i] as number) + (k - from);
  }
  const code = new Int32Array(start[n] as number);
  for (let i = 0; i < n; i++) {
    const base = shift[i] as number;
    for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
      const d = day[j + base] as number;
      const newDay = j === start[i] || d !== (day[j + base - 1] as number);
      code[j] = (slots[d - startDay] as number) * 2 + (newDay ? 1 : 0);
    }
  }
  return { start, shift, code };
}

/** trendSeries' counters from the window: the same additions in the same order, without searching the days. */
function countWindow(index: SeriesIndex, frame: SeriesFrame, cut: Cut | undefined): PeriodCounters {
  const c = zeroCounters(frame);
  const { active, retained, orders, revenue, repeaters } = c;
  const amount = index.data.orders.amount;
  const { start, shift, code } = index.window;
  const n = index.data.customers.count;
  for (let i = 0; i < n; i++) {
    if (cut && !cut[i]) continue;
    const from = start[i] as number;
    const to = start[i + 1] as number;
    if (from === to) continue;
    const base = shift[i] as number;
    let slot = -1;
    let days = 0;
    for (let j = from; j < to; j++) {
      const x = code[j] as number;
      const next = x >> 1;
      if (next !== slot) {
        if (slot >= 0) {
          active[slot]!++;
          if (days > 1) repeaters[slot]!++;
          if (next === slot + 1) retained[slot]!++;
        }
        slot = next;
        days = 0;
      }
      orders[slot]!++;
      revenue[slot] = (revenue[slot] as number) + (amount[j + base] as number);
      days += x & 1;
    }
    active[slot]!++;
    if (days > 1) repeaters[slot]!++;
  }
  return c;
}

/** The cut-independent part of trendSeries(data, { period, fromDay }) and of CSAT per period of it. */
export function seriesIndex(data: MetricsData, options: { period: PeriodKind; fromDay: number }): SeriesIndex {
  const frame = seriesFrame(options.period, options.fromDay, data.asOfDay);
  const surveys = data.surveys;
  const surveySlot = new Int32Array(surveys ? surveys.day.length : 0).fill(-1);
  if (!frame) return { data, period: options.period, fromDay: options.fromDay, frame, window: { start: new Int32Array(1), shift: new Int32Array(0), code: new Int32Array(0) }, surveySlot };
  if (surveys) {
    for (let k = 0; k < surveySlot.length; k++) {
      const d = surveys.day[k] as number;
      if (d >= frame.startDay && d < data.asOfDay) surveySlot[k] = frame.slots[d - frame.startDay] as number;
    }
  }
  return { data, period: options.period, fromDay: options.fromDay, frame, window: windowOrders(data, frame), surveySlot };
}

/** Equal to trendSeries(index.data, { period, fromDay, cut }). */
export function trendSeriesOf(index: SeriesIndex, cut?: Cut): TrendPoint[] {
  assertCut(cut, index.data.customers);
  if (!index.frame) return [];
  return trendPoints(countWindow(index, index.frame, cut), index.period, index.data.asOfDay);
}

/** Equal to csat(index.data, { window: [p.startDay, p.endDay], cut }) for each point p of the trend series. */
export function csatSeriesOf(index: SeriesIndex, cut?: Cut): CsatResult[] {
  assertCut(cut, index.data.customers);
  const n = index.frame ? index.frame.count : 0;
  const responses = new Int32Array(n);
  const satisfied = new Int32Array(n);
  const ignored = new Int32Array(n);
  // Per period, answers are added in their stored order, as csat does: the same float sums.
  const sums = new Float64Array(n);
  const surveys = index.data.surveys;
  if (surveys && n > 0) {
    const { surveySlot } = index;
    for (let k = 0; k < surveySlot.length; k++) {
      const s = surveySlot[k] as number;
      if (s < 0) continue;
      if (cut && !cut[surveys.customer[k] as number]) continue;
      const v = surveys.value[k] as number;
      if (!(v >= 1 && v <= 5)) {
        ignored[s] = (ignored[s] as number) + 1;
        continue;
      }
      responses[s] = (responses[s] as number) + 1;
      sums[s] = (sums[s] as number) + v;
      if (v >= 4) satisfied[s] = (satisfied[s] as number) + 1;
    }
  }
  return Array.from(responses, (r, s) => ({
    responses: r,
    satisfied: satisfied[s] as number,
    share: ratio(satisfied[s] as number, r),
    mean: r ? (sums[s] as number) / r : null,
    ignored: ignored[s] as number,
  }));
}
