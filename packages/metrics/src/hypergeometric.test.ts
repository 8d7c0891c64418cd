// 2F1 against mpmath values, closed forms, Gauss's theorem, and a 512-bit BigInt summation of the series
// (testing/exactSeries.ts) over the arguments BG/NBD produces, including the large a, b that broke the
// plain series.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyp2f1, hyp2f1Tail, lnHyp2f1 } from './hypergeometric';
import { exactHyp2f1 } from './testing/exactSeries';

// Reference values computed with mpmath 1.3.0 at 30 significant digits.
const relClose = (actual: number, expected: number, rel: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
};
const relError = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

describe('hyp2f1', () => {
  it.each([
    [1, 1, 2, 0.5, 1.3862943611198906],
    [0.243, 2.426, 3.2, 0.3, 1.0657213269348436],
    [2.243, 4.426, 4.219, 0.9, 248.8689022062316],
    [0.5, 0.5, 1.5, 0.25, 1.0471975511965979],
    [3, -2, 1.5, 0.7, -0.232],
    [1.5, 2.5, 0.7, -0.5, -0.013758858528681722],
    [0.7, 1.3, 2.1, -3.0, 0.5118347110731761],
    [5.2, 3.1, 1.9, 0.99, 20263455662495.273],
    [30.243, 32.426, 32.219, 0.95, 4.082269370127819e39],
    [-1.7, 0.6, 2.5, 0.8, 0.7177722262325084],
    [0.2, 0.3, 0.6, 0.999, 1.554341867564655],
  ])('2F1(%f, %f; %f; %f)', (a, b, c, z, expected) => {
    relClose(hyp2f1(a, b, c, z), expected, 1e-12 * Math.max(1, Math.abs(expected)));
  });

  it('agrees with closed forms', () => {
    for (const z of [-0.9, -0.3, 0.1, 0.5, 0.9, 0.99]) {
      // 2F1(1, 1; 2; z) = −ln(1−z)/z, 2F1(a, b; b; z) = (1−z)^−a
      relClose(hyp2f1(1, 1, 2, z), -Math.log(1 - z) / z, 1e-13);
      relClose(hyp2f1(0.37, 2.5, 2.5, z), Math.pow(1 - z, -0.37), 1e-13);
    }
    // 2F1(1/2, 1/2; 3/2; x²) = arcsin(x)/x
    relClose(hyp2f1(0.5, 0.5, 1.5, 0.64), Math.asin(0.8) / 0.8, 1e-13);
  });

  it('uses Gauss’s theorem at z = 1 and refuses what it cannot compute', () => {
    // 2F1(a, b; c; 1) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)); with a = b = 1/2, c = 2: Γ(2)Γ(1)/Γ(3/2)² = 4/π
    relClose(hyp2f1(0.5, 0.5, 2, 1), 4 / Math.PI, 1e-13);
    expect(() => hyp2f1(1, 1, 1.5, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 1.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 0.999999, { maxTerms: 1000 })).toThrow(/did not converge/);
  });
});

describe('hyp2f1Tail', () => {
  it.each([
    [2.0, 1e-9, 3.5, 0.8, 0.6749298078765331],
    [-0.7, -1e-7, 2.2, 0.6, -0.1971247379605133],
    [1.219, 0, 4.219, 0.5, 0.16325906234296841],
  ])('(2F1(%f, %f; %f; %f) − 1) / b stays exact as b → 0', (a, b, c, z, expected) => {
    relClose(hyp2f1Tail(a, b, c, z), expected, 1e-12);
  });

  it('equals (2F1 − 1)/b where that is well conditioned', () => {
    for (const [a, b, c, z] of [
      [0.5, 0.8, 2.5, 0.7],
      [-1.3, 2.2, 3.1, 0.4],
      [4, -0.6, 6, 0.95],
    ] as const) {
      relClose(hyp2f1Tail(a, b, c, z), (hyp2f1(a, b, c, z) - 1) / b, 1e-11);
    }
    expect(hyp2f1Tail(1, 1, 2, 0)).toBe(0);
    expect(() => hyp2f1Tail(1, 1, 2, -0.5)).toThrow(RangeError);
  });
});

