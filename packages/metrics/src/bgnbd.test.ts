import { describe, expect, it } from 'vitest';
import {
  bgnbdLogLikelihood,
  bgnbdObjective,
  bgnbdTotalLogLikelihood,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
} from './bgnbd';
import { hyp2f1 } from './hypergeometric';
import { summaryGroupsFrom } from './summaries';
import { loadCdnow } from './testing/cdnow';
import { integrateHalfLine, integrateUnit } from './testing/quadrature';

// Fader, Hardie & Lee (2005) estimates on the CDNOW calibration data, time in weeks.
const cdnowParams: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD on the published CDNOW example', () => {
  const groups = summaryGroupsFrom(loadCdnow());

  it('gives the published log-likelihood −9582.4 at the published estimates', () => {
    expect(groups.x.length).toBe(2357);
    expect(bgnbdTotalLogLikelihood(cdnowParams, groups)).toBeCloseTo(-9582.4, 1);
  });

  it('recovers the published estimates by maximum likelihood, with BFGS and with Nelder–Mead', () => {
    for (const method of ['bfgs', 'nelder-mead'] as const) {
      const fit = fitBgNbd(groups, { method });
      expect(fit.converged).toBe(true);
      expect(fit.method).toBe(method);
      expect(fit.params.r).toBeCloseTo(0.243, 3);
      expect(fit.params.alpha).toBeCloseTo(4.414, 2);
      expect(fit.params.a).toBeCloseTo(0.793, 3);
      expect(fit.params.b).toBeCloseTo(2.426, 2);
      expect(fit.logLikelihood).toBeCloseTo(-9582.43, 1);
      expect(fit.customers).toBe(2357);
    }
  });

  it('gives the paper’s E[Y(39) | x = 2, t_x = 30.43, T = 38.86] = 1.226', () => {
    expect(expectedPurchases(cdnowParams, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
    // mpmath 1.3.0, 30 digits, through the published formula with mpmath's hyp2f1.
    expect(expectedPurchases(cdnowParams, 39, 2, 30.43, 38.86)).toBeCloseTo(1.2260281747671404, 12);
    expect(probabilityAlive(cdnowParams, 2, 30.43, 38.86)).toBeCloseTo(0.726578570080673, 12);
  });
});

describe('BG/NBD closed forms against direct numeric integration', () => {
  // Unnormalized mixing densities; normalized numerically so no gamma function is involved.
  const expectations = (p: BgNbdParams) => {
    const lambdaDensity = (l: number): number => Math.pow(l, p.r - 1) * Math.exp(-p.alpha * l);
    const pDensity = (q: number, oneMinusQ = 1 - q): number => Math.pow(q, p.a - 1) * Math.pow(oneMinusQ, p.b - 1);
    const zl = integrateHalfLine(lambdaDensity, p.r / p.alpha);
    const zp = integrateUnit(pDensity);
    const El = (g: (l: number) => number): number => integrateHalfLine((l) => lambdaDensity(l) * g(l), p.r / p.alpha) / zl;
    const Ep = (g: (q: number, oneMinusQ: number) => number): number =>
      integrateUnit((q, oneMinusQ) => pDensity(q, oneMinusQ) * g(q, oneMinusQ)) / zp;
    return { lambdaDensity, pDensity, zl, zp, El, Ep };
  };

  // Likelihood of (x, t_x, T) given λ and p: alive throughout, or dropped out right after the x-th purchase.
  const cases: [BgNbdParams, number, number, number][] = [
    [cdnowParams, 0, 0, 38.86],
    [cdnowParams, 2, 30.43, 38.86],
    [cdnowParams, 7, 29.43, 38.86],
    [cdnowParams, 1, 1.71, 38.86],
    [{ r: 2.1, alpha: 35, a: 1.7, b: 0.6 }, 1, 20, 200],
    [{ r: 2.1, alpha: 35, a: 1.7, b: 0.6 }, 4, 150, 160],
  ];

  it.each(cases)('log-likelihood at %o for x = %d, t_x = %f, T = %f', (p, x, tx, T) => {
    const { El, Ep } = expectations(p);
    const alive = El((l) => Math.pow(l, x) * Math.exp(-l * T)) * Ep((_q, rest) => Math.pow(rest, x));
    const dead = x > 0 ? El((l) => Math.pow(l, x) * Math.exp(-l * tx)) * Ep((q, rest) => q * Math.pow(rest, x - 1)) : 0;
    expect(bgnbdLogLikelihood(p, x, tx, T)).toBeCloseTo(Math.log(alive + dead), 8);
    expect(probabilityAlive(p, x, tx, T)).toBeCloseTo(alive / (alive + dead), 8);
  });

  it.each(cases)('expected purchases in the next 52 time units at %o for x = %d', (p, x, tx, T) => {
    const t = 52;
    const { lambdaDensity, pDensity, El, Ep, zl, zp } = expectations(p);
    const dead = x > 0 ? El((l) => Math.pow(l, x) * Math.exp(-l * tx)) * Ep((q, rest) => q * Math.pow(rest, x - 1)) : 0;
    const alive = El((l) => Math.pow(l, x) * Math.exp(-l * T)) * Ep((_q, rest) => Math.pow(rest, x));
    // An alive customer with (λ, p) makes (1 − e^(−λpt)) / p purchases in expectation over the next t.
    const future =
      integrateUnit((q, rest) => {
        const inner = integrateHalfLine(
          (l) => lambdaDensity(l) * Math.pow(l, x) * Math.exp(-l * T) * (-Math.expm1(-l * q * t) / q),
          (p.r + x) / (p.alpha + T),
          1 / 32,
        );
        return pDensity(q, rest) * Math.pow(rest, x) * inner;
      }, 1 / 32) /
      (zl * zp);
    expect(expectedPurchases(p, t, x, tx, T)).toBeCloseTo(future / (alive + dead), 6);
  });
});

