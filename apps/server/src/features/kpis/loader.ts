// Loads the columnar MetricsData every KPI reads: customers from customer_features (in customer_id order, the
// order the segment engine uses too, so a segment's members map onto the same indexes), every order in CSR
// layout sorted by day, and survey answers from events. All orders are kept, also those on or after the
// as-of day: every KPI ignores them, and a view with another as-of day ({ ...data, asOfDay }) then needs no
// second load. Every query reads one snapshot of the database (withReadSnapshot), row by row with turns of
// the event loop in between, so the server keeps answering while ten million orders load.
import { withReadSnapshot, type KizunaDb, type Pacer, type PaceOptions, type ReadSnapshot } from '@kizuna/db';
import { MemberStatus, memberStatusCode, NO_DAY, validateMetricsData, type MemberStatusCode, type MetricsData } from '@kizuna/metrics';

export interface LoadedMetrics {
  data: MetricsData;
  /** customer_features ids in customer_id order: index i of every column belongs to customerIds[i]. */
  customerIds: string[];
  /** Orders and survey answers skipped because their customer has no customer_features row. */
  orphanRows: number;
  loadMs: number;
}

/** Customers per page of the customer_features read. */
const CUSTOMER_PAGE = 50_000;
/** Customers whose orders one query reads (≈ 10 orders each on the bench data). */
const ORDER_CHUNK = 20_000;

function int(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new Error(`${what} must be a whole number, got ${n}`);
  return n;
}

function statusCode(status: unknown): MemberStatusCode {
  try {
    return memberStatusCode(typeof status === 'string' ? status : null);
  } catch {
    // The importer only accepts known statuses; anything else (a hand-edited row) counts as no membership.
    return MemberStatus.none;
  }
}

interface CustomerColumnsBuilder {
  ids: string[];
  signup: number[];
  canceled: number[];
  status: number[];
}

export interface LoadOptions extends PaceOptions {
  /** Customers per page of the customer read (tests use small pages to cross page boundaries). */
  customerPage?: number;
  /** Customers whose orders one query reads. */
  orderChunk?: number;
  /** Rows per block of the order and survey columns while loading (tests use small blocks). */
  blockRows?: number;
}

async function loadCustomers(db: ReadSnapshot, page: number): Promise<CustomerColumnsBuilder> {
  const out: CustomerColumnsBuilder = { ids: [], signup: [], canceled: [], status: [] };
  const columns = 'SELECT customer_id, signup_day, canceled_day, membership_status FROM customer_features';
  let last: string | null = null;
  for (;;) {
    let rows = 0;
    await db.forEachRow(
      last === null ? `${columns} ORDER BY customer_id LIMIT ?` : `${columns} WHERE customer_id > ? ORDER BY customer_id LIMIT ?`,
      (row) => {
        rows++;
        out.ids.push(String(row[0]));
        out.signup.push(row[1] === null ? NO_DAY : Number(row[1]));
        out.canceled.push(row[2] === null ? NO_DAY : Number(row[2]));
        out.status.push(statusCode(row[3]));
      },
      last === null ? [page] : [last, page],
    );
    if (rows < page) return out;
    last = out.ids[out.ids.length - 1]!;
  }
}

/** Rows per block of BlockColumns: a few megabytes each. */
const BLOCK_ROWS = 1 << 18;

interface Block {
  customer: Int32Array;
  day: Int32Array;
  value: Float64Array;
}

/**
 * Typed columns of unknown final length, in fixed-size blocks: growing by doubling would copy hundreds of
 * megabytes in one go at ten million orders, and keep up to twice the space.
 */
class BlockColumns {
  private blocks: (Block | null)[] = [];
  private current: Block | null = null;
  private used: number;
  length = 0;

  constructor(private readonly blockRows: number) {
    this.used = blockRows;
  }

  push(customer: number, day: number, value: number): void {
    const size = this.blockRows;
    if (this.used === size) {
      this.current = { customer: new Int32Array(size), day: new Int32Array(size), value: new Float64Array(size) };
      this.blocks.push(this.current);
      this.used = 0;
    }
    const b = this.current!;
    b.customer[this.used] = customer;
    b.day[this.used] = day;
    b.value[this.used] = value;
    this.used++;
    this.length++;
  }

