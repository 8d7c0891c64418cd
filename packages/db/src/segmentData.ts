// Loads the columnar SegmentData the in-memory segment evaluator reads: customer_features as typed
// arrays, orders and events before the as-of day grouped per customer (CSR), products for stock filters.
// Streams rows from one read snapshot (readSnapshot.ts) so 10M orders never exist as objects at once, and
// hands the event loop a turn every few tens of milliseconds, so the server answers requests meanwhile.
import type { SegmentColumnSpec, SegmentData } from '@kizuna/segments';
import type { KizunaDb } from './client';
import { withReadSnapshot, type PaceOptions, type Pacer, type ReadSnapshot } from './readSnapshot';
import {
  buildNumberColumn,
  buildNumberColumnSliced,
  CsrBuilder,
  encodeCodes,
  identifier,
  NULL_INT,
  Dictionary,
  TagsBuilder,
  type LoadedColumn,
} from './segmentDataColumns';


export interface LoadSegmentDataOptions extends PaceOptions {
  /** The effective as-of day customer_features was built for (resolveAsOf(db).asOfDay). */
  asOfDay: number;
  /** Which customer_features columns to read: `segmentColumns()` from @kizuna/segments. */
  columns: readonly SegmentColumnSpec[];
}

export async function loadSegmentData(db: KizunaDb, options: LoadSegmentDataOptions): Promise<SegmentData> {
  const { asOfDay } = options;
  if (!Number.isSafeInteger(asOfDay)) throw new Error(`asOfDay must be an integer day number, got ${asOfDay}`);
  return withReadSnapshot(db, (snapshot) => loadFrom(snapshot, options), options);
}

async function loadFrom(db: ReadSnapshot, options: LoadSegmentDataOptions): Promise<SegmentData> {
  const { asOfDay } = options;
  const customers = await loadCustomers(db, options.columns);
  const { index } = customers;
  const products = await loadProducts(db);
  const orders = await loadOrders(db, asOfDay, index);
  const events = await loadEvents(db, asOfDay, index, products);
  return {
    size: customers.ids.length,
    asOfDay,
    customerIds: customers.ids,
    columns: customers.columns,
    customAttributes: customers.custom,
    orders,
    events,
    products: products.columns,
  };
}

interface LoadedCustomers {
  ids: string[];
  /** customer_id → index */
  index: Map<string, number>;
  columns: Map<string, LoadedColumn>;
  custom: Map<string, Extract<LoadedColumn, { kind: 'string' }>>;
}

