// The KPI cache and the predictions table: filled for the workspace's as-of date, refreshed after as-of
// changes and imports (invalidateKpiCache at those call sites), and stale data noticed through the stamp.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, dayFromDate, generateDemo, readCustomerPredictions, readPredictionFit, type KizunaDb } from '@kizuna/db';
import { fitCustomerModels } from '@kizuna/metrics';
import { callerAs } from '../../testing';
import { runImport } from '../data/service';
import { invalidateKpiCache } from './cache';
import { readIndependently, seedSmall } from './testData';

describe('predictions and cache invalidation', () => {
  let db: KizunaDb;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'kizuna-kpis-'));
    await generateDemo(db, { customers: 250, seed: 5 });
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores p_alive, expected purchases and CLV of the model fitted as of the workspace as-of date', async () => {
    expect(await readPredictionFit(db)).toBeNull();
    const { caller } = await callerAs(db, 'manager');
    await caller.kpis.dashboard({ period: 'month' });
    const fit = await readPredictionFit(db);
    expect(fit).toMatchObject({ asOfDate: '2026-11-01', horizonDays: 365 });
    const { data, ids } = await readIndependently(db, dayFromDate('2026-11-01'));
    const expected = fitCustomerModels(data, { horizonDays: 365 }).predictions;
    const rows = await readCustomerPredictions(db);
    expect(rows.length).toBe(Array.from(expected.pAlive).filter((p) => !Number.isNaN(p)).length);
    expect(fit?.customers).toBe(rows.length);
    for (const row of rows.slice(0, 40)) {
      const i = ids.indexOf(row.customerId);
      expect(row.pAlive).toBeCloseTo(expected.pAlive[i]!, 9);
      expect(row.predictedClv).toBe(Math.round(expected.clv[i]!));
      expect(row.expectedPurchases90d).toBeGreaterThanOrEqual(0);
      expect(row.expectedPurchases90d).toBeLessThan(expected.expectedPurchases[i]! + 1e-9);
    }
  });

  it('refits when the as-of date changes, and the dashboard follows', async () => {
    const { caller: admin } = await callerAs(db, 'admin');
    await admin.settings.update({ asOfDate: '2026-08-01' });
    expect((await readPredictionFit(db))?.asOfDate).toBe('2026-08-01');
    const { caller } = await callerAs(db, 'manager');
    expect((await caller.kpis.dashboard({ period: 'month' })).asOfDate).toBe('2026-08-01');
    await admin.settings.update({ asOfDate: null });
    expect((await readPredictionFit(db))?.asOfDate).toBe('2026-11-01');
  });

  it('refits after an import with newer orders', async () => {
    const { caller } = await callerAs(db, 'manager');
    const before = await caller.kpis.dashboard({ period: 'month' });
    const customer = (await db.kysely.selectFrom('customers').select('customer_id').limit(1).executeTakeFirstOrThrow()).customer_id;
    const orders = join(dir, 'orders.csv');
    writeFileSync(orders, `order_id,customer_id,ordered_at,amount\nkpi-new-1,${customer},2026-11-05,4200\n`);
    const report = await runImport(db, { orders }, { user: null, source: 'cli' });
    expect(report.ok).toBe(true);
    expect((await readPredictionFit(db))?.asOfDate).toBe('2026-11-06');
    const after = await caller.kpis.dashboard({ period: 'month' });
    expect(after).toMatchObject({ asOfDate: '2026-11-06', dataThroughDate: '2026-11-05' });
    expect(after.trend.at(-1)).toMatchObject({ period: '2026-11', complete: false, orders: 1, revenue: 4200 });
    expect(before.trend.at(-1)?.period).toBe('2026-10');
  });

  it('notices data written by another process through the data stamp', async () => {
    const { caller } = await callerAs(db, 'manager');
    await caller.kpis.dashboard({ period: 'month' });
    const customer = (await db.kysely.selectFrom('customers').select('customer_id').limit(1).executeTakeFirstOrThrow()).customer_id;
    // Written behind the app's back: no invalidateKpiCache call.
    db.sqlite!.prepare('INSERT INTO orders (order_id, customer_id, ordered_at, ordered_day, amount, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('kpi-new-2', customer, '2026-11-07', dayFromDate('2026-11-07'), 800, 'x');
    const after = await caller.kpis.dashboard({ period: 'month' });
    expect(after).toMatchObject({ asOfDate: '2026-11-08', dataThroughDate: '2026-11-07' });
    expect(after.trend.at(-1)).toMatchObject({ orders: 2, revenue: 5000 });
  });
});

describe('predictions without a model', () => {
  it('clears the table and records why when too few customers repeat', async () => {
    const db = await createTestDb();
    try {
      await seedSmall(db);
      await invalidateKpiCache(db);
      expect(await readCustomerPredictions(db)).toEqual([]);
      const fit = await readPredictionFit(db);
      expect(fit).toMatchObject({ asOfDate: '2024-04-01', customers: 0 });
      expect((fit?.model as { error: string }).error).toMatch(/≥ 2 customers with a repeat purchase; found 1/);
    } finally {
      await db.close();
    }
  });
});
