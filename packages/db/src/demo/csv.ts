// The demo business as the four CSV files of the data contract, for trying or benchmarking the import.
// Importing them gives the same rows generateDemo writes (tests check it).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoEvent } from './events';
import { DemoGenerator, type DemoCustomer, type DemoGeneratorOptions } from './generator';
import type { DemoProduct } from './catalog';
import type { DemoOrder } from './orders';

export type DemoCsvFile = 'customers' | 'orders' | 'events' | 'products';

/** Header of each file; customers.csv carries the custom attribute skin_type as an extra column. */
export const demoCsvHeaders: Record<DemoCsvFile, readonly string[]> = {
  customers: [
    'customer_id', 'email', 'first_name', 'last_name', 'birth_date', 'gender', 'country', 'region', 'city',
    'postal_code', 'annual_income', 'occupation', 'interests', 'lifestyle', 'signup_date', 'membership_plan',
    'membership_status', 'canceled_at', 'email_opt_in', 'sms_opt_in', 'push_opt_in', 'line_opt_in',
    'preferred_channel', 'acquisition_channel', 'primary_device', 'locale', 'skin_type',
  ],
  orders: ['order_id', 'customer_id', 'ordered_at', 'amount', 'quantity', 'category', 'channel', 'coupon_code'],
  events: ['customer_id', 'event_type', 'occurred_at', 'product_id', 'value', 'properties'],
  products: ['product_id', 'name', 'category', 'price', 'stock'],
};

/** One CSV field: empty for null, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function customerCsvValues(c: DemoCustomer): (string | number | null)[] {
  const custom = JSON.parse(c.custom_attributes) as { skin_type?: string | null };
  return [
    c.customer_id, c.email, c.first_name, c.last_name, c.birth_date, c.gender, c.country, c.region, c.city,
    c.postal_code, c.annual_income, c.occupation, c.interests, c.lifestyle, c.signup_date, c.membership_plan,
    c.membership_status, c.canceled_at, c.email_opt_in, c.sms_opt_in, c.push_opt_in, c.line_opt_in,
    c.preferred_channel, c.acquisition_channel, c.primary_device, c.locale, custom.skin_type ?? null,
  ];
}

export function orderCsvValues(o: DemoOrder): (string | number | null)[] {
  return [o.order_id, o.customer_id, o.ordered_at, o.amount, o.quantity, o.category, o.channel, o.coupon_code];
}

export function eventCsvValues(e: DemoEvent): (string | number | null)[] {
  return [e.customer_id, e.event_type, e.occurred_at, e.product_id, e.value, e.properties];
}

export function productCsvValues(p: DemoProduct): (string | number | null)[] {
  return [p.product_id, p.name, p.category, p.price, p.stock];
}

/** Buffers lines and writes them to a file in large blocks. */
class CsvFileWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.line(header);
    this.rows = 0;
  }

  line(values: readonly (string | number | null)[]): void {
    const text = `${values.map(csvField).join(',')}\n`;
    this.buffer.push(text);
    this.size += text.length;
    this.rows++;
    if (this.size > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface DemoCsvResult {
  paths: Record<DemoCsvFile, string>;
  /** Data rows per file (headers not counted). */
  rows: Record<DemoCsvFile, number>;
}

/** Writes customers.csv, orders.csv, events.csv and products.csv of the demo business into dir. */
export function writeDemoCsv(dir: string, opts: DemoGeneratorOptions & { customers: number }): DemoCsvResult {
  mkdirSync(dir, { recursive: true });
  const generator = new DemoGenerator(opts);
  const files = ['customers', 'orders', 'events', 'products'] as const;
  const paths = Object.fromEntries(files.map((f) => [f, join(dir, `${f}.csv`)])) as Record<DemoCsvFile, string>;
  const writers = Object.fromEntries(files.map((f) => [f, new CsvFileWriter(paths[f], demoCsvHeaders[f])])) as Record<DemoCsvFile, CsvFileWriter>;
  try {
    for (const p of generator.products) writers.products.line(productCsvValues(p));
    for (const record of generator.customers(opts.customers)) {
      writers.customers.line(customerCsvValues(record.customer));
      for (const o of record.orders) writers.orders.line(orderCsvValues(o));
      for (const e of record.events) writers.events.line(eventCsvValues(e));
    }
  } finally {
    for (const w of Object.values(writers)) w.close();
  }
  const rows = Object.fromEntries(files.map((f) => [f, writers[f].rows])) as Record<DemoCsvFile, number>;
  return { paths, rows };
}
