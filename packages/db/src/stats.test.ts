import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from './client';
import { dayFromDate } from './days';
import { importCsv } from './import';
import { csv } from './import/testHelpers';
import { datasetStats } from './stats';
import { createTestDb } from './testing';

describe('datasetStats', () => {
  let db: KizunaDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('is all zeros and nulls on an empty database', async () => {
    const stats = await datasetStats(db);
    expect(stats).toMatchObject({ customers: 0, orders: 0, events: 0, products: 0, revenue: 0, firstOrderDate: null, lastOrderDate: null });
    expect(stats.asOf).toMatchObject({ dataThroughDate: null, explicit: false });
  });

  it('counts rows, sums revenue in minor units and spans the order dates', async () => {
    const report = await importCsv(db, {
      products: csv('product_id\nP1\nP2\n'),
      customers: csv('customer_id\nA\n'),
      orders: csv('order_id,customer_id,ordered_at,amount\n1,A,2024-01-05,1000\n2,B,2024-02-10T12:00:00,250\n3,A,2023-12-31,-50\n'),
      events: csv('customer_id,event_type,occurred_at\nA,app_open,2024-02-20\n'),
    });
    expect(report.ok).toBe(true);
    expect(await datasetStats(db)).toEqual({
      customers: 2,
      orders: 3,
      events: 1,
      products: 2,
      revenue: 1200,
      firstOrderDate: '2023-12-31',
      lastOrderDate: '2024-02-10',
      asOf: { asOfDay: dayFromDate('2024-02-21'), asOfDate: '2024-02-21', dataThroughDate: '2024-02-20', explicit: false },
    });
  });
});
