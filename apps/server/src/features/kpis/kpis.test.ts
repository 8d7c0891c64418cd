// kpis.dashboard through the app router on a small demo workspace: every tile equals the @kizuna/metrics
// function on the same data (read independently of the loader), the as-of override, ranges, segment cuts
// and roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDb, dayFromDate, generateDemo, readPredictionFit, type KizunaDb } from '@kizuna/db';
import {
  averageOrderValue,
  cohortRetention,
  countActiveCustomers,
  countCustomers,
  csat,
  cutFromIndexes,
  fitCustomerModels,
  KPI_DEFINITIONS,
  periodRetention,
  purchaseFrequency,
  repeatPurchaseRate,
  revenuePerCustomer,
  rfmGrid,
  trendSeries,
  type Cut,
  type MetricsData,
} from '@kizuna/metrics';
import { callerAs } from '../../testing';
import { readIndependently } from './testData';
import type { KpiDashboard, TileId } from './types';

const d = dayFromDate;

function tileOf(dashboard: Pick<KpiDashboard, 'tiles'>, id: TileId) {
  const tile = dashboard.tiles.find((t) => t.id === id);
  if (!tile) throw new Error(`no tile ${id}`);
  return tile;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (err) {
    return err instanceof TRPCError ? err.code : String(err);
  }
}

/** What each tile must be for the period [start, end], computed with the KPI functions directly. */
function expectTilesMatch(tiles: KpiDashboard['tiles'], data: MetricsData, start: number, end: number, cut?: Cut, retentionPeriod?: string) {
  const window = { start, end };
  const atEnd = { ...data, asOfDay: end + 1 };
  expect(tileOf({ tiles }, 'customers').value).toBe(countCustomers(atEnd, { cut }));
  expect(tileOf({ tiles }, 'active_customers').value).toBe(countActiveCustomers(data, { window, cut }));
  const repeat = repeatPurchaseRate(atEnd, { cut });
  expect(tileOf({ tiles }, 'repeat_purchase_rate')).toMatchObject({ value: repeat.value, numerator: repeat.numerator, denominator: repeat.denominator });
  expect(tileOf({ tiles }, 'aov').value).toBe(averageOrderValue(data, { window, cut }).value);
  expect(tileOf({ tiles }, 'purchase_frequency').value).toBe(purchaseFrequency(data, { window, cut }).value);
  expect(tileOf({ tiles }, 'revenue_per_customer').value).toBe(revenuePerCustomer(data, { window, cut }).value);
  expect(tileOf({ tiles }, 'csat').value).toBe(csat(data, { window, cut }).share.value);
  if (retentionPeriod) {
    const point = periodRetention({ ...data, asOfDay: end + 1 }, { period: 'month', cut }).find((p) => p.period === retentionPeriod)!;
    expect(tileOf({ tiles }, 'retention').value).toBe(point.retention.value);
    expect(tileOf({ tiles }, 'churn').value).toBe(point.churn);
  }
}

