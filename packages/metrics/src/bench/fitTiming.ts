// Measures the BG/NBD and Gamma-Gamma fits on a simulated base of 1M customers (2 years of daily data):
// `node --import tsx packages/metrics/src/bench/fitTiming.ts [customers]`. Prints timings and the error of
// the recovered parameters.
import { fitBgNbd } from '../bgnbd';
import { predictCustomers } from '../clv';
import { fitGammaGamma, spendDataFromSummaries } from '../gammaGamma';
import { simulateBgNbd, simulateGammaGamma } from '../simulate';
import { groupSummaries, type PurchaseSummaries } from '../summaries';

const customers = Number(process.argv[2] ?? 1_000_000);
const truth = { r: 0.8, alpha: 40, a: 0.6, b: 2.5 };
const spendTruth = { p: 6, q: 4, gamma: 5000 };
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;

let t0 = performance.now();
const sim = simulateBgNbd(truth, { customers, seed: 7, T: [1, 730] });
// Whole days, as purchaseSummaries produces them from orders.
const summaries: PurchaseSummaries = {
  x: Int32Array.from(sim.x),
  tx: Int32Array.from(sim.tx, Math.floor),
  T: Int32Array.from(sim.T, Math.ceil),
  repeatSpend: simulateGammaGamma(spendTruth, sim.x, 8),
  daySpend: new Float64Array(customers),
};
console.log(`simulated ${customers} customers: ${ms(t0)}`);

t0 = performance.now();
const groups = groupSummaries(summaries);
console.log(`grouped into ${groups.x.length} distinct (x, t_x, T): ${ms(t0)}`);

t0 = performance.now();
const bg = fitBgNbd(groups);
console.log(`BG/NBD fit: ${ms(t0)} (${bg.method}, converged ${bg.converged}, ${bg.evaluations} evaluations)`);
for (const k of ['r', 'alpha', 'a', 'b'] as const) {
  console.log(`  ${k}: ${bg.params[k].toFixed(4)} (true ${truth[k]}, ${((100 * (bg.params[k] - truth[k])) / truth[k]).toFixed(2)} %)`);
}

t0 = performance.now();
const spend = spendDataFromSummaries(summaries);
const gg = fitGammaGamma(spend);
console.log(`Gamma-Gamma fit on ${spend.x.length} repeat customers: ${ms(t0)} (${gg.method}, converged ${gg.converged})`);
for (const k of ['p', 'q', 'gamma'] as const) {
  const v = gg.params[k];
  console.log(`  ${k}: ${v.toFixed(4)} (true ${spendTruth[k]}, ${((100 * (v - spendTruth[k])) / spendTruth[k]).toFixed(2)} %)`);
}

t0 = performance.now();
const predictions = predictCustomers(summaries, bg.params, gg.params, { horizonDays: 365 });
let total = 0;
for (const v of predictions.clv) if (Number.isFinite(v)) total += v;
console.log(`predictions (365-day CLV) for ${customers} customers: ${ms(t0)}; mean CLV ${(total / customers).toFixed(0)}`);
