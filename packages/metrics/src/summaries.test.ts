import { describe, expect, it } from 'vitest';
import { cutFromIndexes } from './cut';
import { groupSummaries, purchaseSummaries, summaryGroupsFrom, type PurchaseSummaries } from './summaries';
import { handData } from './testing/handData';

describe('purchaseSummaries', () => {
  it('summarizes purchase days as of the as-of date', () => {
    // Customer 0: days 01-05 (1000 + 500), 02-10 (2000), 03-31 (0); the as-of day's order is ignored.
    //   x = 2, t_x = 03-31 − 01-05 = 86, T = 04-01 − 01-05 = 87, repeat mean (2000 + 0)/2, day mean 3500/3.
    // Customer 1: one order 01-20 (3000): x = 0, T = 72. Customer 2: 02-01 (1500), 03-15 (2500): x = 1,
    //   t_x = 43, T = 60. Everyone else has no order before the as-of date.
    const s = purchaseSummaries(handData());
    expect(Array.from(s.x)).toEqual([2, 0, 1, -1, -1, -1, -1]);
    expect(Array.from(s.tx).slice(0, 3)).toEqual([86, 0, 43]);
    expect(Array.from(s.T).slice(0, 3)).toEqual([87, 72, 60]);
    expect(Array.from(s.repeatSpend).slice(0, 3)).toEqual([1000, NaN, 2500]);
    expect(s.daySpend[0]).toBeCloseTo(3500 / 3, 12);
    expect(Array.from(s.daySpend).slice(1)).toEqual([3000, 2000, NaN, NaN, NaN, NaN]);
  });

  it('gives T − t_x = recency_days and T ≥ 1', () => {
    const data = handData();
    const s = purchaseSummaries(data);
    expect((s.T[0] as number) - (s.tx[0] as number)).toBe(1); // last order the day before the as-of day
    expect(Math.min(...Array.from(s.T).filter((_, i) => (s.x[i] as number) >= 0))).toBeGreaterThanOrEqual(1);
  });
});

describe('groupSummaries', () => {
  const s: PurchaseSummaries = {
    x: Int32Array.of(0, 2, 0, 2, -1, 2, 0),
    tx: Int32Array.of(0, 14, 0, 14, 0, 14, 0),
    T: Int32Array.of(30, 70, 30, 70, 0, 77, 45),
    repeatSpend: new Float64Array(7),
    daySpend: new Float64Array(7),
  };

  it('groups identical triples of customers with a purchase', () => {
    const g = groupSummaries(s);
    const rows = Array.from(g.x, (x, k) => [x, g.tx[k], g.T[k], g.weight[k]]);
    expect(rows).toEqual([
      [0, 0, 30, 2],
      [0, 0, 45, 1],
      [2, 14, 70, 2],
      [2, 14, 77, 1],
    ]);
  });

  it('honours the cut and converts to weeks', () => {
    const g = groupSummaries(s, { cut: cutFromIndexes(7, [1, 5, 6]), timeUnitDays: 7 });
    expect(Array.from(g.x, (x, k) => [x, g.tx[k], g.T[k], g.weight[k]])).toEqual([
      [0, 0, 45 / 7, 1],
      [2, 2, 10, 1],
      [2, 2, 11, 1],
    ]);
    expect(() => groupSummaries(s, { cut: new Uint8Array(3) })).toThrow(RangeError);
  });

  it('rejects summaries it cannot pack', () => {
    const bad = { ...s, T: Int32Array.of(70_000, 70, 30, 70, 0, 77, 45) };
    expect(() => groupSummaries(bad)).toThrow(/out of range/);
  });

  it('summaryGroupsFrom keeps one group per row', () => {
    const g = summaryGroupsFrom([{ x: 1, tx: 2.5, T: 10.25 }]);
    expect([g.x[0], g.tx[0], g.T[0], g.weight[0]]).toEqual([1, 2.5, 10.25, 1]);
  });
});
