// loadSegmentData on SQLite: layout details (CSR order, as-of cut, dictionaries, NULL sentinels, optional
// columns). That it loads exactly what the segment engine expects, on both dialects, is checked by
// packages/segments' equivalence suites against a loader-free builder.
import type { SegmentColumnSpec, StringColumn, TagsColumn } from '@kizuna/segments';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from './client';
import { loadSegmentData } from './segmentData';
import { NULL_INT } from './segmentDataColumns';
import { createTestDb } from './testing';

const AS_OF = 20_000;
const NOW = '2024-10-01T00:00:00Z';
const columns: SegmentColumnSpec[] = [
  { column: 'gender', storage: 'text', optional: false },
  { column: 'birth_date', storage: 'isoDate', optional: false },
  { column: 'aov', storage: 'number', optional: false },
  { column: 'frequency', storage: 'number', optional: false },
  { column: 'signup_day', storage: 'day', optional: false },
  { column: 'email_opt_in', storage: 'flag', optional: false },
  { column: 'interests', storage: 'tags', optional: false },
  { column: 'predicted_clv', storage: 'number', optional: true },
];
const predictionColumns: SegmentColumnSpec[] = [
  { column: 'gender', storage: 'text', optional: false },
  { column: 'p_alive', storage: 'number', optional: true, table: 'customer_predictions' },
  { column: 'predicted_clv', storage: 'number', optional: true, table: 'customer_predictions' },
];

const decode = (c: StringColumn | undefined, i: number): string | null => (c ? (c.dict[c.codes[i]!] ?? null) : null);

async function addCustomer(db: KizunaDb, id: string, features: Record<string, unknown> = {}): Promise<void> {
  await db.kysely.insertInto('customers').values({ customer_id: id, updated_at: NOW }).execute();
  await db.kysely
    .insertInto('customer_features')
    .values({
      customer_id: id,
      email_opt_in: 0,
      sms_opt_in: 0,
      push_opt_in: 0,
      line_opt_in: 0,
      has_email: 0,
      custom_attributes: '{}',
      frequency: 0,
      purchase_days: 0,
      monetary: 0,
      ...features,
    } as never)
    .execute();
}

async function addOrder(db: KizunaDb, id: string, customer: string, day: number, amount: number, more: Record<string, unknown> = {}): Promise<void> {
  await db.kysely
    .insertInto('orders')
    .values({ order_id: id, customer_id: customer, ordered_at: 'x', ordered_day: day, amount, updated_at: NOW, ...more })
    .execute();
}

