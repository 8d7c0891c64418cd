// BG/NBD expected purchases where the published 2F1 form broke down (large a and b from fits where few
// customers drop out, horizons far past α + T), checked against a 512-bit BigInt evaluation of the published
// formula, the limit the model takes as a, b → ∞, and closed forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedPurchases, expectedPurchasesIfAlive, fitBgNbd, type BgNbdParams } from './bgnbd';
import { aliveHorizonPurchases } from './bgnbdHorizon';
import { predictCustomers } from './clv';
import { simulateBgNbd } from './simulate';
import { groupSummaries, type PurchaseSummaries } from './summaries';
import { exactExpectedPurchasesIfAlive } from './testing/exactSeries';

const relError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

/** An alive customer with a known p buys (1 − (1 + p·u)^(−s))/p in expectation (λ integrated out). */
const knownP = (s: number, u: number, p: number): number => -Math.expm1(-s * Math.log1p(p * u)) / p;

describe('expectedPurchasesIfAlive where the 2F1 series failed', () => {
  // Each row failed before: "did not converge in 2000000 terms (z = 0.4)", NaN, or digits lost to cancellation.
  it.each<[string, BgNbdParams, number, number, number]>([
    ['a, b in the millions at z = 0.4 (did not converge)', { r: 0.6, alpha: 40, a: 2e6, b: 5e6 }, 90, 3, 95],
    ['a, b in the thousands at z = 0.4 (NaN)', { r: 0.6, alpha: 40, a: 2000, b: 3000 }, 90, 10, 95],
    ['large a, small b, z = 0.94 (NaN)', { r: 0.2, alpha: 5, a: 300, b: 0.5 }, 90, 0, 1],
    ['large a, many purchases, z = 0.79', { r: 1.3, alpha: 12, a: 1500, b: 40 }, 365, 60, 85],
    ['b in the tens of thousands, small a (3.5e-12 lost to cancellation)', { r: 0.6, alpha: 40, a: 0.3, b: 2e4 }, 365, 4, 100],
    ['b in the ten millions, small a (did not converge)', { r: 0.6, alpha: 40, a: 0.3, b: 2e7 }, 365, 4, 100],
    ['fit-sized a, b (hundreds of millions), z = 0.68', { r: 2.886, alpha: 28.25, a: 2.861e8, b: 5.662e8 }, 365, 20, 143],
  ])('%s', (_name, p, t, x, T) => {
    const value = expectedPurchasesIfAlive(p, t, x, T);
    expect(relError(value, exactExpectedPurchasesIfAlive(p, t, x, T))).toBeLessThan(1e-12);
  });

  it('predicts for everyone after a fit that ran off to a, b ≈ 10^8 (few drop-outs)', () => {
    // Simulated with a = 3000, b = 6000, the likelihood is flat along a/(a+b) and the fit lands at a, b in
    // the hundreds of millions: exactly the parameters that made the KPI refresh fail.
    const n = 3000;
    const sim = simulateBgNbd({ r: 3, alpha: 30, a: 3000, b: 6000 }, { customers: n, seed: 11, T: [1, 730] });
    const summaries: PurchaseSummaries = {
      x: Int32Array.from(sim.x),
      tx: Int32Array.from(sim.tx, Math.floor),
      T: Int32Array.from(sim.T, Math.ceil),
      repeatSpend: new Float64Array(n),
      daySpend: new Float64Array(n).fill(1000),
    };
    const { params } = fitBgNbd(groupSummaries(summaries));
    expect(params.a).toBeGreaterThan(1e6);
    const predictions = predictCustomers(summaries, params, null, { horizonDays: 365 });
    for (let i = 0; i < n; i += 97) {
      const x = summaries.x[i] as number;
      const T = summaries.T[i] as number;
      const exact = exactExpectedPurchasesIfAlive(params, 365, x, T) * (predictions.pAlive[i] as number);
      expect(relError(predictions.expectedPurchases[i] as number, exact)).toBeLessThan(1e-12);
    }
    expect(predictions.expectedPurchases.every(Number.isFinite)).toBe(true);
  });
});

describe('the BigInt reference itself', () => {
  it('gives the paper’s CDNOW value: E[Y(39) | 2, 30.43, 38.86] = 1.2260281747671404 (mpmath) over P(alive)', () => {
    const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(relError(exactExpectedPurchasesIfAlive(cdnow, 39, 2, 38.86), 1.2260281747671404 / 0.726578570080673)).toBeLessThan(1e-14);
  });
});

