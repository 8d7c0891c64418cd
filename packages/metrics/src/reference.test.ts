// The columnar KPI functions against naive row-based implementations on random data (fast-check, fixed
// seed): same-day orders, zero amounts, orders on and after the as-of day, windows and cuts all occur.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderTotals } from './activity';
import type { PeriodKind } from './calendar';
import { cohortRetention } from './cohorts';
import { cutFromIndexes } from './cut';
import { buildOrderColumns, plainCustomers, type MetricsData, type OrderRow } from './data';
import { periodRetention, trendSeries } from './periods';
import { rfmScores } from './rfm';
import { refCohorts, refRetention, refRfm, refTotals, type RefInput } from './testing/reference';

const BASE = 19_700; // 2023-12-09: series cross a year end and a leap day.

const scenario = fc
  .record({
    customers: fc.integer({ min: 1, max: 12 }),
    orders: fc.array(
      fc.record({
        customer: fc.nat(),
        day: fc.integer({ min: 0, max: 150 }),
        amount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50_000 })),
      }),
      { maxLength: 60 },
    ),
    asOf: fc.integer({ min: 1, max: 160 }),
    window: fc.tuple(fc.integer({ min: -10, max: 170 }), fc.integer({ min: -10, max: 170 })),
    cut: fc.option(fc.array(fc.nat(), { maxLength: 12 }), { nil: undefined }),
  })
  .map((s) => {
    const orders: OrderRow[] = s.orders.map((o) => ({ customer: o.customer % s.customers, day: BASE + o.day, amount: o.amount }));
    const cutIndexes = s.cut?.map((c) => c % s.customers);
    const data: MetricsData = {
      customers: plainCustomers(s.customers),
      orders: buildOrderColumns(s.customers, orders),
      asOfDay: BASE + s.asOf,
    };
    const ref: RefInput = { customers: s.customers, orders, asOfDay: data.asOfDay, cut: cutIndexes && new Set(cutIndexes) };
    const cut = cutIndexes && cutFromIndexes(s.customers, cutIndexes);
    return { data, ref, cut, window: { start: BASE + s.window[0], end: BASE + s.window[1] } };
  });

const params = { seed: 20240401, numRuns: 300 };

describe('columnar KPIs match the naive reference', () => {
  it('window totals (orders, revenue, active, purchase days, repeaters)', () => {
    fc.assert(
      fc.property(scenario, ({ data, ref, cut, window }) => {
        expect(orderTotals(data, { window, cut })).toEqual(refTotals(ref, window.start, window.end));
        expect(orderTotals(data, { cut })).toEqual(refTotals(ref, -Infinity, Infinity));
      }),
      params,
    );
  });

  it.each(['week', 'month', 'quarter'] as PeriodKind[])('%s retention and trend activity', (kind) => {
    fc.assert(
      fc.property(scenario, ({ data, ref, cut }) => {
        const expected = refRetention(ref, kind);
        const points = periodRetention(data, { period: kind, cut });
        expect(points.map((p) => [p.startDay, p.active, p.retained])).toEqual(expected);
        const trend = trendSeries(data, { period: kind, cut });
        expect(trend.slice(0, -1).map((p) => [p.startDay, p.activeCustomers, p.retention?.numerator])).toEqual(expected);
        for (const p of trend) {
          const t = refTotals(ref, p.startDay, p.endDay);
          expect([p.orders, p.revenue, p.activeCustomers, p.repeatRate.numerator]).toEqual([t.orders, t.revenue, t.customers, t.repeatCustomers]);
        }
      }),
      params,
    );
  });

  it('cohort triangle', () => {
    fc.assert(
      fc.property(scenario, ({ data, ref, cut }) => {
        const rows = cohortRetention(data, { cut });
        expect(rows.map((r) => [r.startDay, r.size, r.cells.map((c) => c.customers), r.cells.map((c) => c.revenue)])).toEqual(refCohorts(ref));
      }),
      params,
    );
  });

  it('R/F/M scores', () => {
    fc.assert(
      fc.property(scenario, ({ data, ref }) => {
        const s = rfmScores(data);
        expect({ r: Array.from(s.r), f: Array.from(s.f), m: Array.from(s.m) }).toEqual(refRfm(ref));
      }),
      params,
    );
  });
});
