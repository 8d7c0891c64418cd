import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutFromIndexes } from './cut';
import { NO_DAY } from './data';
import { customerTotals, quintileScores, rfmGrid, rfmScores } from './rfm';
import { d, handData } from './testing/handData';

const data = handData();

describe('customerTotals', () => {
  it('gives the feature-table totals as of the as-of date', () => {
    const t = customerTotals(data);
    expect(Array.from(t.frequency)).toEqual([4, 1, 2, 0, 0, 0, 0]);
    expect(Array.from(t.purchaseDays)).toEqual([3, 1, 2, 0, 0, 0, 0]);
    expect(Array.from(t.monetary)).toEqual([3500, 3000, 4000, 0, 0, 0, 0]);
    expect(Array.from(t.firstOrderDay)).toEqual([d('2024-01-05'), d('2024-01-20'), d('2024-02-01'), NO_DAY, NO_DAY, NO_DAY, NO_DAY]);
    expect(Array.from(t.lastOrderDay)).toEqual([d('2024-03-31'), d('2024-01-20'), d('2024-03-15'), NO_DAY, NO_DAY, NO_DAY, NO_DAY]);
  });
});

describe('quintileScores', () => {
  it.each([
    // n = 6, below = 0, 0, 2, 3, 3, 3 → 1 + floor(5 · below / 6)
    { values: [10, 10, 20, 30, 30, 30], scores: [1, 1, 2, 3, 3, 3] },
    // n = 5 distinct → 1..5
    { values: [50, 40, 30, 20, 10], scores: [5, 4, 3, 2, 1] },
    // all tied → all 1
    { values: [7, 7, 7], scores: [1, 1, 1] },
    // one customer → 1
    { values: [123], scores: [1] },
    // n = 10: below 0..9 → 1,1,2,2,3,3,4,4,5,5
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], scores: [1, 1, 2, 2, 3, 3, 4, 4, 5, 5] },
  ])('$values → $scores', ({ values, scores }) => {
    expect(Array.from(quintileScores(values, values.map(() => 1)))).toEqual(scores);
  });

  it.each([
    // Fractions and values too large to pack beside an index take the general path; negatives the packed one.
    { values: [0.5, 0.5, 1.25, -2.75], scores: [2, 2, 4, 1] },
    { values: [2 ** 50, 3, 2 ** 50, 2 ** 51], scores: [2, 1, 2, 4] },
    { values: [-3, 5, -3, 0], scores: [1, 4, 1, 3] },
  ])('handles $values', ({ values, scores }) => {
    expect(Array.from(quintileScores(values, values.map(() => 1)))).toEqual(scores);
  });

  it('agrees with counting on random data, whole or fractional', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), fc.boolean()), {
          maxLength: 80,
        }),
        fc.boolean(),
        (rows, wholeOnly) => {
          const values = rows.map(([v]) => (wholeOnly ? Math.round(v) : v));
          const scored = rows.map(([, s]) => (s ? 1 : 0));
          const pool = values.filter((_, i) => scored[i]);
          const expected = values.map((v, i) =>
            scored[i] ? 1 + Math.floor((5 * pool.filter((o) => o < v).length) / pool.length) : 0,
          );
          expect(Array.from(quintileScores(values, scored))).toEqual(expected);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('scores only the included customers and ranks among them alone', () => {
    expect(Array.from(quintileScores([5, 100, 1, 3], [1, 0, 1, 1]))).toEqual([1 + Math.floor(10 / 3), 0, 1, 1 + Math.floor(5 / 3)]);
  });
});

describe('rfmScores', () => {
  it('scores the three customers with orders by the shared rule', () => {
    // R: last orders 03-31, 01-20, 03-15 → below 2, 0, 1 → 4, 1, 2. F: 4, 1, 2 orders → 4, 1, 2.
    // M: 3500, 3000, 4000 → below 1, 0, 2 → 2, 1, 4. Everyone else: no score.
    const s = rfmScores(data);
    expect(Array.from(s.r)).toEqual([4, 1, 2, 0, 0, 0, 0]);
    expect(Array.from(s.f)).toEqual([4, 1, 2, 0, 0, 0, 0]);
    expect(Array.from(s.m)).toEqual([2, 1, 4, 0, 0, 0, 0]);
  });
});

describe('rfmGrid', () => {
  it('counts customers and revenue per (R, F) cell', () => {
    const grid = rfmGrid(data);
    expect(grid.cells).toHaveLength(25);
    const filled = grid.cells.filter((c) => c.customers > 0).map((c) => [c.r, c.f, c.customers, c.revenue]);
    expect(filled).toEqual([
      [1, 1, 1, 3000],
      [2, 2, 1, 4000],
      [4, 4, 1, 3500],
    ]);
    expect(grid.cells[(4 - 1) * 5 + (4 - 1)]).toMatchObject({ r: 4, f: 4 });
    expect(grid).toMatchObject({ customers: 3, revenue: 10500 });
  });

  it('keeps global scores under a cut', () => {
    const grid = rfmGrid(data, { cut: cutFromIndexes(7, [2, 3]) });
    expect(grid.customers).toBe(1);
    expect(grid.cells.find((c) => c.customers > 0)).toMatchObject({ r: 2, f: 2, revenue: 4000 });
  });
});
