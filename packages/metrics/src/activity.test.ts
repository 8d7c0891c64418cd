import { describe, expect, it } from 'vitest';
import {
  averageOrderValue,
  countActiveCustomers,
  countCustomers,
  orderTotals,
  purchaseFrequency,
  repeatPurchaseRate,
  revenuePerCustomer,
  totalRevenue,
} from './activity';
import { cutFromIndexes } from './cut';
import { buildOrderColumns, plainCustomers } from './data';
import { d, handData } from './testing/handData';
import { betweenDays, lastNDays, moreThanNDaysAgo, type DayWindow } from './window';

const data = handData();
const asOf = data.asOfDay;

describe('countCustomers', () => {
  it('counts records that exist as of the as-of date', () => {
    // 0, 1, 2 ordered before it; 3 signed up before it; 5 has no dates at all.
    // 4 only ordered after it and 6 signs up after it.
    expect(countCustomers(data)).toBe(5);
  });

  it('respects a cut and rejects one of the wrong size', () => {
    expect(countCustomers(data, { cut: cutFromIndexes(7, [3, 4, 6]) })).toBe(1);
    expect(() => countCustomers(data, { cut: new Uint8Array(3) })).toThrow(RangeError);
  });

  it('counts a customer whose as-of-day order is their only one as not yet a customer', () => {
    const orders = buildOrderColumns(1, [{ customer: 0, day: 100, amount: 5 }]);
    expect(countCustomers({ customers: plainCustomers(1), orders, asOfDay: 100 })).toBe(0);
    expect(countCustomers({ customers: plainCustomers(1), orders, asOfDay: 101 })).toBe(1);
  });
});

describe('window KPIs on hand-computed cases', () => {
  // All history before 2024-04-01: customer 0 has 4 orders on 3 days (2024-01-05 twice, 02-10, 03-31 with
  // amount 0) = 3500, customer 1 one order = 3000, customer 2 two orders on two days = 4000. Customer 0's
  // 9999 on the as-of day and customer 4's later order do not count.
  const cases: {
    name: string;
    window?: DayWindow;
    orders: number;
    revenue: number;
    customers: number;
    repeat: number;
  }[] = [
    { name: 'all history', orders: 7, revenue: 10500, customers: 3, repeat: 2 },
    // [03-02, 03-31]: customer 0's zero-amount order and customer 2's 2500.
    { name: 'last 30 days', window: lastNDays(asOf, 30), orders: 2, revenue: 2500, customers: 2, repeat: 0 },
    // Both boundaries inclusive: the two same-day orders are one purchase day, not a repeat.
    { name: 'one day with two orders', window: betweenDays(d('2024-01-05'), d('2024-01-05')), orders: 2, revenue: 1500, customers: 1, repeat: 0 },
    { name: 'between 01-06 and 02-10', window: betweenDays(d('2024-01-06'), d('2024-02-10')), orders: 3, revenue: 6500, customers: 3, repeat: 0 },
    { name: 'between 01-05 and 02-10', window: betweenDays(d('2024-01-05'), d('2024-02-10')), orders: 5, revenue: 8000, customers: 3, repeat: 1 },
    // Clipped at 03-31: the as-of day's 9999 is left out.
    { name: 'window past the as-of date', window: betweenDays(d('2024-03-31'), d('2024-04-30')), orders: 1, revenue: 0, customers: 1, repeat: 0 },
    { name: 'window after the as-of date', window: betweenDays(asOf, asOf + 10), orders: 0, revenue: 0, customers: 0, repeat: 0 },
    { name: 'empty window', window: betweenDays(d('2024-02-01'), d('2024-01-01')), orders: 0, revenue: 0, customers: 0, repeat: 0 },
    // More than 60 days ago = before 2024-02-01: customer 0's 01-05 orders and customer 1.
    { name: 'more than 60 days ago', window: moreThanNDaysAgo(asOf, 60), orders: 3, revenue: 4500, customers: 2, repeat: 0 },
  ];

  it.each(cases)('$name', ({ window, orders, revenue, customers, repeat }) => {
    const t = orderTotals(data, { window });
    expect(t).toMatchObject({ orders, revenue, customers, repeatCustomers: repeat });
    expect(totalRevenue(data, { window })).toBe(revenue);
    expect(countActiveCustomers(data, { window: window ?? betweenDays(-1e9, 1e9) })).toBe(customers);
    const rate = repeatPurchaseRate(data, { window });
    expect(rate).toEqual({ numerator: repeat, denominator: customers, value: customers ? repeat / customers : null });
    expect(averageOrderValue(data, { window }).value).toBe(orders ? revenue / orders : null);
    expect(purchaseFrequency(data, { window }).value).toBe(customers ? orders / customers : null);
    expect(revenuePerCustomer(data, { window }).value).toBe(customers ? revenue / customers : null);
  });

  it('gives the overall values worked out above', () => {
    expect(repeatPurchaseRate(data).value).toBeCloseTo(2 / 3, 15);
    expect(averageOrderValue(data).value).toBe(1500);
    expect(purchaseFrequency(data).value).toBeCloseTo(7 / 3, 15);
    expect(revenuePerCustomer(data).value).toBe(3500);
    expect(orderTotals(data).purchaseDays).toBe(6);
  });

  it('restricts every total to the cut', () => {
    const cut = cutFromIndexes(7, [1, 2]);
    expect(orderTotals(data, { cut })).toEqual({ orders: 3, revenue: 7000, customers: 2, purchaseDays: 3, repeatCustomers: 1 });
    expect(repeatPurchaseRate(data, { cut }).value).toBe(0.5);
  });

  it('rejects a non-positive "last N days"', () => {
    expect(() => lastNDays(asOf, 0)).toThrow(RangeError);
  });
});
