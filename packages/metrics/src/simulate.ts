// Draws customer histories from the BG/NBD and Gamma-Gamma models themselves, to test that fits recover
// the parameters and to time fits at scale. Seeded, so every run draws the same customers.
import type { BgNbdParams } from './bgnbd';
import type { OrderRow } from './data';
import type { GammaGammaParams } from './gammaGamma';
import { createRng } from './random';
import type { SummaryGroups } from './summaries';

export interface BgNbdSimulation {
  /** Per customer: repeat purchases, time of the last one, observation length (continuous time). */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Purchase times of each customer (first purchase at 0), when keepTimes was set. */
  times?: number[][];
}

export interface SimulationOptions {
  customers: number;
  seed: number;
  /** Observation length of each customer, drawn uniformly from [min, max]. */
  T: readonly [number, number];
  keepTimes?: boolean;
}

/**
 * Each customer: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases arrive at rate λ after the first one at time 0; after
 * each repeat purchase the customer drops out with probability p.
 */
export function simulateBgNbd(params: BgNbdParams, options: SimulationOptions): BgNbdSimulation {
  const rng = createRng(options.seed);
  const n = options.customers;
  const [tMin, tMax] = options.T;
  const sim: BgNbdSimulation = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) };
  if (options.keepTimes) sim.times = [];
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(params.r, params.alpha);
    const p = rng.beta(params.a, params.b);
    const T = tMin + (tMax - tMin) * rng.uniform();
    const times = [0];
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t > T) break;
      x++;
      tx = t;
      times.push(t);
      if (rng.uniform() < p) break;
    }
    sim.x[i] = x;
    sim.tx[i] = tx;
    sim.T[i] = T;
    sim.times?.push(times);
  }
  return sim;
}

/** One group per simulated customer. */
export function simulationGroups(sim: BgNbdSimulation): SummaryGroups {
  return { x: sim.x, tx: sim.tx, T: sim.T, weight: new Float64Array(sim.x.length).fill(1) };
}

/**
 * Orders (whole days) from a simulation run in days: customer i's purchase at time t falls on day
 * asOfDay − ceil(T_i) + floor(t); amounts from the Gamma-Gamma model when given, else 1000.
 */
export function simulatedOrders(
  sim: BgNbdSimulation,
  asOfDay: number,
  spend?: { params: GammaGammaParams; seed: number },
): OrderRow[] {
  if (!sim.times) throw new RangeError('simulate with keepTimes to get orders');
  const rng = createRng(spend?.seed ?? 1);
  const rows: OrderRow[] = [];
  sim.times.forEach((times, customer) => {
    const first = asOfDay - Math.ceil(sim.T[customer] as number);
    const nu = spend ? rng.gamma(spend.params.q, spend.params.gamma) : 0;
    for (const t of times) {
      const amount = spend ? Math.max(1, Math.round(rng.gamma(spend.params.p, nu))) : 1000;
      rows.push({ customer, day: Math.min(asOfDay - 1, first + Math.floor(t)), amount });
    }
  });
  return rows;
}

/** Mean of x purchase values per customer under Gamma-Gamma: ν ~ Gamma(q, γ), each value ~ Gamma(p, ν). */
export function simulateGammaGamma(params: GammaGammaParams, x: ArrayLike<number>, seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const nu = rng.gamma(params.q, params.gamma);
    const n = x[i] as number;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += rng.gamma(params.p, nu);
    out[i] = n > 0 ? sum / n : NaN;
  }
  return out;
}
