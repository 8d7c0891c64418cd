import { afterEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from '../client';
import { resolveAsOf } from '../settings';
import { createTestDb } from '../testing';
import { DemoGenerator } from './generator';
import { generateDemo, type DemoProgress } from './write';

const open: KizunaDb[] = [];
async function freshDb(): Promise<KizunaDb> {
  const db = await createTestDb();
  open.push(db);
  return db;
}

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

function count(db: KizunaDb, table: string): number {
  return (db.sqlite!.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** A table's rows without updated_at (the time of the run), in key order. */
function rowsOf(db: KizunaDb, table: string, key: string): unknown[] {
  return db.sqlite!.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all().map((row) => {
    const { updated_at: _ignored, ...rest } = row as Record<string, unknown>;
    return rest;
  });
}

describe('generateDemo on SQLite', () => {
  it('writes 2,000 customers with their orders, events and products, then builds features', async () => {
    const db = await freshDb();
    const progress: DemoProgress[] = [];
    const result = await generateDemo(db, { customers: 2_000, onProgress: (p) => progress.push(p) });

    const expected = { orders: 0, events: 0 };
    const generator = new DemoGenerator({ seed: 42 });
    for (const r of generator.customers(2_000)) {
      expected.orders += r.orders.length;
      expected.events += r.events.length;
    }
    expect(result).toMatchObject({ customers: 2_000, orders: expected.orders, events: expected.events, products: generator.products.length });
    expect(result.orders / 2_000).toBeGreaterThan(7);
    expect(count(db, 'customers')).toBe(2_000);
    expect(count(db, 'orders')).toBe(expected.orders);
    expect(count(db, 'events')).toBe(expected.events);
    expect(count(db, 'products')).toBe(generator.products.length);

    // Features exist for everyone and agree with the orders.
    expect(count(db, 'customer_features')).toBe(2_000);
    const f = db.sqlite!.prepare(
      'SELECT SUM(frequency) AS orders, SUM(monetary) AS revenue, COUNT(r_score) AS scored, MIN(r_score) AS lo, MAX(r_score) AS hi FROM customer_features',
    ).get() as { orders: number; revenue: number; scored: number; lo: number; hi: number };
    const o = db.sqlite!.prepare('SELECT SUM(amount) AS revenue, COUNT(DISTINCT customer_id) AS buyers FROM orders').get() as { revenue: number; buyers: number };
    expect(f.orders).toBe(expected.orders);
    expect(f.revenue).toBe(o.revenue);
    expect(f.scored).toBe(o.buyers);
    expect([f.lo, f.hi]).toEqual([1, 5]);

    // Settings untouched: the as-of date is automatic, the day after the last day of data.
    expect(count(db, 'settings')).toBe(0);
    const asOf = await resolveAsOf(db);
    expect(asOf.explicit).toBe(false);
    expect(asOf.asOfDate).toBe('2026-11-01');

    // Progress runs through the phases in order and ends complete.
    const phases = progress.map((p) => p.phase).filter((p, i, all) => all[i - 1] !== p);
    expect(phases).toEqual(['products', 'customers', 'features', 'done']);
    const customerSteps = progress.filter((p) => p.phase === 'customers').map((p) => p.done);
    expect(customerSteps).toEqual([...customerSteps].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ phase: 'done', done: 2_000, total: 2_000 });
  });

  it('writes the same database for the same seed and a different one for another seed', async () => {
    const [a, b, c] = [await freshDb(), await freshDb(), await freshDb()];
    await generateDemo(a, { customers: 300, seed: 5 });
    await generateDemo(b, { customers: 300, seed: 5 });
    await generateDemo(c, { customers: 300, seed: 6 });
    for (const [table, key] of [['customers', 'customer_id'], ['orders', 'order_id'], ['events', 'event_key'], ['products', 'product_id'], ['customer_features', 'customer_id']] as const) {
      expect(rowsOf(b, table, key)).toEqual(rowsOf(a, table, key));
    }
    expect(rowsOf(c, 'customers', 'customer_id')).not.toEqual(rowsOf(a, 'customers', 'customer_id'));
    expect(rowsOf(c, 'orders', 'order_id')).not.toEqual(rowsOf(a, 'orders', 'order_id'));
  });

  it('rewrites rather than duplicates when run again', async () => {
    const db = await freshDb();
    const first = await generateDemo(db, { customers: 200 });
    const before = rowsOf(db, 'orders', 'order_id');
    const second = await generateDemo(db, { customers: 200 });
    expect(second).toMatchObject({ customers: first.customers, orders: first.orders, events: first.events });
    expect(count(db, 'customers')).toBe(200);
    expect(count(db, 'orders')).toBe(first.orders);
    expect(rowsOf(db, 'orders', 'order_id')).toEqual(before);
  });

  it('flushes in batches when the history is larger than one batch', async () => {
    const db = await freshDb();
    const steps: number[] = [];
    const result = await generateDemo(db, { customers: 500, batchRows: 1_000, onProgress: (p) => p.phase === 'customers' && steps.push(p.done) });
    // ~5,000 orders in batches of 1,000 rows: several flushes before the end, and nothing lost between them.
    expect(steps.filter((d) => d > 0 && d < 500).length).toBeGreaterThan(3);
    expect(count(db, 'customers')).toBe(500);
    expect(count(db, 'orders')).toBe(result.orders);
    expect(count(db, 'events')).toBe(result.events);
    const unbatched = await freshDb();
    await generateDemo(unbatched, { customers: 500 });
    expect(rowsOf(db, 'orders', 'order_id')).toEqual(rowsOf(unbatched, 'orders', 'order_id'));
  });

  it('honours the end date', async () => {
    const db = await freshDb();
    await generateDemo(db, { customers: 300, endDate: '2025-06-30' });
    const max = db.sqlite!.prepare('SELECT MAX(substr(ordered_at, 1, 10)) AS d FROM orders').get() as { d: string };
    expect(max.d <= '2025-06-30').toBe(true);
    expect((await resolveAsOf(db)).asOfDate <= '2025-07-01').toBe(true);
  });

  it('accepts zero customers and rejects bad options without writing', async () => {
    const db = await freshDb();
    await expect(generateDemo(db, { customers: 0 })).resolves.toMatchObject({ customers: 0, orders: 0, events: 0 });
    await expect(generateDemo(db, { customers: -1 })).rejects.toThrow(RangeError);
    await expect(generateDemo(db, { customers: 1.5 })).rejects.toThrow(RangeError);
    await expect(generateDemo(db, { customers: 10, seed: 0.5 })).rejects.toThrow(RangeError);
    await expect(generateDemo(db, { customers: 10, endDate: '2026-02-30' })).rejects.toThrow(RangeError);
    await expect(generateDemo(db, { customers: 10, batchRows: 0 })).rejects.toThrow(RangeError);
    expect(count(db, 'customers')).toBe(0);
  });
});