describe('expectedPurchases', () => {
  const naive = (p: BgNbdParams, t: number, x: number, tx: number, T: number): number => {
    const { r, alpha, a, b } = p;
    const z = t / (alpha + T + t);
    const bracket = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
    const odds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0;
    return (((a + b + x - 1) / (a - 1)) * bracket) / (1 + odds);
  };

  it.each([
    [{ r: 0.5, alpha: 20, a: 0.4, b: 3 }, 30, 0, 0, 100],
    [{ r: 0.5, alpha: 20, a: 0.4, b: 3 }, 365, 5, 80, 100],
    [{ r: 3, alpha: 60, a: 2.5, b: 8 }, 90, 12, 300, 400],
    [{ r: 1.2, alpha: 2, a: 1.4, b: 0.9 }, 365, 1, 3, 5],
  ])('matches the published formula where a is away from 1 (%o, t = %d, x = %d)', (p, t, x, tx, T) => {
    const expected = naive(p, t, x, tx, T);
    expect(Math.abs(expectedPurchases(p, t, x, tx, T) - expected)).toBeLessThan(1e-10 * Math.max(1, expected));
  });

  it('is continuous through a = 1, where the published form is 0/0', () => {
    const at = (a: number): number => expectedPurchases({ r: 0.8, alpha: 30, a, b: 2 }, 180, 3, 100, 200);
    const center = at(1);
    expect(Number.isFinite(center)).toBe(true);
    expect(at(1 + 1e-7)).toBeCloseTo(center, 6);
    expect(at(1 - 1e-7)).toBeCloseTo(center, 6);
    // Symmetric difference ≈ linear interpolation across a = 1.
    expect((at(1.01) + at(0.99)) / 2).toBeCloseTo(center, 3);
  });

  it('grows with the horizon, starts at 0, and is P(alive) · E[λ] · t for a short horizon', () => {
    const p = { r: 0.9, alpha: 25, a: 0.7, b: 2.2 };
    expect(expectedPurchases(p, 0, 3, 50, 90)).toBe(0);
    let prev = 0;
    for (const t of [1, 7, 30, 90, 365, 3650]) {
      const e = expectedPurchases(p, t, 3, 50, 90);
      expect(e).toBeGreaterThan(prev);
      prev = e;
    }
    const short = expectedPurchases(p, 1e-4, 3, 50, 90);
    expect(short / 1e-4).toBeCloseTo((probabilityAlive(p, 3, 50, 90) * (p.r + 3)) / (p.alpha + 90), 5);
    expect(() => expectedPurchases(p, -1, 0, 0, 10)).toThrow(RangeError);
  });

  it('for a new customer equals E[X(t)] = (a+b−1)/(a−1)·[1 − (α/(α+t))^r·2F1(r, b; a+b−1; t/(α+t))]', () => {
    const { r, alpha, a, b } = cdnowParams;
    const t = 39;
    const expected = ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
    expect(expectedPurchasesNewCustomer(cdnowParams, t)).toBeCloseTo(expected, 12);
  });
});

describe('probabilityAlive', () => {
  it('is 1 without repeat purchases and falls as the customer stays away', () => {
    expect(probabilityAlive(cdnowParams, 0, 0, 30)).toBe(1);
    const recent = probabilityAlive(cdnowParams, 4, 29, 30);
    const lapsed = probabilityAlive(cdnowParams, 4, 5, 30);
    expect(recent).toBeGreaterThan(lapsed);
    expect(lapsed).toBeGreaterThan(0);
    // Extreme odds neither overflow nor give NaN.
    expect(probabilityAlive(cdnowParams, 400, 1, 5000)).toBeGreaterThanOrEqual(0);
    expect(probabilityAlive(cdnowParams, 400, 1, 5000)).toBeLessThan(1e-100);
  });
});

describe('bgnbdObjective', () => {
  it('has an analytic gradient that matches finite differences', () => {
    const groups = summaryGroupsFrom([
      { x: 0, tx: 0, T: 30 },
      { x: 2, tx: 12.5, T: 40 },
      { x: 5, tx: 33, T: 35 },
      { x: 1, tx: 2, T: 20 },
    ]);
    const { fg } = bgnbdObjective(groups);
    const v = [Math.log(0.7), Math.log(8), Math.log(0.9), Math.log(3)];
    const grad = [0, 0, 0, 0];
    fg(v, grad);
    for (let i = 0; i < 4; i++) {
      const h = 1e-6;
      const up = [...v];
      const down = [...v];
      up[i] = (up[i] as number) + h;
      down[i] = (down[i] as number) - h;
      const numeric = (fg(up, [0, 0, 0, 0]) - fg(down, [0, 0, 0, 0])) / (2 * h);
      expect(grad[i]).toBeCloseTo(numeric, 7);
    }
  });
});
