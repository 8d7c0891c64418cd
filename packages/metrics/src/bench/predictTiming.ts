// Times BG/NBD + Gamma-Gamma predictions for a simulated base of 1M customers (2 years of daily data), with
// moderate parameters and with the a, b ≈ 10^8 a fit returns when few customers drop out; also the
// conditional expectation alone over the distinct (x, T) pairs, which is what predictCustomers caches:
// `node --import tsx packages/metrics/src/bench/predictTiming.ts [customers]`.
import { expectedPurchasesIfAlive, type BgNbdParams } from '../bgnbd';
import { predictCustomers, type PredictionOptions } from '../clv';
import { simulateBgNbd, simulateGammaGamma } from '../simulate';
import type { PurchaseSummaries } from '../summaries';

const customers = Number(process.argv[2] ?? 1_000_000);
const spend = { p: 6, q: 4, gamma: 5000 };
const paramSets: [string, BgNbdParams][] = [
  ['moderate (r 0.8, α 40, a 0.6, b 2.5)', { r: 0.8, alpha: 40, a: 0.6, b: 2.5 }],
  ['few drop-outs (a 2.9e8, b 5.7e8)', { r: 2.886, alpha: 28.25, a: 2.861e8, b: 5.662e8 }],
];
const horizons: [string, PredictionOptions][] = [
  ['365 days', { horizonDays: 365 }],
  ['365 days, discounted monthly', { horizonDays: 365, discount: { ratePerPeriod: 0.01, periodDays: 30 } }],
];

for (const [name, params] of paramSets) {
  const t0 = performance.now();
  const sim = simulateBgNbd(params, { customers, seed: 7, T: [1, 730] });
  const summaries: PurchaseSummaries = {
    x: Int32Array.from(sim.x),
    tx: Int32Array.from(sim.tx, Math.floor),
    T: Int32Array.from(sim.T, Math.ceil),
    repeatSpend: simulateGammaGamma(spend, sim.x, 8),
    daySpend: new Float64Array(customers),
  };
  console.log(`${name}: simulated ${customers} customers in ${(performance.now() - t0).toFixed(0)} ms`);
  const pairs = new Map<number, [number, number]>();
  for (let i = 0; i < customers; i++) {
    const x = summaries.x[i] as number;
    const T = summaries.T[i] as number;
    pairs.set(x * 4294967296 + T, [x, T]);
  }
  report(`E[Y(365) | alive] over ${pairs.size} distinct (x, T)`, () => {
    let sum = 0;
    for (const [x, T] of pairs.values()) sum += expectedPurchasesIfAlive(params, 365, x, T);
    return `sum ${sum.toFixed(1)}`;
  });
  for (const [label, options] of horizons) {
    report(`predictCustomers, ${label}`, () => {
      const out = predictCustomers(summaries, params, spend, options);
      let finite = 0;
      for (const v of out.clv) if (Number.isFinite(v)) finite++;
      return `${finite} finite CLVs`;
    });
  }
}

/** Median of 5 runs; a run that throws is reported with its message. */
function report(label: string, run: () => string): void {
  const times: number[] = [];
  let outcome = '';
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    try {
      outcome = run();
    } catch (err) {
      outcome = `failed: ${(err as Error).message}`;
    }
    times.push(performance.now() - t0);
  }
  times.sort((p, q) => p - q);
  console.log(`  ${label}: median ${(times[2] as number).toFixed(0)} ms of 5 (${outcome})`);
}