describe('the BigInt reference itself', () => {
  it('reproduces mpmath’s values and a closed form', () => {
    relClose(exactHyp2f1(2.243, 4.426, 4.219, 0.9), 248.8689022062316, 1e-15);
    relClose(exactHyp2f1(30.243, 32.426, 32.219, 0.95), 4.082269370127819e39, 1e-15);
    relClose(exactHyp2f1(1, 1, 2, -0.5), Math.log(1.5) / 0.5, 1e-15);
  });
});

describe('hyp2f1 where the plain series failed', () => {
  it('stays finite when the series terms overflow but the value does not (NaN before)', () => {
    // Pfaff to w = 3/4 gives 4^(−600) · (terms up to 4^600): underflow times overflow. The other Pfaff form,
    // 4^(−1/2) · 2F1(100, 1/2; 700; 3/4), is moderate; the reference sums it exactly.
    expect(relError(hyp2f1(600, 0.5, 700, -3), 0.5 * exactHyp2f1(100, 0.5, 700, 0.75))).toBeLessThan(1e-13);
  });

  it('picks a form without cancellation for negative z (off by 30× before), and says so when none exists', () => {
    // Pfaff to w = z/(z−1) turned 2F1(−40, tiny; c; −0.95) ≈ 1 into 1.95^40 times an alternating sum.
    for (const c of [0.8066654633987492, 24.44350245646858]) {
      expect(relError(hyp2f1(-40, 1.8e-215, c, -0.95), exactHyp2f1(-40, 1.8e-215, c, -0.95))).toBeLessThan(1e-14);
    }
    // A degree-40 polynomial worth 8.4·10^−9 made of terms near 10^5 in every form: refused, not −62544.
    expect(() => hyp2f1(-40, -40, 60, -0.95)).toThrow(/loses 14 digits to cancellation/);
  });

  it('gives ln 2F1 for BG/NBD’s Euler form with a, b in the millions (did not converge before)', () => {
    // 2F1(a+b−1−r, a−1; a+b+x−1; z) with r = 0.6, a = 2·10^6, b = 5·10^6, x = 3, z = 0.4: about 0.6^(−2·10^6),
    // far past the double range; Euler's identity turns it into 0.6^(x+r−a+1) · 2F1(r+x, b+x; a+b+x−1; z).
    const [r, a, b, x, z] = [0.6, 2e6, 5e6, 3, 0.4];
    const expected = (x + r - a + 1) * Math.log1p(-z) + Math.log(exactHyp2f1(r + x, b + x, a + b + x - 1, z));
    relClose(lnHyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z), expected, 1e-14);
    expect(hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)).toBe(Infinity);
  });

  it('sums a series whose terms grow for ~650 steps before they shrink (a − 1 = 999, z = 0.4)', () => {
    const value = hyp2f1(1000 + 3000 - 1 - 0.6, 999, 1000 + 3000 + 10 - 1, 0.4);
    const viaEuler = Math.pow(0.6, 10 + 0.6 - 1000 + 1) * exactHyp2f1(10.6, 3010, 4009, 0.4);
    expect(relError(value, viaEuler)).toBeLessThan(1e-12);
  });

  it('hyp2f1Tail is exact for b in the millions', () => {
    const [a, b, c, z] = [3.6, 5e6 + 3, 7e6 + 2, 0.4];
    expect(relError(hyp2f1Tail(a, b, c, z), (exactHyp2f1(a, b, c, z) - 1) / b)).toBeLessThan(1e-12);
  });

  it('refuses only what is undefined or out of reach, with a RangeError that says which', () => {
    expect(() => hyp2f1(1, 1, 0, 0.5)).toThrow(/undefined for c = 0/);
    expect(() => hyp2f1(1, NaN, 2, 0.5)).toThrow(/finite/);
    expect(() => hyp2f1(1, 1, 2, Infinity)).toThrow(RangeError);
    expect(() => hyp2f1(2, 3, 4, 1)).toThrow(/z = 1 needs c − a − b > 0/);
    expect(() => lnHyp2f1(3, -2, 1.5, 0.7)).toThrow(/not positive/);
    // Terms ~ 36/(1 − z) = 3.6·10^9: refused up front rather than spun on.
    expect(() => hyp2f1(1.5, 2.5, 3.5, 1 - 1e-9)).toThrow(/needs more than/);
  });
});

