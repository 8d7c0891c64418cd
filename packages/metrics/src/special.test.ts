import { describe, expect, it } from 'vitest';
import { digamma, expm1OverX, lnGamma, logSumExp, normalSurvival } from './special';

// Reference values computed with mpmath 1.3.0 at 30 significant digits.
const relClose = (actual: number, expected: number, rel: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
};

describe('lnGamma', () => {
  it.each([
    [1e-8, 18.42068073818021],
    [0.01, 4.599479878042022],
    [0.243, 1.3180435846996699],
    [0.5, 0.5723649429247001],
    [1, 0],
    [1.5, -0.12078223763524522],
    [2, 0],
    [2.426, 0.23400811688731624],
    [7.5, 7.534364236758733],
    [30.25, 72.104204742008],
    [100, 359.1342053695754],
    [1234.5, 7550.550901077895],
    [1e6, 12815504.569147611],
  ])('lnΓ(%f)', (x, expected) => {
    relClose(lnGamma(x), expected, 1e-14);
  });

  it('matches log-factorials and the reflection formula', () => {
    let lnFact = 0;
    for (let n = 1; n <= 30; n++) {
      relClose(lnGamma(n), lnFact, 1e-14);
      lnFact += Math.log(n);
    }
    // Γ(−0.5) = −2√π
    relClose(lnGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-14);
    expect(lnGamma(0)).toBe(Infinity);
    expect(lnGamma(-3)).toBe(Infinity);
  });
});

describe('digamma', () => {
  it.each([
    [0.001, -1000.5755719318103],
    [0.243, -4.351093864423211],
    [0.5, -1.9635100260214235],
    [1, -0.5772156649015329],
    [2.5, 0.7031566406452432],
    [9.99, 2.250700372831201],
    [10, 2.251752589066721],
    [57.3, 4.039549239957579],
    [1e5, 11.512920464961896],
  ])('ψ(%f)', (x, expected) => {
    relClose(digamma(x), expected, 1e-13);
  });

  it('is the derivative of lnGamma', () => {
    for (const x of [0.3, 1.7, 4.2, 25]) {
      const h = 1e-5;
      relClose(digamma(x), (lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 1e-8);
    }
  });
});

describe('small helpers', () => {
  it('logSumExp neither overflows nor underflows', () => {
    expect(logSumExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logSumExp(-1000, -1000)).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logSumExp(-Infinity, 3)).toBe(3);
    expect(logSumExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
  });

  it('expm1OverX is continuous at 0', () => {
    expect(expm1OverX(0)).toBe(1);
    expect(expm1OverX(1e-12)).toBeCloseTo(1 + 5e-13, 15);
    expect(expm1OverX(1)).toBeCloseTo(Math.E - 1, 14);
    expect(expm1OverX(-2)).toBeCloseTo((Math.exp(-2) - 1) / -2, 14);
  });

  it('normalSurvival matches standard normal tail values', () => {
    expect(normalSurvival(0)).toBeCloseTo(0.5, 7);
    expect(normalSurvival(1.959963985)).toBeCloseTo(0.025, 7);
    expect(normalSurvival(-1)).toBeCloseTo(0.8413447461, 7);
  });
});
