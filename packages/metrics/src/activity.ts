// Purchase-activity KPIs over one day window: customers, active customers, repeat-purchase rate, AOV,
// purchase frequency, revenue and revenue per customer. All read orders strictly before the as-of day.
import { assertCut, type Cut } from './cut';
import { NO_DAY, type MetricsData } from './data';
import { ratio, type Ratio } from './ratio';
import { clipToAsOf, type DayWindow } from './window';

export interface KpiOptions {
  /** Only these customers (a segment, a holdout group); all customers when omitted. */
  cut?: Cut;
}

export interface WindowOptions extends KpiOptions {
  /** Inclusive day window, clipped to before the as-of day; all history before the as-of day when omitted. */
  window?: DayWindow;
}

/**
 * Customers: customer records that exist as of the as-of date — signed up before it, or with an order
 * before it, or with neither date known (cannot be placed in time, so counted). Customers whose signup and
 * orders all lie on or after the as-of date are not counted yet.
 */
export function countCustomers(data: MetricsData, options: KpiOptions = {}): number {
  const { customers, orders, asOfDay } = data;
  const { cut } = options;
  assertCut(cut, customers);
  let n = 0;
  for (let i = 0; i < customers.count; i++) {
    if (cut && !cut[i]) continue;
    const signup = customers.signupDay[i] as number;
    const from = orders.offsets[i] as number;
    const hasOrders = from < (orders.offsets[i + 1] as number);
    if (
      (signup !== NO_DAY && signup < asOfDay) ||
      (hasOrders && (orders.day[from] as number) < asOfDay) ||
      (signup === NO_DAY && !hasOrders)
    ) {
      n++;
    }
  }
  return n;
}

export interface OrderTotals {
  /** Orders in the window (every order counts, including same-day and zero-amount orders). */
  orders: number;
  /** Sum of their amounts, minor units. */
  revenue: number;
  /** Customers with ≥ 1 order in the window. */
  customers: number;
  /** Distinct (customer, day) pairs in the window. */
  purchaseDays: number;
  /** Customers with ≥ 2 distinct purchase days in the window. */
  repeatCustomers: number;
}

/** One pass over the window's orders: the totals every activity KPI below is a ratio of. */
export function orderTotals(data: MetricsData, options: WindowOptions = {}): OrderTotals {
  const { customers, orders, asOfDay } = data;
  const { cut } = options;
  assertCut(cut, customers);
  const { start, end } = clipToAsOf(options.window, asOfDay);
  const totals: OrderTotals = { orders: 0, revenue: 0, customers: 0, purchaseDays: 0, repeatCustomers: 0 };
  if (start > end) return totals;
  const { day, amount, offsets } = orders;
  for (let i = 0; i < customers.count; i++) {
    if (cut && !cut[i]) continue;
    let days = 0;
    let lastDay = NaN;
    const to = offsets[i + 1] as number;
    for (let k = offsets[i] as number; k < to; k++) {
      const d = day[k] as number;
      if (d > end) break;
      if (d < start) continue;
      totals.orders++;
      totals.revenue += amount[k] as number;
      if (d !== lastDay) {
        days++;
        lastDay = d;
      }
    }
    if (days > 0) totals.customers++;
    if (days > 1) totals.repeatCustomers++;
    totals.purchaseDays += days;
  }
  return totals;
}

/** Active customers: customers with ≥ 1 order in the window. */
export function countActiveCustomers(data: MetricsData, options: WindowOptions & { window: DayWindow }): number {
  return orderTotals(data, options).customers;
}

/**
 * Repeat-purchase rate: customers with ≥ 2 distinct purchase days / customers with ≥ 1 purchase. Over all
 * history before the as-of day by default; with a window, only purchase days inside the window count.
 */
export function repeatPurchaseRate(data: MetricsData, options: WindowOptions = {}): Ratio {
  const t = orderTotals(data, options);
  return ratio(t.repeatCustomers, t.customers);
}

/** Revenue (minor units): sum of order amounts in the window. */
export function totalRevenue(data: MetricsData, options: WindowOptions = {}): number {
  return orderTotals(data, options).revenue;
}

/** Average order value (minor units per order): revenue / orders in the window. */
export function averageOrderValue(data: MetricsData, options: WindowOptions = {}): Ratio {
  const t = orderTotals(data, options);
  return ratio(t.revenue, t.orders);
}

/** Purchase frequency: orders / customers with ≥ 1 order, in the window. */
export function purchaseFrequency(data: MetricsData, options: WindowOptions = {}): Ratio {
  const t = orderTotals(data, options);
  return ratio(t.orders, t.customers);
}

/**
 * Revenue per customer (historical CLV when the window is all history): revenue / customers with ≥ 1 order
 * in the window, minor units.
 */
export function revenuePerCustomer(data: MetricsData, options: WindowOptions = {}): Ratio {
  const t = orderTotals(data, options);
  return ratio(t.revenue, t.customers);
}
