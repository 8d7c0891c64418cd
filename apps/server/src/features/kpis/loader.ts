// Loads the columnar MetricsData every KPI reads: customers from customer_features (in customer_id order, the
// order the segment engine uses too, so a segment's members map onto the same indexes), every order in CSR
// layout sorted by day, and survey answers from events. All orders are kept, also those on or after the
// as-of day: every KPI ignores them, and a view with another as-of day ({ ...data, asOfDay }) then needs no
// second load.
import type { KizunaDb } from '@kizuna/db';
import { MemberStatus, memberStatusCode, NO_DAY, validateMetricsData, type MemberStatusCode, type MetricsData } from '@kizuna/metrics';
import { selectRows, yieldToEventLoop } from './rows';

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

export interface LoadOptions {
  /** Customers per page of the customer read (tests use small pages to cross page boundaries). */
  customerPage?: number;
  /** Customers whose orders one query reads. */
  orderChunk?: number;
}

async function loadCustomers(db: KizunaDb, page: number): Promise<CustomerColumnsBuilder> {
  const out: CustomerColumnsBuilder = { ids: [], signup: [], canceled: [], status: [] };
  const columns = 'SELECT customer_id, signup_day, canceled_day, membership_status FROM customer_features';
  let last: string | null = null;
  for (;;) {
    const rows: unknown[][] =
      last === null
        ? await selectRows(db, `${columns} ORDER BY customer_id LIMIT ?`, [page])
        : await selectRows(db, `${columns} WHERE customer_id > ? ORDER BY customer_id LIMIT ?`, [last, page]);
    for (const row of rows) {
      out.ids.push(String(row[0]));
      out.signup.push(row[1] === null ? NO_DAY : Number(row[1]));
      out.canceled.push(row[2] === null ? NO_DAY : Number(row[2]));
      out.status.push(statusCode(row[3]));
    }
    if (rows.length < page) return out;
    last = out.ids[out.ids.length - 1]!;
    await yieldToEventLoop();
  }
}

/** Typed columns that grow by doubling: the order count is not known before reading. */
class GrowingColumns {
  customer = new Int32Array(1024);
  day = new Int32Array(1024);
  amount = new Float64Array(1024);
  length = 0;

  push(customer: number, day: number, amount: number): void {
    if (this.length === this.customer.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.customer = grow(this.customer, (n) => new Int32Array(n));
      this.day = grow(this.day, (n) => new Int32Array(n));
      this.amount = grow(this.amount, (n) => new Float64Array(n));
    }
    this.customer[this.length] = customer;
    this.day[this.length] = day;
    this.amount[this.length] = amount;
    this.length++;
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
  const chunk = options.orderChunk ?? ORDER_CHUNK;
  const customers = await loadCustomers(db, options.customerPage ?? CUSTOMER_PAGE);
  const { ids } = customers;
  const n = ids.length;
  const orders = new GrowingColumns();
  const counts = new Int32Array(n + 1);
  let orphanRows = 0;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    const upper = to < n ? ' AND customer_id < ?' : '';
    const params: unknown[] = [ids[from], ...(to < n ? [ids[to]] : [])];
    const rows = await selectRows(
      db,
      `SELECT customer_id, ordered_day, amount FROM orders WHERE customer_id >= ?${upper} ORDER BY customer_id, ordered_day`,
      params,
    );
    let p = from;
    for (const row of rows) {
      const id = row[0] as string;
      if (ids[p] !== id) {
        const q = advance(ids, p, to, id);
        if (q < 0) {
          orphanRows++;
          continue;
        }
        p = q;
      }
      orders.push(p, Number(row[1]), Number(row[2]));
      counts[p + 1]!++;
    }
    await yieldToEventLoop();
  }
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;

  const surveyRows = await selectRows(
    db,
    "SELECT customer_id, occurred_day, value FROM events WHERE event_type = 'survey' ORDER BY customer_id",
  );
  const survey = new GrowingColumns();
  let p = 0;
  for (const row of surveyRows) {
    const id = row[0] as string;
    if (ids[p] !== id) {
      const q = advance(ids, p, n, id);
      if (q < 0) {
        orphanRows++;
        continue;
      }
      p = q;
    }
    // A missing rating stays NaN: csat() reports it as ignored rather than guessing.
    survey.push(p, Number(row[1]), row[2] === null ? Number.NaN : Number(row[2]));
  }

  const data: MetricsData = {
    asOfDay,
    customers: {
      count: n,
      signupDay: Int32Array.from(customers.signup),
      canceledDay: Int32Array.from(customers.canceled),
      memberStatus: Uint8Array.from(customers.status),
    },
    orders: {
      customer: orders.customer.slice(0, orders.length),
      day: orders.day.slice(0, orders.length),
      amount: orders.amount.slice(0, orders.length),
      offsets: counts,
    },
    surveys: {
      customer: survey.customer.slice(0, survey.length),
      day: survey.day.slice(0, survey.length),
      value: survey.amount.slice(0, survey.length),
    },
  };
  validateMetricsData(data);
  return { data, customerIds: ids, orphanRows, loadMs: Math.round(performance.now() - started) };
}
