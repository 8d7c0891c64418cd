// Cohort retention triangle: customers grouped by the calendar month of their first order; month-N
// retention is the share of the cohort that bought in calendar month first+N, and revenue retention is the
// cohort's revenue in month N over its revenue in month 0.
import type { KpiOptions } from './activity';
import { monthIndex, monthStartDay, periodEndDay, periodLabel, periodSlots } from './calendar';
import { assertCut } from './cut';
import type { MetricsData } from './data';

/** Widest triangle (months from the first cohort to the as-of month) before refusing. */
const MAX_MONTHS = 1200;

export interface CohortCell {
  /** N: calendar months since the cohort's first month. */
  monthsSinceFirst: number;
  /** Cohort customers with ≥ 1 order in month first+N. */
  customers: number;
  /** The cohort's revenue in month first+N, minor units. */
  revenue: number;
  /** customers / cohort size. */
  customerRetention: number;
  /** revenue / month-0 revenue; null when month-0 revenue is 0. */
  revenueRetention: number | null;
  /** False while month first+N is still running at the as-of date. */
  complete: boolean;
}

export interface CohortRow {
  /** `YYYY-MM` of the first order. */
  cohort: string;
  startDay: number;
  /** Customers whose first order fell in this month. */
  size: number;
  /** Month 0 first; one cell per month up to the month holding the day before the as-of day. */
  cells: CohortCell[];
}

export interface CohortOptions extends KpiOptions {
  /** Only cohorts whose first month is at or after the month containing this day. */
  fromDay?: number;
}

/** The cohort retention triangle, by customers and by revenue, from orders strictly before the as-of day. */
export function cohortRetention(data: MetricsData, options: CohortOptions = {}): CohortRow[] {
  const { customers, orders, asOfDay } = data;
  const { cut } = options;
  assertCut(cut, customers);
  const { day, amount, offsets } = orders;
  const lastMonth = monthIndex(asOfDay - 1);
  const minMonth = options.fromDay === undefined ? -Infinity : monthIndex(options.fromDay);
  // First pass: the earliest cohort month, so the triangle can be dense arrays.
  let firstMonth = Infinity;
  for (let i = 0; i < customers.count; i++) {
    if (cut && !cut[i]) continue;
    const k = offsets[i] as number;
    if (k < (offsets[i + 1] as number) && (day[k] as number) < asOfDay) {
      const m = monthIndex(day[k] as number);
      if (m >= minMonth) firstMonth = Math.min(firstMonth, m);
    }
  }
  if (!Number.isFinite(firstMonth)) return [];
  const width = lastMonth - firstMonth + 1;
  if (width > MAX_MONTHS) throw new RangeError(`a triangle of ${width} months is too wide (max ${MAX_MONTHS})`);
  const firstDay = monthStartDay(firstMonth);
  const slots = periodSlots('month', firstDay, asOfDay - 1);
  const sizes = new Int32Array(width);
  const buyers = new Int32Array(width * width);
  const revenue = new Float64Array(width * width);
  for (let i = 0; i < customers.count; i++) {
    if (cut && !cut[i]) continue;
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    if (from >= to || (day[from] as number) >= asOfDay || (day[from] as number) < firstDay) continue;
    const cohort = slots[(day[from] as number) - firstDay] as number;
    sizes[cohort] = (sizes[cohort] as number) + 1;
    let current = -1;
    for (let k = from; k < to; k++) {
      const d = day[k] as number;
      if (d >= asOfDay) break;
      const month = slots[d - firstDay] as number;
      const cell = cohort * width + (month - cohort);
      if (month !== current) {
        current = month;
        buyers[cell] = (buyers[cell] as number) + 1;
      }
      revenue[cell] = (revenue[cell] as number) + (amount[k] as number);
    }
  }
  const rows: CohortRow[] = [];
  for (let c = 0; c < width; c++) {
    const size = sizes[c] as number;
    if (size === 0) continue;
    const month = firstMonth + c;
    const base = revenue[c * width] as number;
    const cells: CohortCell[] = [];
    for (let n = 0; month + n <= lastMonth; n++) {
      const buyersN = buyers[c * width + n] as number;
      const revenueN = revenue[c * width + n] as number;
      cells.push({
        monthsSinceFirst: n,
        customers: buyersN,
        revenue: revenueN,
        customerRetention: buyersN / size,
        revenueRetention: base === 0 ? null : revenueN / base,
        complete: periodEndDay('month', month + n) <= asOfDay - 1,
      });
    }
    rows.push({ cohort: periodLabel('month', month), startDay: monthStartDay(month), size, cells });
  }
  return rows;
}