async function loadCustomers(db: ReadSnapshot, specs: readonly SegmentColumnSpec[]): Promise<LoadedCustomers> {
  const { pacer } = db;
  const present = await db.tableColumns('customer_features');
  // Columns of joined tables (the predictions): read through a LEFT JOIN on customer_id, NULL without a row.
  const joined = new Map<string, Set<string>>();
  for (const s of specs) if (s.table && !joined.has(s.table)) joined.set(s.table, await db.tableColumns(s.table));
  const wanted = specs.filter((s) => {
    if ((s.table ? joined.get(s.table)! : present).has(s.column)) return true;
    if (s.optional) return false;
    throw new Error(`${s.table ?? 'customer_features'} has no column ${s.column}`);
  });
  const tables = [...new Set(wanted.flatMap((s) => (s.table ? [s.table] : [])))];
  const alias = (table: (typeof tables)[number]) => `j${tables.indexOf(table)}`;
  const joins = tables.map((t) => ` LEFT JOIN ${identifier(t)} ${alias(t)} ON ${alias(t)}.customer_id = cf.customer_id`).join('');
  const count = await countRows(db, 'customer_features');
  // One column at a time, with turns between: filling forty columns of a million at once faults in
  // hundreds of megabytes in one go (most of a second).
  const raw: Collector[] = [];
  for (const s of wanted) {
    raw.push(newCollector(s, count));
    await turn(pacer, count);
  }
  const custom = new Map<string, { dict: Dictionary; codes: Int32Array }>();
  const ids: string[] = [];
  const index = new Map<string, number>();
  const column = (s: SegmentColumnSpec) => `${s.table ? alias(s.table) : 'cf'}.${identifier(s.column)}`;
  const select = ['cf.customer_id', ...wanted.map(column), 'cf.custom_attributes'].join(', ');
  // Index order is the table's: SQLite scans rowid order (ORDER BY customer_id would look every row up
  // through the primary-key index, several times slower); PostgreSQL has no stable scan order, so sort.
  const order = db.dialect === 'postgres' ? ' ORDER BY cf.customer_id' : '';
  await db.forEachRow(`SELECT ${select} FROM customer_features cf${joins}${order}`, (row) => {
    const i = ids.length;
    if (i >= count) throw new Error('customer_features changed while loading; load again');
    const id = String(row[0]);
    ids.push(id);
    index.set(id, i);
    for (let c = 0; c < raw.length; c++) raw[c]!.add(i, row[c + 1]);
    readCustomAttributes(row[raw.length + 1], i, count, custom);
  });
  const columns = new Map<string, LoadedColumn>();
  for (let c = 0; c < wanted.length; c++) {
    columns.set(wanted[c]!.column, raw[c]!.finish(ids.length));
    await turn(pacer, ids.length);
  }
  const customColumns = new Map<string, Extract<LoadedColumn, { kind: 'string' }>>();
  for (const [key, { dict, codes }] of custom) {
    customColumns.set(key, encodeCodes(dict, codes.subarray(0, ids.length)));
    await turn(pacer, ids.length);
  }
  return { ids, index, columns, custom: customColumns };
}

interface Collector {
  add(i: number, value: unknown): void;
  finish(size: number): LoadedColumn;
}

function newCollector(spec: SegmentColumnSpec, capacity: number): Collector {
  switch (spec.storage) {
    case 'text': {
      const dict = new Dictionary();
      const codes = new Int32Array(capacity);
      return { add: (i, v) => (codes[i] = dict.code(v)), finish: (n) => encodeCodes(dict, codes.subarray(0, n)) };
    }
    case 'number':
    case 'day':
    case 'isoDate': {
      const values = new Float64Array(capacity).fill(NaN);
      const parse = spec.storage === 'isoDate' ? isoDay : toNumber;
      return { add: (i, v) => (values[i] = parse(v)), finish: (n) => buildNumberColumn(values.subarray(0, n)) };
    }
    case 'flag': {
      const values = new Uint8Array(capacity);
      return { add: (i, v) => (values[i] = Number(v) === 1 ? 1 : 0), finish: (n) => ({ kind: 'flag', values: values.slice(0, n) }) };
    }
    case 'tags': {
      // Split as rows arrive: a million tag lists split at the end would hold the thread for a while.
      const tags = new TagsBuilder(capacity);
      return { add: (i, v) => tags.add(i, typeof v === 'string' ? v : null), finish: (n) => tags.finish(n) };
    }
    default: {
      const unknown: never = spec.storage;
      throw new Error(`Unknown column storage ${String(unknown)}`);
    }
  }
}

function toNumber(v: unknown): number {
  if (v === null || v === undefined || v === '') return NaN;
  const n = Number(v);
  return Number.isFinite(n) ? n : NaN;
}

/** `YYYY-MM-DD…` → day number (UTC calendar arithmetic, as the *_day columns use), NaN when not a date. */
function isoDay(v: unknown): number {
  if (typeof v !== 'string') return NaN;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return Math.round(ms / 86_400_000);
}

