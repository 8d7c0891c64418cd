// The cached tile index gives exactly what computeTiles read before it existed: firstPurchaseCounts and
// customersAtPeriodEnds for every cut (random data, fast-check with a fixed seed; empty and everyone cuts),
// and a cached index reused across cuts and views answers as a fresh one would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCustomerColumns, buildOrderColumns, buildSurveyColumns, isoToDay, trendSeries, type MetricsData } from '@kizuna/metrics';
import { computeTiles, customersAtPeriodEnds, firstPurchaseCounts } from './tiles';
import { countsOf, tileIndex } from './tileIndex';

const asOfDay = isoToDay('2024-07-01');

const dataArb = fc
  .record({
    customers: fc.integer({ min: 1, max: 12 }),
    // A few fixed days make several orders on one day (one purchase day) common.
    orders: fc.array(fc.record({ c: fc.nat(), day: fc.oneof(fc.integer({ min: -250, max: 20 }), fc.constantFrom(-70, -31, -2)), amount: fc.integer({ min: 0, max: 5000 }) }), { maxLength: 60 }),
    surveys: fc.array(fc.record({ c: fc.nat(), day: fc.integer({ min: -250, max: 20 }), value: fc.integer({ min: 0, max: 6 }) }), { maxLength: 20 }),
    signups: fc.array(fc.option(fc.integer({ min: -300, max: 30 }), { nil: null }), { minLength: 12, maxLength: 12 }),
    cuts: fc.array(fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 3 }),
    period: fc.constantFrom('month' as const, 'week' as const, 'quarter' as const),
    from: fc.integer({ min: -200, max: 5 }),
    viewEnd: fc.integer({ min: -60, max: 0 }),
  })
  .map(({ customers, orders, surveys, signups, cuts, period, from, viewEnd }) => {
    const data: MetricsData = {
      asOfDay,
      customers: buildCustomerColumns(signups.slice(0, customers).map((s) => ({ signupDay: s === null ? null : asOfDay + s }))),
      orders: buildOrderColumns(customers, orders.map((o) => ({ customer: o.c % customers, day: asOfDay + o.day, amount: o.amount }))),
      surveys: buildSurveyColumns(surveys.map((s) => ({ customer: s.c % customers, day: asOfDay + s.day, value: s.value }))),
    };
    const masks = cuts.map((cut) => Uint8Array.from(cut.slice(0, customers), (b) => (b ? 1 : 0)));
    const all = [...masks, new Uint8Array(customers), new Uint8Array(customers).fill(1), undefined];
    // The dashboard's view ends with its range: an earlier as-of day on the same columns.
    return { data, view: { ...data, asOfDay: asOfDay + viewEnd }, cuts: all, period, fromDay: asOfDay + from };
  });

describe('tileIndex', () => {
  it('counts first purchases, second purchases and customers per period as the one-pass helpers do, for every cut', () => {
    fc.assert(
      fc.property(dataArb, ({ view, cuts, period, fromDay }) => {
        const index = tileIndex(view, period, fromDay);
        for (const cut of cuts) {
          const trend = trendSeries(view, { period, fromDay, cut });
          const { counts, customers } = countsOf(index, cut);
          expect(counts).toEqual(firstPurchaseCounts(view, trend, period, cut));
          expect(customers).toEqual(customersAtPeriodEnds(view, trend, period, cut));
        }
      }),
      { seed: 20241124, numRuns: 300 },
    );
  });

  it('gives computeTiles the same answer from a reused index as from a fresh one, whichever cut came first', () => {
    const clv = (boundaryDay: number) => Float64Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? Number.NaN : boundaryDay - asOfDay + i * 10));
    fc.assert(
      fc.property(dataArb, ({ data, view, cuts, period, fromDay }) => {
        // Warm the cache with the whole base and a view of another as-of day on the same columns.
        computeTiles({ view, period, fromDay, clvAt: clv });
        computeTiles({ view: data, period, fromDay, clvAt: clv });
        for (const cut of cuts) {
          const fresh = { ...view, orders: { ...view.orders } };
          const result = computeTiles({ view, period, fromDay, cut, clvAt: clv });
          expect(result).toEqual(computeTiles({ view: fresh, period, fromDay, cut, clvAt: clv }));
          // The CLV tile: the mean over the cut's customers with a prediction, as of each of the two period ends.
          const tile = result.tiles.find((t) => t.id === 'predicted_clv');
          if (!tile) continue;
          const meanAt = (s: number): number | null => {
            const values = Array.from(clv(isoToDay(result.trend[s]!.endDate) + 1)).filter((v, i) => (!cut || cut[i]) && !Number.isNaN(v));
            return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
          };
          expect(tile.value).toBe(meanAt(result.current));
          expect(tile.previous).toBe(result.current > 0 ? meanAt(result.current - 1) : null);
        }
      }),
      { seed: 20241125, numRuns: 150 },
    );
  });

  it('is rebuilt for a view with other customers or surveys over the same orders', () => {
    const orders = buildOrderColumns(2, [{ customer: 0, day: asOfDay - 20, amount: 100 }]);
    const a: MetricsData = { asOfDay, customers: buildCustomerColumns([{ signupDay: asOfDay - 400 }, { signupDay: null }]), orders };
    const b: MetricsData = { ...a, customers: buildCustomerColumns([{ signupDay: asOfDay - 400 }, { signupDay: asOfDay - 5 }]) };
    const fromDay = asOfDay - 60;
    expect(countsOf(tileIndex(a, 'month', fromDay)).customers).toEqual([2, 2]);
    expect(countsOf(tileIndex(b, 'month', fromDay)).customers).toEqual([1, 2]);
    expect(tileIndex(b, 'month', fromDay)).toBe(tileIndex(b, 'month', fromDay));
  });
});