describe('hyp2f1 against closed forms and the exact series (fast-check, fixed seed)', () => {
  const logUniform = (min: number, max: number) =>
    fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map((v) => Math.exp(v));

  it('2F1(1, 1; 2; z) = −ln(1−z)/z and 2F1(a, b; b; z) = (1−z)^(−a), also where the value overflows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 0.999, noNaN: true }),
        fc.double({ min: -60, max: 5000, noNaN: true }),
        logUniform(0.05, 1e7),
        (z, a, b) => {
          if (z === 0) return;
          relClose(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13);
          const expected = -a * Math.log1p(-z);
          relClose(lnHyp2f1(a, b, b, z), expected, 1e-12);
          if (Math.abs(expected) < 700) expect(relError(hyp2f1(a, b, b, z), Math.exp(expected))).toBeLessThan(1e-11 * Math.max(1, Math.abs(expected)));
        },
      ),
      { seed: 20261124, numRuns: 300 },
    );
  });

  it('approaches Gauss’s theorem as z → 1 when c − a − b > 0', () => {
    // 2F1 grows with z and its slope at 1 is ab/(c−a−b−1) · 2F1(a, b; c; 1) when c − a − b > 1.
    fc.assert(
      fc.property(logUniform(0.05, 30), logUniform(0.05, 30), fc.double({ min: 1.5, max: 20, noNaN: true }), (a, b, gap) => {
        const c = a + b + gap;
        const atOne = hyp2f1(a, b, c, 1);
        const near = hyp2f1(a, b, c, 1 - 1e-4);
        expect(near).toBeLessThan(atOne);
        expect(relError(near, atOne)).toBeLessThan((1e-4 * (a * b)) / (gap - 1) + 1e-12);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('matches the exact series over BG/NBD’s arguments (r+x, b+x; a+b+x−1; z), a and b up to 10^9', () => {
    fc.assert(
      fc.property(
        logUniform(0.02, 60),
        logUniform(0.01, 1e9),
        logUniform(0.01, 1e9),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (r, a, b, x, z) => {
          const [A, B, C] = [r + x, b + x, a + b + x - 1];
          if (C <= 0) return;
          const exact = exactHyp2f1(A, B, C, z);
          if (!Number.isFinite(exact)) return;
          expect(relError(hyp2f1(A, B, C, z), exact)).toBeLessThan(1e-12);
        },
      ),
      { seed: 424242, numRuns: 100 },
    );
  });

  it('matches the exact series for negative and mixed-sign arguments inside the unit disc', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: 0.3, max: 60, noNaN: true }),
        fc.double({ min: -0.95, max: 0.95, noNaN: true }),
        (a, b, c, z) => {
          let value: number;
          try {
            value = hyp2f1(a, b, c, z);
          } catch (err) {
            // Allowed only as the documented cancellation refusal, never as a wrong number.
            expect(String(err)).toMatch(/cancellation/);
            return;
          }
          const exact = exactHyp2f1(a, b, c, z);
          expect(Math.abs(value - exact)).toBeLessThanOrEqual(1e-9 * Math.abs(exact) + 1e-300);
        },
      ),
      { seed: 99, numRuns: 200 },
    );
  });
});