function readCustomAttributes(
  json: unknown,
  i: number,
  capacity: number,
  custom: Map<string, { dict: Dictionary; codes: Int32Array }>,
): void {
  if (typeof json !== 'string' || json === '{}' || json === '') return;
  let obj: unknown;
  try {
    obj = JSON.parse(json);
  } catch {
    return;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return;
  for (const [key, value] of Object.entries(obj as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    let entry = custom.get(key);
    if (!entry) {
      entry = { dict: new Dictionary(), codes: new Int32Array(capacity) };
      custom.set(key, entry);
    }
    entry.codes[i] = entry.dict.code(typeof value === 'string' ? value : String(value));
  }
}

interface LoadedProducts {
  columns: SegmentData['products'];
  /** product_id → index, extended with ids only seen in events. */
  index: Map<string, number>;
  ids: string[];
  stock: number[];
  categoryDict: Dictionary;
  categoryCodes: number[];
}

async function loadProducts(db: ReadSnapshot): Promise<LoadedProducts> {
  const ids: string[] = [];
  const stock: number[] = [];
  const categoryDict = new Dictionary();
  const categoryCodes: number[] = [];
  const index = new Map<string, number>();
  await db.forEachRow('SELECT product_id, category, stock FROM products ORDER BY product_id', (row) => {
    index.set(String(row[0]), ids.length);
    ids.push(String(row[0]));
    categoryCodes.push(categoryDict.code(row[1]));
    stock.push(toNumber(row[2]));
  });
  const loaded: LoadedProducts = { columns: emptyProducts(), index, ids, stock, categoryDict, categoryCodes };
  return loaded;
}

function emptyProducts(): SegmentData['products'] {
  return { ids: [], stock: new Float64Array(0), category: { kind: 'string', codes: new Uint8Array(0), dict: [null] } };
}

function finishProducts(p: LoadedProducts): void {
  p.columns = {
    ids: p.ids,
    stock: Float64Array.from(p.stock),
    category: encodeCodes(p.categoryDict, Int32Array.from(p.categoryCodes)),
  };
}

async function loadOrders(db: ReadSnapshot, asOfDay: number, index: Map<string, number>): Promise<SegmentData['orders']> {
  const { pacer } = db;
  const n = index.size;
  const csr = new CsrBuilder(n);
  // Pass 1 (the (customer_id, ordered_day) index covers it): rows per customer, to place rows directly.
  await db.forEachRow(`SELECT customer_id, COUNT(*) FROM orders WHERE ordered_day < ${asOfDay} GROUP BY customer_id`, (row) => {
    const i = index.get(String(row[0]));
    if (i !== undefined) csr.count(i, Number(row[1]));
  });
  const total = csr.allocate();
  const day = new Int32Array(total);
  const amount = new Float64Array(total);
  const quantity = new Int32Array(total);
  const categoryDict = new Dictionary();
  const channelDict = new Dictionary();
  const category = new Int32Array(total);
  const channel = new Int32Array(total);
  const coupon = new Uint8Array(total);
  // Pass 2 in table order (no sort in the database); each customer's slice is sorted by day afterwards.
  let lastId = '';
  let lastIndex: number | undefined;
  await db.forEachRow(
    // `+ordered_day` keeps the planner off the ordered_day index: nearly every row qualifies, and a scan in
    // table order is many times faster than one index lookup per row.
    `SELECT customer_id, ordered_day, amount, quantity, category, channel,
       CASE WHEN coupon_code IS NOT NULL AND coupon_code <> '' THEN 1 ELSE 0 END
     FROM orders WHERE +ordered_day < ${asOfDay}`,
    (row) => {
      // Rows of one customer usually sit together: skip the map lookup while the id repeats.
      const id = String(row[0]);
      if (id !== lastId) {
        lastId = id;
        lastIndex = index.get(id);
      }
      const i = lastIndex;
      if (i === undefined) return;
      const k = csr.place(i);
      day[k] = Number(row[1]);
      amount[k] = Number(row[2]);
      const q = row[3];
      quantity[k] = q === null || q === undefined ? NULL_INT : Number(q);
      category[k] = categoryDict.code(row[4]);
      channel[k] = channelDict.code(row[5]);
      coupon[k] = Number(row[6]) === 1 ? 1 : 0;
    },
  );
  await csr.sortByDay(day, [amount, quantity, category, channel, coupon], pacer);
  // Each of these passes over ~10M rows takes tens of milliseconds: a turn between them.
  await turn(pacer, total);
  const amountColumn = await buildNumberColumnSliced(amount, pacer);
  await turn(pacer, total);
  const categoryColumn = encodeCodes(categoryDict, category);
  await turn(pacer, total);
  const channelColumn = encodeCodes(channelDict, channel);
  await turn(pacer, total);
  return {
    count: total,
    offsets: csr.offsets,
    day,
    amount: amountColumn.values,
    quantity,
    category: categoryColumn,
    channel: channelColumn,
    couponUsed: coupon,
    maxDay: maxOf(day),
  };
}

async function loadEvents(
  db: ReadSnapshot,
  asOfDay: number,
  index: Map<string, number>,
  products: LoadedProducts,
): Promise<SegmentData['events']> {
  const n = index.size;
  const { pacer } = db;
  const builders = new Map<string, CsrBuilder>();
  await db.forEachRow(
    // Grouped in the (customer_id, event_type, occurred_day) index's order: streamed, no sort up front.
    `SELECT event_type, customer_id, COUNT(*) FROM events WHERE occurred_day < ${asOfDay} GROUP BY customer_id, event_type`,
    (row) => {
      const i = index.get(String(row[1]));
      if (i === undefined) return;
      const type = String(row[0]);
      let b = builders.get(type);
      if (!b) builders.set(type, (b = new CsrBuilder(n)));
      b.count(i, Number(row[2]));
    },
  );
  const typed = new Map<string, { csr: CsrBuilder; day: Int32Array; value: Float64Array; product: Int32Array }>();
  for (const [type, csr] of builders) {
    const total = csr.allocate();
    typed.set(type, { csr, day: new Int32Array(total), value: new Float64Array(total), product: new Int32Array(total) });
  }
  await db.forEachRow(
    `SELECT event_type, customer_id, occurred_day, value, product_id FROM events WHERE +occurred_day < ${asOfDay}`,
    (row) => {
      const t = typed.get(String(row[0]));
      const i = index.get(String(row[1]));
      if (!t || i === undefined) return;
      const k = t.csr.place(i);
      t.day[k] = Number(row[2]);
      t.value[k] = toNumber(row[3]);
      t.product[k] = productIndex(products, row[4]);
    },
  );
  finishProducts(products);
  const out = new Map<string, SegmentData['events'] extends ReadonlyMap<string, infer E> ? E : never>();
  for (const [type, t] of [...typed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    await t.csr.sortByDay(t.day, [t.value, t.product], pacer);
    out.set(type, { count: t.day.length, offsets: t.csr.offsets, day: t.day, value: t.value, product: t.product, maxDay: maxOf(t.day) });
  }
  return out;
}

function productIndex(p: LoadedProducts, id: unknown): number {
  if (typeof id !== 'string' || id === '') return -1;
  let k = p.index.get(id);
  if (k === undefined) {
    // A product only seen in events: known id, unknown stock and category.
    k = p.ids.length;
    p.index.set(id, k);
    p.ids.push(id);
    p.stock.push(NaN);
    p.categoryCodes.push(0);
  }
  return k;
}

function maxOf(day: Int32Array): number {
  let max = -Infinity;
  for (let k = 0; k < day.length; k++) if (day[k]! > max) max = day[k]!;
  return max;
}

/**
 * Rows of a table. SQLite runs a COUNT(*) as one step that holds the thread for seconds at a million rows:
 * stream the primary-key index instead, in slices. PostgreSQL counts on the server while this thread waits.
 */
async function countRows(db: ReadSnapshot, table: 'customer_features'): Promise<number> {
  let n = 0;
  if (db.dialect === 'postgres') await db.forEachRow(`SELECT COUNT(*) FROM ${table}`, (row) => (n = Number(row[0])));
  else await db.forEachRow(`SELECT customer_id FROM ${table}`, () => n++);
  return n;
}

/** A turn of the event loop when `units` more work (or the time since the last turn) calls for one. */
async function turn(pacer: Pacer, units: number): Promise<void> {
  if (pacer.due(units)) await pacer.pause();
}
