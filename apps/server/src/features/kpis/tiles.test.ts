// The tile helpers that are not a single metrics call: the one-pass first/second purchase counts behind new
// customers and the all-history repeat rate per period end, checked against the metrics functions on random
// data (fast-check, fixed seed), and the choice of the tile period.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCustomerColumns, buildOrderColumns, countCustomers, isoToDay, plainCustomers, repeatPurchaseRate, trendSeries, type MetricsData } from '@kizuna/metrics';
import { computeTiles, cumulativeRepeatRates, customersAtPeriodEnds, firstPurchaseCounts } from './tiles';

const asOfDay = isoToDay('2024-07-01');

const dataArb = fc
  .record({
    customers: fc.integer({ min: 1, max: 12 }),
    orders: fc.array(fc.record({ c: fc.nat(), day: fc.integer({ min: -200, max: 20 }), amount: fc.integer({ min: 0, max: 5000 }) }), { maxLength: 60 }),
    cut: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    signups: fc.array(fc.option(fc.integer({ min: -250, max: 30 }), { nil: null }), { minLength: 12, maxLength: 12 }),
    period: fc.constantFrom('month' as const, 'week' as const),
    from: fc.integer({ min: -150, max: -1 }),
  })
  .map(({ customers, orders, cut, signups, period, from }) => {
    const rows = orders.map((o) => ({ customer: o.c % customers, day: asOfDay + o.day, amount: o.amount }));
    const people = buildCustomerColumns(signups.slice(0, customers).map((s) => ({ signupDay: s === null ? null : asOfDay + s })));
    const data: MetricsData = { asOfDay, customers: people, orders: buildOrderColumns(customers, rows) };
    return { data, cut: Uint8Array.from(cut.slice(0, customers), (b) => (b ? 1 : 0)), period, fromDay: asOfDay + from };
  });

describe('one-pass series: customers, first orders and the repeat rate per period end', () => {
  it('equal countCustomers and repeatPurchaseRate as of each period end, and count first orders per period', () => {
    fc.assert(
      fc.property(dataArb, fc.boolean(), ({ data, cut, period, fromDay }, useCut) => {
        const c = useCut ? cut : undefined;
        const trend = trendSeries(data, { period, fromDay, cut: c });
        const counts = firstPurchaseCounts(data, trend, period, c);
        const rates = cumulativeRepeatRates(counts);
        const existing = customersAtPeriodEnds(data, trend, period, c);
        trend.forEach((p, s) => {
          expect(existing[s]).toBe(countCustomers({ ...data, asOfDay: p.endDay + 1 }, { cut: c }));
          expect(rates[s]).toEqual(repeatPurchaseRate({ ...data, asOfDay: p.endDay + 1 }, { cut: c }));
          let firsts = 0;
          for (let i = 0; i < data.customers.count; i++) {
            const k = data.orders.offsets[i]!;
            if ((!c || c[i]) && k < data.orders.offsets[i + 1]! && data.orders.day[k]! >= p.startDay && data.orders.day[k]! <= p.endDay) firsts++;
          }
          expect(counts.newBySlot[s]).toBe(firsts);
        });
      }),
      { seed: 20240701, numRuns: 200 },
    );
  });
});

describe('computeTiles', () => {
  const rows = [
    { customer: 0, day: isoToDay('2024-05-03'), amount: 100 },
    { customer: 0, day: isoToDay('2024-06-10'), amount: 300 },
    { customer: 1, day: isoToDay('2024-06-20'), amount: 200 },
  ];
  const data: MetricsData = { asOfDay, customers: plainCustomers(2), orders: buildOrderColumns(2, rows) };
  const noModel = () => null;

  it('shows the last complete period and compares it with the one before', () => {
    const { tiles, current, trend } = computeTiles({ view: data, period: 'month', fromDay: isoToDay('2024-05-01'), clvAt: noModel });
    expect(trend.map((r) => r.period)).toEqual(['2024-05', '2024-06']);
    expect(current).toBe(1);
    const active = tiles.find((t) => t.id === 'active_customers')!;
    expect(active).toMatchObject({ value: 2, previous: 1, delta: 1, relative: 1 });
    expect(tiles.find((t) => t.id === 'retention')).toMatchObject({ value: 1, previous: null, numerator: 1, denominator: 1 });
    expect(tiles.find((t) => t.id === 'churn')).toMatchObject({ value: 0 });
    expect(tiles.find((t) => t.id === 'predicted_clv')).toMatchObject({ value: null, series: [{ period: '2024-05', value: null }, { period: '2024-06', value: null }] });
  });

  it('falls back to the running period when the range has no complete one', () => {
    const view = { ...data, asOfDay: isoToDay('2024-06-15') };
    const { current, trend, tiles } = computeTiles({ view, period: 'month', fromDay: isoToDay('2024-06-01'), clvAt: noModel });
    expect(trend).toHaveLength(1);
    expect(trend[0]).toMatchObject({ period: '2024-06', complete: false, endDate: '2024-06-14' });
    expect(current).toBe(0);
    expect(tiles.find((t) => t.id === 'aov')).toMatchObject({ value: 300, previous: null });
  });

  it('averages the predicted CLV of the customers in the cut with a prediction', () => {
    const clv = Float64Array.from([1000, Number.NaN]);
    const { tiles } = computeTiles({ view: data, period: 'month', fromDay: isoToDay('2024-05-01'), cut: Uint8Array.from([1, 1]), clvAt: () => clv });
    expect(tiles.find((t) => t.id === 'predicted_clv')).toMatchObject({ value: 1000, previous: 1000, numerator: 1000, denominator: 1 });
  });
});
