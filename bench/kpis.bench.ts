// The KPI feature on the benchmark database (1M customers, ~10M orders): the cold load (columns read from
// SQLite, BG/NBD + Gamma-Gamma fits, holdout check, R/F/M), writing the predictions table, and the warm
// kpis.dashboard the page waits for (target: under 1 s), also with an as-of override and six segment cuts.
// Run alone: node --import tsx bench/kpis.bench.ts (KIZUNA_BENCH_CUSTOMERS=N for another size).
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createSavedSegment, findLiveSegmentByName, resolveAsOf, type KizunaDb } from '@kizuna/db';
import type { SegmentRule } from '@kizuna/segments';
import { dataStamp, getKpiState, persistPredictions } from '../apps/server/src/features/kpis/cache';
import { fitModels } from '../apps/server/src/features/kpis/models';
import { kpiDashboard } from '../apps/server/src/features/kpis/service';
import { getSegmentEngine } from '../apps/server/src/features/segments/engine';
import { benchCustomers, openBenchDb } from './benchDb';
import { ms, printTable, time, type Timing } from './stats';

const rule = (children: SegmentRule['children']): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });

/** Six segments of different sizes, saved once in the benchmark database. */
const cutRules: [string, SegmentRule][] = [
  ['kpi-bench women', rule([{ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }])],
  ['kpi-bench recent', rule([{ kind: 'computed', field: 'recency_days', op: 'lte', value: 90 }])],
  ['kpi-bench high M', rule([{ kind: 'computed', field: 'm_score', op: 'gte', value: 4 }])],
  ['kpi-bench LINE', rule([{ kind: 'reachability', channel: 'line' }])],
  ['kpi-bench 25-39', rule([{ kind: 'computed', field: 'age', op: 'between', value: [25, 39] }])],
  ['kpi-bench at risk', rule([{ kind: 'computed', field: 'p_alive', op: 'lt', value: 0.3 }])],
];

async function savedCuts(db: KizunaDb): Promise<string[]> {
  const ids: string[] = [];
  for (const [name, r] of cutRules) {
    const found = await findLiveSegmentByName(db, name);
    ids.push(found ? found.id : (await createSavedSegment(db, { name, description: '', tags: ['bench'], rule: r }, { userId: null })).id);
  }
  return ids;
}

async function once<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export async function benchKpis(): Promise<void> {
  const db = await openBenchDb();
  try {
    console.log(`\nKPIs on ${benchCustomers.toLocaleString('en')} customers (${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)})`);
    const asOf = await resolveAsOf(db);
    const stamp = await dataStamp(db, asOf.dataThroughDate);
    const cold = await once(() => getKpiState(db, asOf.asOfDay, stamp));
    const state = cold.value;
    const orders = state.data.orders.day.length;
    const fit = await once(async () => fitModels(state.data));
    const persist = await once(() => persistPredictions(db, state));
    const firstDashboard = await once(() => kpiDashboard(db, { period: 'month' }));

    const rows: Timing[] = [];
    rows.push(await time('dashboard, month (warm)', 10, () => kpiDashboard(db, { period: 'month' })));
    rows.push(await time('dashboard, week (warm)', 10, () => kpiDashboard(db, { period: 'week' })));
    rows.push(await time('dashboard, 24 months range (warm)', 5, () => kpiDashboard(db, { period: 'month', from: '2024-11-01' })));
    const override = await once(() => kpiDashboard(db, { period: 'month', asOfDate: '2026-06-01' }));
    rows.push(await time('dashboard, as of 2026-06-01 (warm)', 5, () => kpiDashboard(db, { period: 'month', asOfDate: '2026-06-01' })));
    const segmentIds = await savedCuts(db);
    const engine = await once(() => getSegmentEngine(db));
    const firstCut = await once(() => kpiDashboard(db, { period: 'month', segmentIds }));
    rows.push(await time('dashboard + 1 segment cut (warm)', 5, () => kpiDashboard(db, { period: 'month', segmentIds: segmentIds.slice(0, 1) })));
    rows.push(await time('dashboard + 6 segment cuts (warm)', 5, () => kpiDashboard(db, { period: 'month', segmentIds })));

    console.log(`${state.customerIds.length.toLocaleString('en')} customers, ${orders.toLocaleString('en')} orders loaded\n`);
    printTable(
      ['cold step', 'time'],
      [
        ['load columns from SQLite', ms(state.loadMs)],
        ['fits + holdout check + R/F/M (derive)', ms(state.deriveMs)],
        ['  of which BG/NBD + Gamma-Gamma fit and predictions (target < 30 s)', ms(fit.ms)],
        ['cold state total', ms(cold.ms)],
        [`write customer_predictions (${persist.value ? 'written' : 'already current'})`, ms(persist.ms)],
        ['first dashboard after the cold load', ms(firstDashboard.ms)],
        ['first dashboard as of 2026-06-01 (derive for that day)', ms(override.ms)],
        ['segment engine load (segments feature)', ms(engine.ms)],
        ['first dashboard with 6 segment cuts', ms(firstCut.ms)],
      ],
    );
    console.log('');
    printTable(
      ['warm case', 'runs', 'median', 'p95', 'target'],
      rows.map((r) => [r.name, String(r.runs), ms(r.medianMs), ms(r.p95Ms), r.name.startsWith('dashboard, month') ? '< 1 s' : '']),
    );
    const memory = process.memoryUsage();
    console.log(`\nrss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB, external ${(memory.external / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchKpis();