describe('aliveHorizonPurchases', () => {
  it('tends to the known-p value as the Beta prior on p collapses (a → ∞, or a, b → ∞)', () => {
    // a → ∞ with b fixed: p = 1.
    expect(relError(aliveHorizonPurchases(2.5, 3, 1e15, 4), knownP(2.5, 3, 1))).toBeLessThan(1e-13);
    // a, b → ∞ with a/(a+b) = p: the Beta collapses onto p; the gap shrinks like 1/(a+b).
    for (const scale of [1e6, 1e9, 1e12]) {
      const p = 0.3;
      const value = aliveHorizonPurchases(4.2, 0.8, p * scale, (1 - p) * scale);
      expect(relError(value, knownP(4.2, 0.8, p))).toBeLessThan(10 / scale);
    }
  });

  it('is continuous at a = 1, where the published formula is 0/0: between the exact values either side', () => {
    const p = { r: 0.8, alpha: 30, b: 2 };
    const at = (a: number): number => expectedPurchasesIfAlive({ ...p, a }, 180, 3, 200);
    const below = exactExpectedPurchasesIfAlive({ ...p, a: 1 - 1e-9 }, 180, 3, 200);
    const above = exactExpectedPurchasesIfAlive({ ...p, a: 1 + 1e-9 }, 180, 3, 200);
    expect(at(1)).toBeGreaterThan(Math.min(below, above));
    expect(at(1)).toBeLessThan(Math.max(below, above));
    expect(relError(at(1), (below + above) / 2)).toBeLessThan(1e-9);
  });

  it('lies between the p = 1 and p → 0 values and grows with the horizon', () => {
    let prev = 0;
    for (const u of [1e-9, 0.01, 0.4, 1, 5, 40, 300]) {
      const value = aliveHorizonPurchases(3.7, u, 0.9, 12);
      expect(value).toBeGreaterThan(prev);
      expect(value).toBeGreaterThan(knownP(3.7, u, 1));
      expect(value).toBeLessThan(3.7 * u);
      prev = value;
    }
    expect(relError(aliveHorizonPurchases(3.7, 1e-9, 0.9, 12), 3.7e-9)).toBeLessThan(1e-8);
    expect(aliveHorizonPurchases(3.7, 0, 0.9, 12)).toBe(0);
  });

  it('refuses inputs outside the model, and horizons the series cannot reach, with a RangeError', () => {
    expect(() => aliveHorizonPurchases(0, 1, 1, 1)).toThrow(RangeError);
    expect(() => aliveHorizonPurchases(1, 1, -1, 1)).toThrow(RangeError);
    expect(() => aliveHorizonPurchases(1, -1, 1, 1)).toThrow(RangeError);
    expect(() => aliveHorizonPurchases(1, Infinity, 1, 1)).toThrow(RangeError);
    expect(() => aliveHorizonPurchases(1, NaN, 1, 1)).toThrow(RangeError);
    expect(() => aliveHorizonPurchases(2, 1e8, 1, 1)).toThrow(/horizon too long/);
  });
});

describe('expectedPurchasesIfAlive over the region fits and callers produce (fast-check, fixed seed)', () => {
  const logUniform = (min: number, max: number) =>
    fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map((v) => Math.exp(v));
  // Days: T ≥ 1 (a customer's first purchase is before the as-of day), x < T purchase days, horizons up to
  // the 365-day CLV; parameters over the ranges fits return, a and b up to fits that ran off to 10^9.
  const scenario = fc
    .record({
      r: logUniform(0.02, 50),
      alpha: logUniform(0.2, 500),
      a: logUniform(0.01, 1e9),
      b: logUniform(0.01, 1e9),
      T: fc.integer({ min: 1, max: 1500 }),
      xShare: fc.double({ min: 0, max: 1, noNaN: true }),
      t: fc.integer({ min: 1, max: 365 }),
    })
    .map(({ xShare, T, ...rest }) => ({ ...rest, T, x: Math.floor(xShare * Math.min(T - 1, 400)) }));

  it('is finite, positive and within 1e-11 of the 512-bit published formula', () => {
    fc.assert(
      fc.property(scenario, ({ r, alpha, a, b, T, x, t }) => {
        if (a === 1) return;
        const p = { r, alpha, a, b };
        const value = expectedPurchasesIfAlive(p, t, x, T);
        expect(Number.isFinite(value) && value > 0).toBe(true);
        expect(relError(value, exactExpectedPurchasesIfAlive(p, t, x, T))).toBeLessThan(1e-11);
        // P(alive) ≤ 1 scales it down, never up.
        expect(expectedPurchases(p, t, x, Math.max(0, T - 1), T)).toBeLessThanOrEqual(value);
      }),
      { seed: 20261124, numRuns: 300 },
    );
  });
});
