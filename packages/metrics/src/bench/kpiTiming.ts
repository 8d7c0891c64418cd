// Times every KPI over a synthetic base of 1M customers and 10M orders (2 years, columnar):
// `node --import tsx packages/metrics/src/bench/kpiTiming.ts [customers] [ordersPerCustomer]`.
import { orderTotals } from '../activity';
import { isoToDay } from '../calendar';
import { cohortRetention } from '../cohorts';
import { cutFromPredicate } from '../cut';
import { plainCustomers, type MetricsData } from '../data';
import { periodRetention, trendSeries } from '../periods';
import { createRng } from '../random';
import { customerTotals, rfmGrid, rfmScores } from '../rfm';
import { purchaseSummaries } from '../summaries';
import { lastNDays } from '../window';

const customers = Number(process.argv[2] ?? 1_000_000);
const perCustomer = Number(process.argv[3] ?? 10);
const asOfDay = isoToDay('2025-01-01');
const rng = createRng(3);
let t0 = performance.now();
const offsets = new Int32Array(customers + 1);
for (let i = 0; i < customers; i++) offsets[i + 1] = (offsets[i] as number) + 1 + rng.int(2 * perCustomer - 1);
const n = offsets[customers] as number;
const customer = new Int32Array(n);
const day = new Int32Array(n);
const amount = new Float64Array(n);
for (let i = 0; i < customers; i++) {
  let d = asOfDay - 730 + rng.int(365);
  for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
    customer[k] = i;
    day[k] = d;
    amount[k] = 500 + rng.int(20_000);
    d += rng.int(60);
  }
}
const data: MetricsData = { customers: plainCustomers(customers), orders: { customer, day, amount, offsets }, asOfDay };
console.log(`built ${customers} customers, ${n} orders: ${(performance.now() - t0).toFixed(0)} ms`);

const half = cutFromPredicate(customers, (i) => i % 2 === 0);
const time = (name: string, run: () => unknown): void => {
  t0 = performance.now();
  run();
  console.log(`${name}: ${(performance.now() - t0).toFixed(0)} ms`);
};
time('orderTotals, all history', () => orderTotals(data));
time('orderTotals, last 30 days, half the base', () => orderTotals(data, { window: lastNDays(asOfDay, 30), cut: half }));
time('periodRetention monthly', () => periodRetention(data, { period: 'month' }));
time('trendSeries weekly', () => trendSeries(data, { period: 'week' }));
time('cohortRetention', () => cohortRetention(data));
time('customerTotals + rfmScores + rfmGrid', () => {
  const totals = customerTotals(data);
  rfmGrid(data, { totals, scores: rfmScores(data, totals) });
});
time('purchaseSummaries', () => purchaseSummaries(data));
