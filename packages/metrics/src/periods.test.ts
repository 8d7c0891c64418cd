import { describe, expect, it } from 'vitest';
import { cutFromIndexes } from './cut';
import { buildOrderColumns, plainCustomers, type MetricsData } from './data';
import { periodRetention, trendSeries } from './periods';
import { d, handData } from './testing/handData';

const data = handData();

describe('periodRetention', () => {
  it('monthly: of those active in P, the share active in P+1', () => {
    // Active: Jan {0, 1}, Feb {0, 2}, Mar {0, 2}. April has not begun (as of 04-01), so March has no point.
    const points = periodRetention(data, { period: 'month' });
    expect(points.map((p) => [p.period, p.active, p.retained, p.retention.value, p.churn, p.complete])).toEqual([
      ['2024-01', 2, 1, 0.5, 0.5, true],
      ['2024-02', 2, 2, 1, 0, true],
    ]);
    expect(points[0]).toMatchObject({ startDay: d('2024-01-01'), endDay: d('2024-01-31') });
  });

  it('quarterly: no point until the next quarter has begun', () => {
    expect(periodRetention(data, { period: 'quarter' })).toEqual([]);
    const later = { ...data, asOfDay: d('2024-05-01') };
    // Q1 active {0, 1, 2}; in Q2 (to 04-30) only customer 0's as-of-day order and customer 4 (not in Q1).
    const [q1] = periodRetention(later, { period: 'quarter' });
    expect(q1).toMatchObject({ period: '2024-Q1', active: 3, retained: 1, complete: false });
  });

  it('marks a point incomplete while P+1 is still running', () => {
    const midApril = { ...data, asOfDay: d('2024-04-16') };
    const points = periodRetention(midApril, { period: 'month' });
    expect(points.at(-1)).toMatchObject({ period: '2024-03', active: 2, retained: 1, complete: false });
  });

  it('weekly, Monday to Sunday, with a customer who skips a week counted as churned', () => {
    // Mon 2024-03-04 … Sun 03-10; customer 0 buys on Sun 03-10 and Mon 03-11 (consecutive weeks), customer 1 on
    // 03-04 and 03-18 (skips the week of 03-11).
    const orders = buildOrderColumns(2, [
      { customer: 0, day: d('2024-03-10'), amount: 1 },
      { customer: 0, day: d('2024-03-11'), amount: 1 },
      { customer: 1, day: d('2024-03-04'), amount: 1 },
      { customer: 1, day: d('2024-03-18'), amount: 1 },
    ]);
    const weekly: MetricsData = { customers: plainCustomers(2), orders, asOfDay: d('2024-03-25') };
    expect(periodRetention(weekly, { period: 'week' }).map((p) => [p.period, p.active, p.retained])).toEqual([
      ['2024-03-04', 2, 1],
      ['2024-03-11', 1, 0],
    ]);
    // As of Monday 03-25 the week of 03-18 is complete but its successor has not begun: no point for it yet.
    const later = periodRetention({ ...weekly, asOfDay: d('2024-03-26') }, { period: 'week' });
    expect(later.at(-1)).toMatchObject({ period: '2024-03-18', active: 1, retained: 0, complete: false });
  });

  it('starts at fromDay and honours the cut', () => {
    const points = periodRetention(data, { period: 'month', fromDay: d('2024-02-20'), cut: cutFromIndexes(7, [0, 1]) });
    expect(points.map((p) => [p.period, p.active, p.retained])).toEqual([['2024-02', 1, 1]]);
  });

  it('is empty without orders', () => {
    expect(periodRetention({ ...data, orders: buildOrderColumns(7, []) }, { period: 'month' })).toEqual([]);
  });

  it('refuses a series absurdly long', () => {
    expect(() => periodRetention(data, { period: 'week', fromDay: -400_000 })).toThrow(RangeError);
  });
});

describe('trendSeries', () => {
  it('monthly values worked out by hand', () => {
    // Jan: customer 0 (1000 + 500 on one day), customer 1 (3000). Feb: 0 (2000), 2 (1500). Mar: 0 (0), 2 (2500).
    const points = trendSeries(data, { period: 'month' });
    expect(
      points.map((p) => [p.period, p.activeCustomers, p.orders, p.revenue, p.aov.value, p.repeatRate.value, p.retention?.value ?? null, p.complete]),
    ).toEqual([
      ['2024-01', 2, 3, 4500, 1500, 0, 0.5, true],
      ['2024-02', 2, 2, 3500, 1750, 0, 1, true],
      ['2024-03', 2, 2, 2500, 1250, 0, null, true],
    ]);
    expect(points[0]?.churn).toBe(0.5);
    expect(points[2]?.churn).toBeNull();
  });

  it('cuts the running period at the day before the as-of date', () => {
    const points = trendSeries({ ...data, asOfDay: d('2024-03-20') }, { period: 'month' });
    const march = points.at(-1);
    expect(march).toMatchObject({ period: '2024-03', endDay: d('2024-03-19'), complete: false, orders: 1, revenue: 2500 });
  });

  it('counts a repeat only for two purchase days inside one period', () => {
    const orders = buildOrderColumns(1, [
      { customer: 0, day: d('2024-01-02'), amount: 10 },
      { customer: 0, day: d('2024-01-02'), amount: 10 },
      { customer: 0, day: d('2024-01-30'), amount: 10 },
    ]);
    const [jan] = trendSeries({ customers: plainCustomers(1), orders, asOfDay: d('2024-02-01') }, { period: 'month' });
    expect(jan).toMatchObject({ orders: 3, revenue: 30, activeCustomers: 1 });
    expect(jan?.repeatRate.value).toBe(1);
  });
});
