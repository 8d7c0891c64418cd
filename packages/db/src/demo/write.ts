// Writes a generated demo business into the database: products, then customers with their orders and events
// streamed in ~50k-row batches through bulkUpsert (never the whole history in memory), then features.
import { bulkUpsert, withTransaction } from '../bulk';
import type { KizunaDb } from '../client';
import { tryDayFromDate } from '../days';
import { rebuildFeatures } from '../features';
import type { DemoEvent } from './events';
import { DemoGenerator, type DemoCustomer } from './generator';
import type { DemoOrder } from './orders';

export type DemoPhase = 'products' | 'customers' | 'features' | 'done';

export interface DemoProgress {
  phase: DemoPhase;
  done: number;
  total: number;
}

export interface GenerateDemoOptions {
  customers: number;
  /** Default 42. The same seed always writes the same rows (apart from updated_at, the time of the run). */
  seed?: number;
  /** Last day of data, `YYYY-MM-DD`; default 2026-10-31. */
  endDate?: string;
  onProgress?: (p: DemoProgress) => void;
  /** Rows buffered per table before a batch is written; default 50,000. */
  batchRows?: number;
}

export interface GenerateDemoResult {
  customers: number;
  orders: number;
  events: number;
  products: number;
  durationMs: number;
}

/** Most demo customers one call may write: 10M customers would already mean ~100M orders. */
export const maxDemoCustomers = 10_000_000;
const defaultBatchRows = 50_000;

const customerColumns = [
  'customer_id', 'email', 'first_name', 'last_name', 'birth_date', 'gender', 'country', 'region', 'city',
  'postal_code', 'annual_income', 'occupation', 'interests', 'lifestyle', 'signup_date', 'membership_plan',
  'membership_status', 'canceled_at', 'email_opt_in', 'sms_opt_in', 'push_opt_in', 'line_opt_in',
  'preferred_channel', 'acquisition_channel', 'primary_device', 'locale', 'custom_attributes', 'from_orders_only',
  'updated_at',
];
const orderColumns = ['order_id', 'customer_id', 'ordered_at', 'ordered_day', 'amount', 'quantity', 'category', 'channel', 'coupon_code', 'updated_at'];
const eventColumns = ['event_key', 'customer_id', 'event_type', 'occurred_at', 'occurred_day', 'product_id', 'value', 'properties', 'updated_at'];
const productColumns = ['product_id', 'name', 'category', 'price', 'stock', 'updated_at'];

function customerRow(c: DemoCustomer, updatedAt: string): unknown[] {
  return [
    c.customer_id, c.email, c.first_name, c.last_name, c.birth_date, c.gender, c.country, c.region, c.city,
    c.postal_code, c.annual_income, c.occupation, c.interests, c.lifestyle, c.signup_date, c.membership_plan,
    c.membership_status, c.canceled_at, c.email_opt_in, c.sms_opt_in, c.push_opt_in, c.line_opt_in,
    c.preferred_channel, c.acquisition_channel, c.primary_device, c.locale, c.custom_attributes, 0, updatedAt,
  ];
}

function orderRow(o: DemoOrder, updatedAt: string): unknown[] {
  return [o.order_id, o.customer_id, o.ordered_at, o.ordered_day, o.amount, o.quantity, o.category, o.channel, o.coupon_code, updatedAt];
}

function eventRow(e: DemoEvent, updatedAt: string): unknown[] {
  return [e.event_key, e.customer_id, e.event_type, e.occurred_at, e.occurred_day, e.product_id, e.value, e.properties, updatedAt];
}

function checkOptions(opts: GenerateDemoOptions): void {
  if (!Number.isInteger(opts.customers) || opts.customers < 0 || opts.customers > maxDemoCustomers) {
    throw new RangeError(`customers must be a whole number from 0 to ${maxDemoCustomers}, got ${opts.customers}`);
  }
  if (opts.batchRows !== undefined && (!Number.isInteger(opts.batchRows) || opts.batchRows < 1)) {
    throw new RangeError(`batchRows must be a positive whole number, got ${opts.batchRows}`);
  }
  if (opts.seed !== undefined && !Number.isInteger(opts.seed)) throw new RangeError(`seed must be an integer, got ${opts.seed}`);
  if (opts.endDate !== undefined && tryDayFromDate(opts.endDate) === null) {
    throw new RangeError(`endDate must be a YYYY-MM-DD date, got ${JSON.stringify(opts.endDate)}`);
  }
}

/**
 * Fills the database with a deterministic demo business (see generator.ts) and rebuilds customer_features.
 * Rows are upserted by id, so running again with the same seed rewrites the same rows. Settings are left
 * alone: the as-of date stays automatic (the day after the newest order or event).
 */
export async function generateDemo(db: KizunaDb, opts: GenerateDemoOptions): Promise<GenerateDemoResult> {
  checkOptions(opts);
  const started = performance.now();
  const report = opts.onProgress ?? (() => undefined);
  const updatedAt = new Date().toISOString();
  const generator = new DemoGenerator({ seed: opts.seed, endDate: opts.endDate });
  const total = opts.customers;
  const batchRows = opts.batchRows ?? defaultBatchRows;

  report({ phase: 'products', done: 0, total: generator.products.length });
  const products = await bulkUpsert(
    db,
    'products',
    productColumns,
    ['product_id'],
    generator.products.map((p) => [p.product_id, p.name, p.category, p.price, p.stock, updatedAt]),
  );
  report({ phase: 'products', done: products, total: generator.products.length });

  let customerRows: unknown[][] = [];
  let orderRows: unknown[][] = [];
  let eventRows: unknown[][] = [];
  const written = { customers: 0, orders: 0, events: 0 };
  // Customers go first in each batch so the orders' and events' foreign keys resolve.
  const flush = async (): Promise<void> => {
    const [c, o, e] = [customerRows, orderRows, eventRows];
    customerRows = [];
    orderRows = [];
    eventRows = [];
    await withTransaction(db, async (tx) => {
      written.customers += await bulkUpsert(tx, 'customers', customerColumns, ['customer_id'], c);
      written.orders += await bulkUpsert(tx, 'orders', orderColumns, ['order_id'], o);
      written.events += await bulkUpsert(tx, 'events', eventColumns, ['event_key'], e);
    });
    report({ phase: 'customers', done: written.customers, total });
  };

  report({ phase: 'customers', done: 0, total });
  for (let i = 0; i < total; i++) {
    const record = generator.customer(i);
    customerRows.push(customerRow(record.customer, updatedAt));
    for (const o of record.orders) orderRows.push(orderRow(o, updatedAt));
    for (const e of record.events) eventRows.push(eventRow(e, updatedAt));
    if (orderRows.length >= batchRows || customerRows.length >= batchRows || eventRows.length >= batchRows) await flush();
  }
  if (customerRows.length > 0) await flush();

  report({ phase: 'features', done: 0, total: written.customers });
  const features = await rebuildFeatures(db);
  report({ phase: 'features', done: features.customers, total: written.customers });
  const result: GenerateDemoResult = { ...written, products, durationMs: Math.round(performance.now() - started) };
  report({ phase: 'done', done: written.customers, total });
  return result;
}
