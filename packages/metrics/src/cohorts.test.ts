import { describe, expect, it } from 'vitest';
import { cohortRetention } from './cohorts';
import { cutFromIndexes } from './cut';
import { buildOrderColumns, plainCustomers } from './data';
import { d, handData } from './testing/handData';

const data = handData();
const cell = (c: { customers: number; revenue: number; customerRetention: number; revenueRetention: number | null; complete: boolean }) => [
  c.customers,
  c.revenue,
  c.customerRetention,
  c.revenueRetention,
  c.complete,
];

describe('cohortRetention', () => {
  it('builds the triangle by customers and by revenue', () => {
    // January cohort = customers 0 and 1 (4500 in January); customer 0 alone buys in February (2000) and in
    // March (0). February cohort = customer 2: 1500 in February, 2500 in March.
    const rows = cohortRetention(data);
    expect(rows.map((r) => [r.cohort, r.size, r.startDay])).toEqual([
      ['2024-01', 2, d('2024-01-01')],
      ['2024-02', 1, d('2024-02-01')],
    ]);
    expect(rows[0]?.cells.map(cell)).toEqual([
      [2, 4500, 1, 1, true],
      [1, 2000, 0.5, 2000 / 4500, true],
      [1, 0, 0.5, 0, true],
    ]);
    expect(rows[1]?.cells.map(cell)).toEqual([
      [1, 1500, 1, 1, true],
      [1, 2500, 1, 2500 / 1500, true],
    ]);
  });

  it('marks the running month incomplete and ignores orders on or after the as-of day', () => {
    const rows = cohortRetention({ ...data, asOfDay: d('2024-03-16') });
    expect(rows[0]?.cells.at(-1)).toMatchObject({ monthsSinceFirst: 2, customers: 0, revenue: 0, complete: false });
    expect(rows[1]?.cells.at(-1)).toMatchObject({ customers: 1, revenue: 2500, complete: false });
  });

  it('leaves revenue retention empty when month 0 revenue is zero, and skips empty cohort months', () => {
    const orders = buildOrderColumns(2, [
      { customer: 0, day: d('2024-01-10'), amount: 0 },
      { customer: 0, day: d('2024-02-10'), amount: 800 },
      { customer: 1, day: d('2024-03-03'), amount: 100 },
    ]);
    const rows = cohortRetention({ customers: plainCustomers(2), orders, asOfDay: d('2024-04-01') });
    expect(rows.map((r) => r.cohort)).toEqual(['2024-01', '2024-03']);
    expect(rows[0]?.cells.map((c) => c.revenueRetention)).toEqual([null, null, null]);
    expect(rows[0]?.cells.map((c) => c.customerRetention)).toEqual([1, 1, 0]);
  });

  it('honours the cut and fromDay', () => {
    expect(cohortRetention(data, { cut: cutFromIndexes(7, [2]) }).map((r) => r.cohort)).toEqual(['2024-02']);
    expect(cohortRetention(data, { fromDay: d('2024-02-15') }).map((r) => [r.cohort, r.size])).toEqual([['2024-02', 1]]);
    expect(cohortRetention(data, { cut: cutFromIndexes(7, [3, 5]) })).toEqual([]);
  });
});
