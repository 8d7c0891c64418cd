// Import cases shared by the SQLite and PostgreSQL suites: messy but valid files, customers created from
// orders, re-imports, all or nothing across files, progress and the imports record.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from '../client';
import { dayFromDate } from '../days';
import { importCsv } from './importCsv';
import { chunkedCsv, csv, fixture, rowsOf, snapshot } from './testHelpers';
import type { ImportProgress } from './types';

const O = 'order_id,customer_id,ordered_at,amount,quantity,category,channel,coupon_code\n';
const messy = {
  products: fixture('products_messy.csv'),
  customers: fixture('customers_messy.csv'),
  orders: fixture('orders_messy.csv'),
  events: fixture('events_messy.csv'),
};

export function importCases(open: () => Promise<KizunaDb>): void {
  describe('import', () => importCasesOn(open));
}

function importCasesOn(open: () => Promise<KizunaDb>): void {
  let db: KizunaDb;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(async () => {
    await db.close();
  });

  describe('messy but valid files', () => {
    it('imports BOM, CRLF, quoted commas and newlines, Japanese, odd headers and empty cells', async () => {
      const report = await importCsv(db, messy);
      expect(report.errors).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.counts).toEqual({
        products: { inserted: 2, updated: 0 },
        customers: { inserted: 3, updated: 0 },
        orders: { inserted: 5, updated: 0 },
        events: { inserted: 3, updated: 0 },
      });
      expect(report.customersCreatedFromOrders).toBe(2); // C099 (orders) and C098 (events)

      const customers = await rowsOf(db, 'customers', 'customer_id');
      expect(customers.map((c) => c.customer_id)).toEqual(['C001', 'C002', 'C003', 'C098', 'C099']);
      expect(customers[0]).toMatchObject({
        email: 'hanako@example.jp', first_name: '花子', last_name: '山田', birth_date: '1990-05-10', city: 'Tokyo, Shibuya',
        interests: 'cooking;travel', signup_date: '2021-04-01', membership_status: 'active', email_opt_in: 1, sms_opt_in: 0,
        from_orders_only: 0,
      });
      expect(JSON.parse(customers[0]!.custom_attributes as string)).toEqual({ favorite_color: '青', vip_tier: 'gold' });
      expect(customers[1]).toMatchObject({
        email: null, first_name: 'Taro "T"', birth_date: '1985-12-31', interests: null, signup_date: '2022-01-15',
        membership_status: 'paused', email_opt_in: 0, sms_opt_in: 1,
      });
      expect(JSON.parse(customers[1]!.custom_attributes as string)).toEqual({});
      expect(customers[2]).toMatchObject({ first_name: 'Multi\r\nLine', birth_date: null, gender: null, membership_status: 'canceled' });
      expect(customers[3]).toMatchObject({ customer_id: 'C098', from_orders_only: 1, email: null, custom_attributes: '{}' });

      const orders = await rowsOf(db, 'orders', 'order_id');
      expect(orders.map((o) => [o.order_id, o.ordered_at, o.ordered_day, o.amount, o.quantity, o.category, o.coupon_code])).toEqual([
        ['O1', '2024-03-01', dayFromDate('2024-03-01'), 1200, 1, '食品', null],
        ['O2', '2024-03-01T10:00:00', dayFromDate('2024-03-01'), 1200, 1, '食品', null],
        ['O3', '2024-03-01T10:00:00', dayFromDate('2024-03-01'), 1200, 1, '食品', null],
        // 23:30Z is 08:30 the next morning in Tokyo.
        ['O4', '2024-03-02T23:30:00Z', dayFromDate('2024-03-03'), 0, null, 'books, used', 'SPRING'],
        ['O5', '2024-03-03T08:00:00+09:00', dayFromDate('2024-03-03'), 500, 2, 'toys', null],
      ]);

      const events = await rowsOf(db, 'events', 'event_key');
      expect(events.map((e) => [e.event_key, e.occurred_day, e.value, e.properties])).toEqual([
        ['C001|page_view|2024-03-04T12:00:00+09:00|P1', dayFromDate('2024-03-04'), null, '{"path":"/p/1","ref":"メール"}'],
        ['C001|survey|2024-03-05|', dayFromDate('2024-03-05'), 5, null],
        ['C098|favorite|2024-03-05|P2', dayFromDate('2024-03-05'), null, null],
      ]);
      const products = await rowsOf(db, 'products', 'product_id');
      expect(products.map((p) => [p.name, p.price, p.stock])).toEqual([['抹茶 ラテ, 缶', 180, 12], ['Mug "Kizuna"', 1500, -2]]);
    });

    it('reads streams delivered in small chunks the same as whole files', async () => {
      const { readFileSync } = await import('node:fs');
      const text = readFileSync((messy.customers as { path: string }).path, 'utf8');
      const report = await importCsv(db, { customers: chunkedCsv(text, 5) }, { rebuildFeatures: false });
      expect(report.ok).toBe(true);
      const customers = await rowsOf(db, 'customers', 'customer_id');
      expect(customers.map((c) => c.first_name)).toEqual(['花子', 'Taro "T"', 'Multi\r\nLine']);
    });

    it('accepts zero amounts, trailing-zero decimals, yes/no in any case and stray quotes in unquoted fields', async () => {
      const report = await importCsv(db, {
        customers: csv('customer_id,push_opt_in,line_opt_in,annual_income\nA,YES,No,5000000.00\n'),
        orders: csv(`${O}X1,A,2024-01-01,0,0,5" screens,,\nX2,A,2024-01-01,-300,1,,,\n`),
      });
      expect(report.errors).toEqual([]);
      const [a] = await rowsOf(db, 'customers', 'customer_id');
      expect(a).toMatchObject({ push_opt_in: 1, line_opt_in: 0, annual_income: 5_000_000 });
      const orders = await rowsOf(db, 'orders', 'order_id');
      expect(orders.map((o) => [o.amount, o.category])).toEqual([[0, '5" screens'], [-300, null]]);
    });
  });

  describe('re-importing', () => {
    it('updates the same ids instead of duplicating them', async () => {
      await importCsv(db, messy);
      const before = await snapshot(db);
      const report = await importCsv(db, messy);
      expect(report.counts).toEqual({
        products: { inserted: 0, updated: 2 },
        customers: { inserted: 0, updated: 3 },
        orders: { inserted: 0, updated: 5 },
        events: { inserted: 0, updated: 3 },
      });
      expect(report.customersCreatedFromOrders).toBe(0);
      const after = await snapshot(db);
      for (const table of ['products', 'customers', 'orders', 'events']) {
        expect(after[table]!.length).toBe(before[table]!.length);
      }
      // Same features; custom_attributes compared as JSON (PostgreSQL's jsonb merge reformats the text).
      const parsed = (rows: unknown[]): unknown[] =>
        rows.map((r) => ({ ...(r as object), custom_attributes: JSON.parse((r as { custom_attributes: string }).custom_attributes) }));
      expect(parsed(after.customer_features!)).toEqual(parsed(before.customer_features!));
    });

    it('a partial customers.csv overwrites only its columns and merges custom attributes', async () => {
      await importCsv(db, messy);
      const report = await importCsv(db, {
        customers: csv('customer_id,city,vip_tier,newsletter\nC001,Nagoya,,weekly\nC099,Sapporo,silver,\n'),
      });
      expect(report.counts.customers).toEqual({ inserted: 0, updated: 2 });
      const [c001] = (await rowsOf(db, 'customers', 'customer_id')).filter((c) => c.customer_id === 'C001');
      expect(c001).toMatchObject({ city: 'Nagoya', email: 'hanako@example.jp', first_name: '花子', email_opt_in: 1 });
      // An empty cell clears that attribute; others are kept.
      expect(JSON.parse(c001!.custom_attributes as string)).toEqual({ favorite_color: '青', newsletter: 'weekly' });
      const [c099] = (await rowsOf(db, 'customers', 'customer_id')).filter((c) => c.customer_id === 'C099');
      // Created from an order before; now described by customers.csv.
      expect(c099).toMatchObject({ city: 'Sapporo', from_orders_only: 0 });
      expect(JSON.parse(c099!.custom_attributes as string)).toEqual({ vip_tier: 'silver' });
    });

    it('customers created from orders are not created twice', async () => {
      await importCsv(db, { orders: csv(`${O}A1,NEW,2024-01-01,100,1,,,\n`) });
      const report = await importCsv(db, { orders: csv(`${O}A2,NEW,2024-01-02,100,1,,,\n`) });
      expect(report.customersCreatedFromOrders).toBe(0);
      expect(report.counts.orders).toEqual({ inserted: 1, updated: 0 });
    });
  });

  describe('all or nothing', () => {
    it('a bad row in the last file leaves the database exactly as before', async () => {
      await importCsv(db, messy);
      const before = await snapshot(db);
      const report = await importCsv(db, {
        products: csv('product_id,name\nP1,renamed\nP9,new\n'),
        customers: csv('customer_id,city\nC001,Osaka\nNEW1,Kobe\n'),
        orders: csv(`${O}Z1,NEW2,2024-05-01,100,1,,,\nO1,C001,2024-05-02,999,1,,,\n`),
        events: csv('customer_id,event_type,occurred_at\nC001,app_open,2024-05-01\nC001,app_open,later\n'),
      });
      expect(report.ok).toBe(false);
      expect(report.errors).toEqual([{ file: 'events', line: 3, column: 'occurred_at', value: 'later', code: 'date', params: {}, reason: expect.any(String) }]);
      expect(report.counts.customers).toEqual({ inserted: 0, updated: 0 });
      expect(await snapshot(db)).toEqual(before);
    });

    it('records every import with its status, counts and errors', async () => {
      const good = await importCsv(db, messy, { userId: 'u-1' });
      const bad = await importCsv(db, { orders: csv(`${O}B1,C001,bad,1,1,,,\n`) });
      const records = await rowsOf<Record<string, string | number | null>>(db, 'imports', 'started_at');
      const byId = new Map(records.map((r) => [r.id, r]));
      expect(byId.get(good.importId)).toMatchObject({ status: 'succeeded', user_id: 'u-1', error_count: 0, errors: '[]' });
      expect(JSON.parse(byId.get(good.importId)!.counts as string)).toMatchObject({ orders: { inserted: 5, updated: 0 }, customersCreatedFromOrders: 2 });
      expect(JSON.parse(byId.get(good.importId)!.files as string)).toMatchObject({ orders: { name: 'orders_messy.csv', rows: 5 } });
      expect(byId.get(good.importId)!.finished_at).not.toBeNull();
      expect(byId.get(bad.importId)).toMatchObject({ status: 'failed', error_count: 1 });
    });
  });

  describe('progress and features', () => {
    it('reports reading progress in rows and bytes, then features, then done', async () => {
      const rows = Array.from({ length: 25_000 }, (_, i) => `P${i},${i % 7 === 0 ? 'x' : 'y'},,100,1`).join('\n');
      const source = csv(`product_id,name,category,price,stock\n${rows}\n`);
      const events: ImportProgress[] = [];
      const report = await importCsv(db, { products: source }, { onProgress: (p) => events.push(p) });
      expect(report.ok).toBe(true);
      const reading = events.filter((e) => e.phase === 'reading');
      expect(reading.map((e) => e.rows)).toEqual([0, 10_000, 20_000, 25_000]);
      expect(reading.every((e) => e.file === 'products' && e.totalBytes === (source as { size: number }).size)).toBe(true);
      const bytes = reading.map((e) => e.bytes);
      expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
      expect(bytes.at(-1)).toBe((source as { size: number }).size);
      expect(events.slice(-2).map((e) => e.phase)).toEqual(['features', 'done']);
    });

    it('rebuilds customer features after a successful import unless asked not to', async () => {
      await importCsv(db, { orders: csv(`${O}A1,K1,2024-01-01,100,1,,,\n`) }, { rebuildFeatures: false });
      expect(await rowsOf(db, 'customer_features', 'customer_id')).toEqual([]);
      await importCsv(db, { orders: csv(`${O}A2,K1,2024-01-05,300,1,,,\n`) });
      const [f] = await rowsOf(db, 'customer_features', 'customer_id');
      expect(f).toMatchObject({ customer_id: 'K1', frequency: 2, monetary: 400, recency_days: 1, first_order_day: dayFromDate('2024-01-01') });
    });
  });
}