describe('loadSegmentData', () => {
  let db: KizunaDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('loads an empty database', async () => {
    const data = await loadSegmentData(db, { asOfDay: AS_OF, columns });
    expect(data.size).toBe(0);
    expect(data.orders.count).toBe(0);
    expect(Array.from(data.orders.offsets)).toEqual([0]);
    expect(data.events.size).toBe(0);
  });

  it('encodes customer columns: dictionaries, NULL sentinels, days, flags, tags and custom attributes', async () => {
    await addCustomer(db, 'b', { gender: '', birth_date: '2000-02-29', aov: 10.5, frequency: 2, signup_day: 19_000, email_opt_in: 1, interests: 'x;;y;x', custom_attributes: '{"tier":"gold","n":3}' });
    await addCustomer(db, 'a', { gender: 'female', birth_date: 'unknown', aov: null, interests: null });
    const data = await loadSegmentData(db, { asOfDay: AS_OF, columns });
    // SQLite keeps table (insertion) order.
    expect(data.customerIds).toEqual(['b', 'a']);
    const col = (name: string) => data.columns.get(name);
    expect([0, 1].map((i) => decode(col('gender') as StringColumn, i))).toEqual([null, 'female']);
    expect(Array.from((col('birth_date') as { values: Int32Array }).values)).toEqual([11_016, NULL_INT]);
    expect(Array.from((col('aov') as { values: Float64Array }).values)).toEqual([10.5, NaN]);
    expect((col('frequency') as { values: ArrayLike<number> }).values).toBeInstanceOf(Int32Array);
    expect(Array.from((col('signup_day') as { values: Int32Array }).values)).toEqual([19_000, NULL_INT]);
    expect(Array.from((col('email_opt_in') as { values: Uint8Array }).values)).toEqual([1, 0]);
    const tags = col('interests') as TagsColumn;
    expect(Array.from(tags.offsets)).toEqual([0, 2, 2]);
    expect(Array.from(tags.ids, (id) => tags.dict[id])).toEqual(['x', 'y']);
    expect(data.columns.has('predicted_clv')).toBe(false);
    expect([0, 1].map((i) => decode(data.customAttributes.get('tier'), i))).toEqual(['gold', null]);
    expect([0, 1].map((i) => decode(data.customAttributes.get('n'), i))).toEqual(['3', null]);
  });

  it('groups orders per customer sorted by day, and drops orders on or after the as-of day', async () => {
    await addCustomer(db, 'a');
    await addCustomer(db, 'b');
    await addCustomer(db, 'c');
    await addOrder(db, 'o1', 'b', AS_OF - 1, 300, { category: 'Food', coupon_code: 'X' });
    await addOrder(db, 'o2', 'a', AS_OF - 10, 100, { quantity: 2, channel: 'web' });
    await addOrder(db, 'o3', 'b', AS_OF - 20, 200.5, { coupon_code: '' });
    await addOrder(db, 'o4', 'b', AS_OF, 999);
    await addOrder(db, 'o5', 'a', AS_OF - 30, 50);
    const data = await loadSegmentData(db, { asOfDay: AS_OF, columns });
    const o = data.orders;
    expect(Array.from(o.offsets)).toEqual([0, 2, 4, 4]);
    expect(Array.from(o.day)).toEqual([AS_OF - 30, AS_OF - 10, AS_OF - 20, AS_OF - 1]);
    expect(Array.from(o.amount)).toEqual([50, 100, 200.5, 300]);
    expect(o.amount).toBeInstanceOf(Float64Array);
    expect(Array.from(o.quantity)).toEqual([NULL_INT, 2, NULL_INT, NULL_INT]);
    expect([0, 1, 2, 3].map((k) => decode(o.category, k))).toEqual([null, null, null, 'Food']);
    expect([0, 1, 2, 3].map((k) => decode(o.channel, k))).toEqual([null, 'web', null, null]);
    expect(Array.from(o.couponUsed)).toEqual([0, 0, 0, 1]);
    expect(o.maxDay).toBe(AS_OF - 1);
  });

  it('keeps integer amounts in an Int32Array', async () => {
    await addCustomer(db, 'a');
    await addOrder(db, 'o1', 'a', AS_OF - 1, 1200);
    expect((await loadSegmentData(db, { asOfDay: AS_OF, columns })).orders.amount).toBeInstanceOf(Int32Array);
  });

  it('skips rows of customers without a feature row', async () => {
    await addCustomer(db, 'a');
    await db.kysely.insertInto('customers').values({ customer_id: 'ghost', updated_at: NOW }).execute();
    await addOrder(db, 'o1', 'ghost', AS_OF - 1, 10);
    await addOrder(db, 'o2', 'a', AS_OF - 1, 20);
    const data = await loadSegmentData(db, { asOfDay: AS_OF, columns });
    expect(Array.from(data.orders.amount)).toEqual([20]);
  });

  it('groups events by type with products, including ids missing from the products table', async () => {
    await addCustomer(db, 'a');
    await db.kysely.insertInto('products').values({ product_id: 'P1', name: null, category: 'Skincare', price: null, stock: 2, updated_at: NOW }).execute();
    const event = (key: string, type: string, day: number, product: string | null, value: number | null) =>
      db.kysely.insertInto('events').values({ event_key: key, customer_id: 'a', event_type: type, occurred_at: 'x', occurred_day: day, product_id: product, value, properties: null, updated_at: NOW }).execute();
    await event('1', 'favorite', AS_OF - 1, 'P9', null);
    await event('2', 'favorite', AS_OF - 5, 'P1', null);
    await event('3', 'survey', AS_OF - 2, null, 4);
    await event('4', 'survey', AS_OF, null, 1);
    const data = await loadSegmentData(db, { asOfDay: AS_OF, columns });
    expect([...data.events.keys()]).toEqual(['favorite', 'survey']);
    const fav = data.events.get('favorite')!;
    expect(Array.from(fav.day)).toEqual([AS_OF - 5, AS_OF - 1]);
    expect(Array.from(fav.product, (p) => data.products.ids[p])).toEqual(['P1', 'P9']);
    expect(Array.from(data.products.stock)).toEqual([2, NaN]);
    expect([0, 1].map((k) => decode(data.products.category, k))).toEqual(['Skincare', null]);
    const survey = data.events.get('survey')!;
    expect(Array.from(survey.value)).toEqual([4]);
    expect(Array.from(survey.product)).toEqual([-1]);
  });

  it('loads optional columns when the table has them and refuses missing required ones', async () => {
    await addCustomer(db, 'a');
    db.sqlite!.exec('ALTER TABLE customer_features ADD COLUMN predicted_clv DOUBLE PRECISION');
    db.sqlite!.exec("UPDATE customer_features SET predicted_clv = 1234.5 WHERE customer_id = 'a'");
    const data = await loadSegmentData(db, { asOfDay: AS_OF, columns });
    expect(Array.from((data.columns.get('predicted_clv') as { values: Float64Array }).values)).toEqual([1234.5]);
    await expect(loadSegmentData(db, { asOfDay: AS_OF, columns: [{ column: 'shoe_size', storage: 'number', optional: false }] })).rejects.toThrow(/no column shoe_size/);
    await expect(loadSegmentData(db, { asOfDay: 1.5, columns })).rejects.toThrow(/integer/);
  });

  it('reads prediction columns from customer_predictions, NaN for customers without a row', async () => {
    await addCustomer(db, 'a', { gender: 'female' });
    await addCustomer(db, 'b');
    await db.kysely.insertInto('customer_predictions' as never).values({ customer_id: 'a', p_alive: 0.25, expected_purchases_90d: 1.5, predicted_clv: 4200 } as never).execute();
    const data = await loadSegmentData(db, { asOfDay: AS_OF, columns: predictionColumns });
    const values = (column: string) => Array.from((data.columns.get(column) as { values: ArrayLike<number> }).values);
    expect(data.customerIds).toEqual(['a', 'b']);
    expect(values('p_alive')).toEqual([0.25, NaN]);
    expect(values('predicted_clv')).toEqual([4200, NULL_INT]);
    expect(decode(data.columns.get('gender') as StringColumn, 0)).toBe('female');
  });
});
