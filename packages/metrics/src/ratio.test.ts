import { describe, expect, it } from 'vitest';
import { change, compareRates, ratio } from './ratio';

describe('ratio', () => {
  it('keeps numerator and denominator, and has no value over zero', () => {
    expect(ratio(1, 4)).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(ratio(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});

describe('change', () => {
  it.each([
    { current: 120, previous: 100, delta: 20, relative: 0.2 },
    { current: 80, previous: 100, delta: -20, relative: -0.2 },
    // From a negative base the relative change keeps the direction of the delta.
    { current: -50, previous: -100, delta: 50, relative: 0.5 },
    { current: 5, previous: 0, delta: 5, relative: null },
    { current: null, previous: 3, delta: null, relative: null },
    { current: 3, previous: null, delta: null, relative: null },
  ])('$previous → $current', ({ current, previous, delta, relative }) => {
    expect(change(current, previous)).toEqual({ current, previous, delta, relative });
  });

  it('reports rate changes in points of the 0–1 scale', () => {
    const c = change(0.3, 0.25);
    expect(c.delta).toBeCloseTo(0.05, 15);
    expect(c.relative).toBeCloseTo(0.2, 15);
  });
});

describe('compareRates', () => {
  it('computes the pooled two-proportion z-test', () => {
    // 60/200 vs 40/200: pooled 0.25, se = sqrt(0.25·0.75·(2/200)) = 0.0433, z = 0.1/0.0433 = 2.309, p ≈ 0.0209.
    const c = compareRates(ratio(60, 200), ratio(40, 200));
    expect(c.delta).toBeCloseTo(0.1, 15);
    expect(c.relative).toBeCloseTo(0.5, 15);
    expect(c.z).toBeCloseTo(2.3094, 4);
    expect(c.pValue).toBeCloseTo(0.02092, 4);
  });

  it('gives no test without data or without variation', () => {
    expect(compareRates(ratio(0, 0), ratio(1, 2))).toMatchObject({ z: null, pValue: null, delta: null });
    expect(compareRates(ratio(5, 5), ratio(3, 3))).toMatchObject({ z: null, pValue: null, delta: 0 });
  });
});
