// Parameter recovery and predictive checks on customers drawn from BG/NBD itself (seeded, so deterministic).
import { describe, expect, it } from 'vitest';
import {
  bgnbdObjective,
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
} from './bgnbd';
import { createRng } from './random';
import { simulateBgNbd, simulationGroups } from './simulate';

// Time in days: mean purchase rate r/α = 1 every 50 days, mean drop-out probability a/(a+b) ≈ 19 %.
const truth: BgNbdParams = { r: 0.8, alpha: 40, a: 0.6, b: 2.5 };
const relativeError = (fit: BgNbdParams, k: keyof BgNbdParams): number => Math.abs(fit[k] - truth[k]) / truth[k];

describe('fitBgNbd on simulated customers', () => {
  it('recovers r and α within 5 % and a and b within 10 % from 30,000 customers', () => {
    // Over seeds 1–5 the largest errors seen were 2 % (r, α), 3.5 % (a) and 5.3 % (b): the bounds are ~2–3
    // standard errors at this sample size.
    const sim = simulateBgNbd(truth, { customers: 30_000, seed: 1, T: [30, 730] });
    const fit = fitBgNbd(simulationGroups(sim));
    expect(fit.converged).toBe(true);
    expect(fit.method).toBe('bfgs');
    expect(relativeError(fit.params, 'r')).toBeLessThan(0.05);
    expect(relativeError(fit.params, 'alpha')).toBeLessThan(0.05);
    expect(relativeError(fit.params, 'a')).toBeLessThan(0.1);
    expect(relativeError(fit.params, 'b')).toBeLessThan(0.1);
  });

  it('above 40,000 distinct triples races the starts on a subsample and still ends at the full optimum', () => {
    const groups = simulationGroups(simulateBgNbd(truth, { customers: 45_000, seed: 3, T: [30, 730] }));
    const fit = fitBgNbd(groups);
    expect(fit.converged).toBe(true);
    const grad = [0, 0, 0, 0];
    const { fg } = bgnbdObjective(groups);
    fg([fit.params.r, fit.params.alpha, fit.params.a, fit.params.b].map(Math.log), grad);
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-5);
    expect(relativeError(fit.params, 'r')).toBeLessThan(0.05);
    expect(relativeError(fit.params, 'b')).toBeLessThan(0.1);
  });

  it('finds the same optimum with Nelder–Mead', () => {
    const sim = simulateBgNbd(truth, { customers: 3_000, seed: 2, T: [30, 730] });
    const groups = simulationGroups(sim);
    const a = fitBgNbd(groups);
    const b = fitBgNbd(groups, { method: 'nelder-mead' });
    expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 3);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(b.params[k] / a.params[k]).toBeCloseTo(1, 3);
  });
});

/** Simulates past (0, T] and future (T, T + t] of each customer from the model. */
function pastAndFuture(p: BgNbdParams, customers: number, t: number, seed: number) {
  const rng = createRng(seed);
  const rows: { x: number; tx: number; T: number; future: number; alive: boolean }[] = [];
  for (let i = 0; i < customers; i++) {
    const lambda = rng.gamma(p.r, p.alpha);
    const dropout = rng.beta(p.a, p.b);
    const T = 30 + 700 * rng.uniform();
    let time = 0;
    let x = 0;
    let tx = 0;
    let future = 0;
    let alive = true;
    for (;;) {
      time += rng.exponential(lambda);
      if (time > T + t) break;
      if (time <= T) {
        x++;
        tx = time;
      } else {
        future++;
      }
      if (rng.uniform() < dropout) {
        alive = time > T; // died after T: still alive at T
        break;
      }
    }
    rows.push({ x, tx, T, future, alive });
  }
  return rows;
}

describe('BG/NBD predictions against what the model then does', () => {
  const t = 180;
  const rows = pastAndFuture(truth, 30_000, t, 11);

  it('Σ E[Y(t) | history] matches the purchases simulated in (T, T + t] within 3 standard errors', () => {
    let predicted = 0;
    let actual = 0;
    let sumSq = 0;
    for (const r of rows) {
      const e = expectedPurchases(truth, t, r.x, r.tx, r.T);
      predicted += e;
      actual += r.future;
      sumSq += (r.future - e) ** 2;
    }
    const se = Math.sqrt(sumSq);
    expect(Math.abs(actual - predicted)).toBeLessThan(3 * se);
    // And the check has teeth: ignoring drop-out (everyone alive) overshoots by far more.
    let naive = 0;
    for (const r of rows) naive += expectedPurchases(truth, t, r.x, r.tx, r.T) / probabilityAlive(truth, r.x, r.tx, r.T);
    expect(naive - actual).toBeGreaterThan(10 * se);
  });

  it('Σ P(alive | history) matches the customers still alive at T within 3 standard errors', () => {
    let predicted = 0;
    let actual = 0;
    let variance = 0;
    for (const r of rows) {
      const pa = probabilityAlive(truth, r.x, r.tx, r.T);
      predicted += pa;
      actual += r.alive ? 1 : 0;
      variance += pa * (1 - pa);
    }
    expect(Math.abs(actual - predicted)).toBeLessThan(3 * Math.sqrt(variance));
  });

  it('E[X(t)] of a new customer matches the simulated mean number of repeat purchases', () => {
    const sim = simulateBgNbd(truth, { customers: 40_000, seed: 5, T: [t, t] });
    const mean = sim.x.reduce((s, v) => s + v, 0) / sim.x.length;
    const sd = Math.sqrt(sim.x.reduce((s, v) => s + (v - mean) ** 2, 0) / (sim.x.length - 1));
    expect(Math.abs(mean - expectedPurchasesNewCustomer(truth, t))).toBeLessThan((3 * sd) / Math.sqrt(sim.x.length));
  });
});
