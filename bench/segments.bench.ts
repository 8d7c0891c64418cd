// Segment engine benchmark: builds a synthetic SegmentData of 1M customers / 10M orders in memory (no
// database) and prints median/p95 of the live-preview cases with their targets, plus the memory held.
// Run: node --import tsx bench/segments.bench.ts [--customers N] [--orders-per-customer K] [--runs R]
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  type Bitset,
  createEvaluator,
  dataFootprintBytes,
  overlaps,
  type RuleNode,
  type SegmentData,
  type SegmentRule,
} from '@kizuna/segments';
import { buildSyntheticData } from '../packages/segments/src/testing/synthetic';

export interface BenchCase {
  name: string;
  targetP95Ms: number | null;
  /** Wall-clock time. */
  medianMs: number;
  p95Ms: number;
  /** CPU time of the process (all its threads): what the case costs when the machine is not shared. */
  cpuMedianMs: number;
  cpuP95Ms: number;
  runs: number;
}

export interface SegmentsBenchResult {
  customers: number;
  orders: number;
  buildMs: number;
  /** Building the bitmap indexes of categorical, tag and flag columns (once per data load). */
  indexMs: number;
  columnBytes: number;
  heapUsedBytes: number;
  rssBytes: number;
  /** 1-minute load average while measuring: on a shared machine, wall-clock times grow with it. */
  loadAverage: number;
  cases: BenchCase[];
}

const rule = (...children: RuleNode[]): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });

const attributePreview = (i: number): SegmentRule =>
  rule(
    { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' },
    { kind: 'computed', field: 'age', op: 'between', value: [25 + (i % 5), 45] },
    { kind: 'attribute', field: 'region', op: 'in', value: ['東京都', '神奈川県', '大阪府'] },
    { kind: 'attribute', field: 'interests', op: 'contains', value: 'beauty' },
    { kind: 'attribute', field: 'line_opt_in', op: 'is_true' },
  );

const twoOrdersIn90Days: SegmentRule = rule({
  kind: 'behaviour',
  source: 'orders',
  aggregate: 'count',
  op: 'gte',
  value: 2,
  window: { type: 'last_days', days: 90 },
});

const cosmeticsIn90Days: SegmentRule = rule({
  kind: 'behaviour',
  source: 'orders',
  aggregate: 'count',
  op: 'gte',
  value: 1,
  window: { type: 'last_days', days: 90 },
  filters: { categories: ['Cosmetics'] },
});

const spentInYear: SegmentRule = rule({
  kind: 'behaviour',
  source: 'orders',
  aggregate: 'sum',
  measure: 'amount',
  op: 'gte',
  value: 50_000,
  window: { type: 'last_days', days: 365 },
});

const eightSegments: SegmentRule[] = [
  rule({ kind: 'computed', field: 'r_score', op: 'gte', value: 4 }),
  rule({ kind: 'computed', field: 'f_score', op: 'gte', value: 4 }),
  rule({ kind: 'computed', field: 'm_score', op: 'gte', value: 4 }),
  rule({ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }),
  rule({ kind: 'computed', field: 'age', op: 'lt', value: 35 }),
  rule({ kind: 'attribute', field: 'interests', op: 'contains', value: 'beauty' }),
  rule({ kind: 'reachability', channel: 'line' }),
  rule({ kind: 'computed', field: 'recency_days', op: 'lte', value: 90 }),
];

function time(name: string, targetP95Ms: number | null, runs: number, prepare: (i: number) => void, fn: (i: number) => void): BenchCase {
  for (let i = 0; i < 3; i++) {
    prepare(i);
    fn(i);
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    prepare(i);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(i);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { name, targetP95Ms, medianMs: quantile(wall, 0.5), p95Ms: quantile(wall, 0.95), cpuMedianMs: quantile(cpu, 0.5), cpuP95Ms: quantile(cpu, 0.95), runs };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function runSegmentsBench(options: { customers?: number; ordersPerCustomer?: number; runs?: number } = {}): SegmentsBenchResult {
  const customers = options.customers ?? 1_000_000;
  const runs = options.runs ?? 30;
  const t0 = performance.now();
  const data: SegmentData = buildSyntheticData(customers, options.ordersPerCustomer ?? 10, 42);
  const buildMs = performance.now() - t0;
  const evaluator = createEvaluator(data);
  const t1 = performance.now();
  evaluator.warmIndexes();
  const indexMs = performance.now() - t1;
  const cold = (): void => evaluator.clearCache();
  const nothing = (): void => undefined;
  const cases: BenchCase[] = [];

  cases.push(time('preview, 5 attribute predicates, node cache empty', 10, runs, cold, (i) => void evaluator.preview(attributePreview(i))));
  cases.push(time('preview after editing one of 5 predicates', 10, runs, nothing, (i) => void evaluator.preview(attributePreview(i))));
  cases.push(time('≥ 2 orders in the last 90 days, node cache empty', 25, runs, cold, () => void evaluator.count(twoOrdersIn90Days)));
  cases.push(time('≥ 1 Cosmetics order in the last 90 days (category filter)', null, runs, cold, () => void evaluator.count(cosmeticsIn90Days)));
  cases.push(time('spent ≥ 50,000 in the last 365 days (sum per customer)', null, runs, cold, () => void evaluator.count(spentInYear)));
  const sets: Bitset[] = eightSegments.map((r) => evaluator.evaluate(r));
  cases.push(time('overlap of 8 segments (bitsets given)', 20, runs, nothing, () => void overlaps(sets)));
  cases.push(time('overlap of 8 segments incl. evaluating them, cache empty', null, Math.min(runs, 10), cold, () => void overlaps(eightSegments.map((r) => evaluator.evaluate(r)))));

  const mem = process.memoryUsage();
  return {
    customers,
    orders: data.orders.count,
    buildMs,
    indexMs,
    columnBytes: dataFootprintBytes(data),
    heapUsedBytes: mem.heapUsed,
    rssBytes: mem.rss,
    loadAverage: loadavg()[0] ?? 0,
    cases,
  };
}

export function formatSegmentsBench(r: SegmentsBenchResult): string {
  const mb = (b: number): string => `${(b / 1_048_576).toFixed(0)} MB`;
  const lines = [
    `segments: ${r.customers.toLocaleString('en')} customers, ${r.orders.toLocaleString('en')} orders (built in ${(r.buildMs / 1000).toFixed(1)} s)`,
    `  in-memory columns ${mb(r.columnBytes)} (target < 500 MB) · heap used ${mb(r.heapUsedBytes)} · rss ${mb(r.rssBytes)}`,
    `  bitmap indexes built in ${r.indexMs.toFixed(0)} ms · load average ${r.loadAverage.toFixed(1)} on ${cpus().length} cores`,
  ];
  for (const c of r.cases) {
    const target = c.targetP95Ms === null ? '' : `  target p95 ≤ ${c.targetP95Ms} ms ${c.p95Ms <= c.targetP95Ms ? 'ok' : 'MISSED'}`;
    const cpu = `(cpu median ${c.cpuMedianMs.toFixed(1)}, p95 ${c.cpuP95Ms.toFixed(1)})`;
    lines.push(`  ${c.name.padEnd(58)} median ${c.medianMs.toFixed(2).padStart(7)} ms  p95 ${c.p95Ms.toFixed(2).padStart(7)} ms ${cpu}${target}`);
  }
  return lines.join('\n');
}

/** For bench/run.ts sections: 1M customers / 10M orders unless KIZUNA_BENCH_CUSTOMERS says otherwise. */
export async function benchSegments(): Promise<void> {
  const customers = Number(process.env.KIZUNA_BENCH_CUSTOMERS) || undefined;
  console.log(formatSegmentsBench(runSegmentsBench({ customers })));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string): number | undefined => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = runSegmentsBench({ customers: arg('--customers'), ordersPerCustomer: arg('--orders-per-customer'), runs: arg('--runs') });
  console.log(formatSegmentsBench(result));
}