describe('kpis.dashboard on a demo workspace', () => {
  let db: KizunaDb;
  let data: MetricsData;
  let ids: string[];
  let manager: Awaited<ReturnType<typeof callerAs>>['caller'];
  const asOfDay = d('2026-11-01');

  beforeAll(async () => {
    db = await createTestDb();
    await generateDemo(db, { customers: 400, seed: 11 });
    ({ data, ids } = await readIndependently(db, asOfDay));
    manager = (await callerAs(db, 'manager')).caller;
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows the last complete month, compared with the one before, and every tile equals its KPI function', async () => {
    const dash = await manager.kpis.dashboard({ period: 'month' });
    expect(dash).toMatchObject({ asOfDate: '2026-11-01', workspaceAsOfDate: '2026-11-01', dataThroughDate: '2026-10-31', currency: 'JPY' });
    expect(dash.range).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(dash.current).toEqual({ period: '2026-10', startDate: '2026-10-01', endDate: '2026-10-31', complete: true });
    expect(dash.previous?.period).toBe('2026-09');
    expect(dash.tiles.map((t) => t.id)).toEqual([
      'customers', 'active_customers', 'repeat_purchase_rate', 'retention', 'churn', 'aov', 'purchase_frequency',
      'revenue_per_customer', 'csat', 'predicted_clv',
    ]);
    expectTilesMatch(dash.tiles, data, d('2026-10-01'), d('2026-10-31'), undefined, '2026-09');
    // The previous value is the same functions over September.
    const september = { start: d('2026-09-01'), end: d('2026-09-30') };
    expect(tileOf(dash, 'active_customers').previous).toBe(countActiveCustomers(data, { window: september }));
    expect(tileOf(dash, 'aov').previous).toBe(averageOrderValue(data, { window: september }).value);
    for (const tile of dash.tiles.filter((t) => t.id !== 'predicted_clv')) {
      expect(tile.series, tile.id).toHaveLength(12);
      expect(tile.series.at(-1), tile.id).toEqual({ period: '2026-10', value: tile.value });
    }
    // Predicted CLV: the mean over customers with a purchase of the 365-day CLV of the model fitted as of the as-of date.
    const fitted = fitCustomerModels(data, { horizonDays: 365 });
    const clv = Array.from(fitted.predictions.clv).filter((v) => !Number.isNaN(v));
    const clvTile = tileOf(dash, 'predicted_clv');
    expect(clvTile.denominator).toBe(clv.length);
    expect(clvTile.value! / (clv.reduce((a, b) => a + b, 0) / clv.length)).toBeCloseTo(1, 6);
    expect(clvTile.previous).not.toBeNull();
    expect(clvTile.series.map((p) => p.period)).toEqual(['2026-09', '2026-10']);
  });

  it('gives the trend, cohort triangle and R × F grid of the KPI functions', async () => {
    const dash = await manager.kpis.dashboard({ period: 'month' });
    const trend = trendSeries(data, { period: 'month', fromDay: d('2025-11-01') });
    expect(dash.trend.map((r) => [r.period, r.activeCustomers, r.orders, r.revenue, r.retention])).toEqual(
      trend.map((p) => [p.period, p.activeCustomers, p.orders, p.revenue, p.retention?.value ?? null]),
    );
    expect(dash.trend.map((r) => r.newCustomers)).toEqual(trend.map((p) => firstOrdersIn(data, p.startDay, p.endDay)));
    const cohorts = cohortRetention(data, { fromDay: d('2025-11-01') });
    expect(dash.cohorts.map((r) => [r.cohort, r.size, r.cells.map((c) => c.customers)])).toEqual(cohorts.map((r) => [r.cohort, r.size, r.cells.map((c) => c.customers)]));
    expect(dash.cohorts[0]!.cohort).toBe('2025-11');
    const grid = rfmGrid(data);
    expect(dash.rfm).toEqual({ cells: grid.cells, customers: grid.customers, revenue: grid.revenue });
    expect(dash.csat.map((p) => p.responses)).toEqual(
      trend.map((p) => csat(data, { window: { start: p.startDay, end: p.endDay } }).responses),
    );
  });

  it('checks the BG/NBD fit on a calibration and holdout split', async () => {
    const { model } = await manager.kpis.dashboard({ period: 'month' });
    expect(model.available).toBe(true);
    expect(model.params?.bgnbd.converged).toBe(true);
    expect(model.customers).toBe(countCustomersWithOrders(data));
    expect(model.meanPAlive).toBeGreaterThan(0);
    expect(model.meanPAlive).toBeLessThanOrEqual(1);
    const check = model.check!;
    expect(check).toMatchObject({ holdoutStartDate: '2026-05-03', holdoutEndDate: '2026-10-31', holdoutDays: 182 });
    expect(check.buckets.map((b) => b.repeatPurchases)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(check.buckets.reduce((n, b) => n + b.customers, 0)).toBe(check.total.customers);
    // The model's total for the holdout is in the neighbourhood of what happened (demo data is not BG/NBD).
    expect(check.total.predicted / check.total.actual).toBeGreaterThan(0.5);
    expect(check.total.predicted / check.total.actual).toBeLessThan(2);
  });

  it('computes weekly periods Monday to Sunday', async () => {
    const dash = await manager.kpis.dashboard({ period: 'week' });
    // 2026-10-31 is a Saturday: the week of 2026-10-26 is still running, so the tiles show the week before.
    expect(dash.current).toEqual({ period: '2026-10-19', startDate: '2026-10-19', endDate: '2026-10-25', complete: true });
    expect(dash.trend.at(-1)).toMatchObject({ period: '2026-10-26', endDate: '2026-10-31', complete: false });
    expect(dash.trend).toHaveLength(12);
    expectTilesMatch(dash.tiles, data, d('2026-10-19'), d('2026-10-25'));
  });

  it('computes as of another date without changing the workspace setting', async () => {
    const dash = await manager.kpis.dashboard({ period: 'month', asOfDate: '2026-06-15' });
    expect(dash).toMatchObject({ asOfDate: '2026-06-15', workspaceAsOfDate: '2026-11-01' });
    expect(dash.range.to).toBe('2026-06-14');
    expect(dash.current?.period).toBe('2026-05');
    const earlier = { ...data, asOfDay: d('2026-06-15') };
    expectTilesMatch(dash.tiles, earlier, d('2026-05-01'), d('2026-05-31'), undefined, '2026-04');
    expect(dash.cohorts.at(-1)!.cohort).toBe('2026-06');
    expect(dash.rfm).toEqual((({ cells, customers, revenue }) => ({ cells, customers, revenue }))(rfmGrid(earlier)));
    expect((await manager.settings.get()).asOfDate).toBeNull();
    expect((await readPredictionFit(db))?.asOfDate).toBe('2026-11-01');
  });

  it('takes an explicit range, cut at the day before the as-of date, and refuses a bad one', async () => {
    const dash = await manager.kpis.dashboard({ period: 'month', from: '2026-03-01', to: '2027-01-31' });
    expect(dash.range).toEqual({ from: '2026-03-01', to: '2026-10-31' });
    expect(dash.trend.map((r) => r.period)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    const mid = await manager.kpis.dashboard({ period: 'month', from: '2026-03-01', to: '2026-08-20' });
    expect(mid.current?.period).toBe('2026-07');
    expect(mid.trend.at(-1)).toMatchObject({ period: '2026-08', endDate: '2026-08-20', complete: false });
    expectTilesMatch(mid.tiles, { ...data, asOfDay: d('2026-08-21') }, d('2026-07-01'), d('2026-07-31'));
    expect(await codeOf(manager.kpis.dashboard({ period: 'month', from: '2026-05-01', to: '2026-04-01' }))).toBe('BAD_REQUEST');
    expect(await codeOf(manager.kpis.dashboard({ period: 'month', from: '2026-12-01' }))).toBe('BAD_REQUEST');
    expect(await codeOf(manager.kpis.dashboard({ period: 'month', from: '2026-02-30' }))).toBe('BAD_REQUEST');
    expect(await codeOf(manager.kpis.dashboard({ period: 'month', from: '2000-01-01' }))).toBe('BAD_REQUEST');
  });

  it('cuts every tile by saved segments, side by side', async () => {
    const { caller: marketer } = await callerAs(db, 'marketer');
    const rule = { version: 1, kind: 'group', combinator: 'and', children: [{ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }] };
    const women = await marketer.segments.create({ name: 'Women', rule: rule as Record<string, unknown> });
    const loyal = await marketer.segments.create({
      name: 'Frequent buyers',
      rule: { ...rule, children: [{ kind: 'computed', field: 'frequency', op: 'gte', value: 5 }] } as Record<string, unknown>,
    });
    const dash = await manager.kpis.dashboard({ period: 'month', segmentIds: [women.id, 'no-such-segment', loyal.id] });
    expect(dash.missingSegmentIds).toEqual(['no-such-segment']);
    expect(dash.segments.map((s) => s.name)).toEqual(['Women', 'Frequent buyers']);
    const genders = await db.kysely.selectFrom('customer_features').select(['customer_id', 'gender', 'frequency']).orderBy('customer_id').execute();
    const womenCut = cutFromIndexes(ids.length, genders.flatMap((g, i) => (g.gender === 'female' ? [i] : [])));
    const loyalCut = cutFromIndexes(ids.length, genders.flatMap((g, i) => (g.frequency >= 5 ? [i] : [])));
    expect(dash.segments[0]!.members).toBe(genders.filter((g) => g.gender === 'female').length);
    expect(dash.segments[0]!.members).toBeGreaterThan(50);
    expectTilesMatch(dash.segments[0]!.tiles, data, d('2026-10-01'), d('2026-10-31'), womenCut, '2026-09');
    expectTilesMatch(dash.segments[1]!.tiles, data, d('2026-10-01'), d('2026-10-31'), loyalCut, '2026-09');
    // Segment tiles differ from the whole base (the cut is applied, not ignored).
    expect(tileOf(dash.segments[1]!, 'active_customers').value).toBeLessThan(tileOf(dash, 'active_customers').value!);
    expect(await codeOf(manager.kpis.dashboard({ period: 'month', segmentIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }))).toBe('BAD_REQUEST');
  });

  it('lets every role read the KPIs and their definitions, and nobody signed out', async () => {
    for (const role of ['admin', 'marketer', 'planner'] as const) {
      const { caller } = await callerAs(db, role);
      expect((await caller.kpis.dashboard({ period: 'month' })).asOfDate).toBe('2026-11-01');
    }
    const definitions = await manager.kpis.definitions();
    expect(definitions.map((x) => x.id)).toEqual(KPI_DEFINITIONS.map((x) => x.id));
    expect(definitions.find((x) => x.id === 'aov')).toMatchObject({ name: 'Average order value (AOV)', unit: 'money' });
    const { caller: signedOut } = await callerAs(db, null);
    expect(await codeOf(signedOut.kpis.dashboard({ period: 'month' }))).toBe('UNAUTHORIZED');
    expect(await codeOf(signedOut.kpis.definitions())).toBe('UNAUTHORIZED');
  });
});

describe('kpis.dashboard on an empty workspace', () => {
  it('answers with empty series and says why there is no model', async () => {
    const db = await createTestDb();
    try {
      const { caller } = await callerAs(db, 'manager');
      const dash = await caller.kpis.dashboard({ period: 'month' });
      expect(dash.dataThroughDate).toBeNull();
      expect(tileOf(dash, 'customers').value).toBe(0);
      expect(tileOf(dash, 'aov').value).toBeNull();
      expect(dash.cohorts).toEqual([]);
      expect(dash.rfm.customers).toBe(0);
      expect(dash.model).toMatchObject({ available: false, check: null });
      expect(dash.model.reason).toMatch(/repeat purchase/);
    } finally {
      await db.close();
    }
  });
});

function countCustomersWithOrders(data: MetricsData): number {
  let n = 0;
  for (let i = 0; i < data.customers.count; i++) if (data.orders.offsets[i]! < data.orders.offsets[i + 1]! && data.orders.day[data.orders.offsets[i]!]! < data.asOfDay) n++;
  return n;
}

/** Customers whose first order falls in [start, end]. */
function firstOrdersIn(data: MetricsData, start: number, end: number): number {
  let n = 0;
  for (let i = 0; i < data.customers.count; i++) {
    const from = data.orders.offsets[i]!;
    if (from < data.orders.offsets[i + 1]! && data.orders.day[from]! >= start && data.orders.day[from]! <= end) n++;
  }
  return n;
}
