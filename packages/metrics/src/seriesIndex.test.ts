// The cut-independent series index gives exactly trendSeries and csat per period for any cut: random data
// (fast-check, fixed seed) with random, empty and everyone cuts, one index reused across all of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToDay } from './calendar';
import { csat } from './csat';
import { buildCustomerColumns, buildOrderColumns, buildSurveyColumns, plainCustomers, type MetricsData } from './data';
import { trendSeries } from './periods';
import { csatSeriesOf, seriesIndex, trendSeriesOf } from './seriesIndex';

const asOfDay = isoToDay('2024-07-01');

const dataArb = fc
  .record({
    customers: fc.integer({ min: 1, max: 15 }),
    // Fractional amounts too: the per-period sums must be added in the same order as trendSeries adds them.
    // A few fixed days make orders on the same day (one purchase day) common.
    orders: fc.array(fc.record({ c: fc.nat(), day: fc.oneof(fc.integer({ min: -400, max: 30 }), fc.constantFrom(-40, -33, -3)), amount: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 100, noNaN: true })) }), { maxLength: 80 }),
    surveys: fc.array(fc.record({ c: fc.nat(), day: fc.integer({ min: -400, max: 30 }), value: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Number.NaN), fc.double({ min: 1, max: 5, noNaN: true })) }), { maxLength: 40 }),
    cuts: fc.array(fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }), { minLength: 1, maxLength: 4 }),
    period: fc.constantFrom('month' as const, 'week' as const, 'quarter' as const),
    from: fc.integer({ min: -420, max: 40 }),
  })
  .map(({ customers, orders, surveys, cuts, period, from }) => {
    const data: MetricsData = {
      asOfDay,
      customers: plainCustomers(customers),
      orders: buildOrderColumns(customers, orders.map((o) => ({ customer: o.c % customers, day: asOfDay + o.day, amount: o.amount }))),
      surveys: buildSurveyColumns(surveys.map((s) => ({ customer: s.c % customers, day: asOfDay + s.day, value: s.value }))),
    };
    const masks = cuts.map((cut) => Uint8Array.from(cut.slice(0, customers), (b) => (b ? 1 : 0)));
    // Edge cases beside the random ones: nobody, everyone, and no cut at all.
    const all = [...masks, new Uint8Array(customers), new Uint8Array(customers).fill(1), undefined];
    return { data, cuts: all, period, fromDay: asOfDay + from };
  });

describe('seriesIndex', () => {
  it('gives trendSeries and csat per period exactly, for every cut of one index', () => {
    fc.assert(
      fc.property(dataArb, ({ data, cuts, period, fromDay }) => {
        const index = seriesIndex(data, { period, fromDay });
        for (const cut of cuts) {
          const trend = trendSeries(data, { period, fromDay, cut });
          expect(trendSeriesOf(index, cut)).toEqual(trend);
          expect(csatSeriesOf(index, cut)).toEqual(trend.map((p) => csat(data, { window: { start: p.startDay, end: p.endDay }, cut })));
        }
      }),
      { seed: 20241124, numRuns: 300 },
    );
  });

  it('is empty when the range starts on or after the as-of day, and refuses a cut of another size', () => {
    const data: MetricsData = {
      asOfDay,
      customers: buildCustomerColumns([{ signupDay: asOfDay - 10 }, { signupDay: null }]),
      orders: buildOrderColumns(2, [{ customer: 0, day: asOfDay - 3, amount: 100 }]),
    };
    const late = seriesIndex(data, { period: 'month', fromDay: asOfDay });
    expect(trendSeriesOf(late)).toEqual([]);
    expect(csatSeriesOf(late)).toEqual([]);
    const index = seriesIndex(data, { period: 'month', fromDay: asOfDay - 40 });
    expect(trendSeriesOf(index).map((p) => p.orders)).toEqual([0, 1]);
    expect(csatSeriesOf(index).map((r) => r.responses)).toEqual([0, 0]);
    expect(() => trendSeriesOf(index, new Uint8Array(3))).toThrow(RangeError);
    expect(() => csatSeriesOf(index, new Uint8Array(1))).toThrow(RangeError);
  });
});