  /** Exact-length columns, copied a block at a time with turns of the event loop; each block is let go once copied. */
  async finish(pacer: Pacer): Promise<Block> {
    const n = this.length;
    const out: Block = { customer: new Int32Array(n), day: new Int32Array(n), value: new Float64Array(n) };
    let at = 0;
    for (let k = 0; k < this.blocks.length; k++) {
      const b = this.blocks[k]!;
      const take = Math.min(this.blockRows, n - at);
      out.customer.set(b.customer.subarray(0, take), at);
      out.day.set(b.day.subarray(0, take), at);
      out.value.set(b.value.subarray(0, take), at);
      this.blocks[k] = null;
      at += take;
      if (pacer.due(take)) await pacer.pause();
    }
    this.blocks = [];
    this.current = null;
    return out;
  }
}

/**
 * Walks rows sorted by customer_id in the database's own collation alongside `ids` (sorted the same way),
 * so no id → index map of a million strings is needed. Returns the index of `id` at or after `from`, or -1
 * when the id has no customer row (the caller skips it and keeps its position).
 */
function advance(ids: readonly string[], from: number, end: number, id: string): number {
  for (let p = from; p < end; p++) if (ids[p] === id) return p;
  return -1;
}

/** Everything, as MetricsData whose asOfDay is `asOfDay`. */
export async function loadMetricsData(db: KizunaDb, asOfDay: number, options: LoadOptions = {}): Promise<LoadedMetrics> {
  const started = performance.now();
  int(asOfDay, 'asOfDay');
  const loaded = await withReadSnapshot(db, (snapshot) => loadFrom(snapshot, asOfDay, options), options);
  return { ...loaded, loadMs: Math.round(performance.now() - started) };
}

async function loadFrom(db: ReadSnapshot, asOfDay: number, options: LoadOptions): Promise<Omit<LoadedMetrics, 'loadMs'>> {
  const { pacer } = db;
  const chunk = options.orderChunk ?? ORDER_CHUNK;
  const customers = await loadCustomers(db, options.customerPage ?? CUSTOMER_PAGE);
  const { ids } = customers;
  const n = ids.length;
  const orders = new BlockColumns(options.blockRows ?? BLOCK_ROWS);
  const counts = new Int32Array(n + 1);
  let orphanRows = 0;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    const upper = to < n ? ' AND customer_id < ?' : '';
    const params: unknown[] = [ids[from], ...(to < n ? [ids[to]] : [])];
    let p = from;
    await db.forEachRow(
      `SELECT customer_id, ordered_day, amount FROM orders WHERE customer_id >= ?${upper} ORDER BY customer_id, ordered_day`,
      (row) => {
        const id = row[0] as string;
        if (ids[p] !== id) {
          const q = advance(ids, p, to, id);
          if (q < 0) {
            orphanRows++;
            return;
          }
          p = q;
        }
        orders.push(p, Number(row[1]), Number(row[2]));
        counts[p + 1]!++;
      },
      params,
    );
  }
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
  const orderColumns = await orders.finish(pacer);

  const survey = new BlockColumns(options.blockRows ?? BLOCK_ROWS);
  let p = 0;
  // SQLite: `+event_type` walks the (customer_id, event_type, occurred_day) index in order, streamed; the
  // event_type index would sort every survey in one step before the first row (seconds at 1M customers).
  const surveyType = db.dialect === 'sqlite' ? '+event_type' : 'event_type';
  await db.forEachRow(`SELECT customer_id, occurred_day, value FROM events WHERE ${surveyType} = 'survey' ORDER BY customer_id`, (row) => {
    const id = row[0] as string;
    if (ids[p] !== id) {
      const q = advance(ids, p, n, id);
      if (q < 0) {
        orphanRows++;
        return;
      }
      p = q;
    }
    // A missing rating stays NaN: csat() reports it as ignored rather than guessing.
    survey.push(p, Number(row[1]), row[2] === null ? Number.NaN : Number(row[2]));
  });
  const surveyColumns = await survey.finish(pacer);

  const data: MetricsData = {
    asOfDay,
    customers: {
      count: n,
      signupDay: Int32Array.from(customers.signup),
      canceledDay: Int32Array.from(customers.canceled),
      memberStatus: Uint8Array.from(customers.status),
    },
    orders: {
      customer: orderColumns.customer,
      day: orderColumns.day,
      amount: orderColumns.value,
      offsets: counts,
    },
    surveys: {
      customer: surveyColumns.customer,
      day: surveyColumns.day,
      value: surveyColumns.value,
    },
  };
  validateMetricsData(data);
  return { data, customerIds: ids, orphanRows };
}
