// The columnar inputs every KPI and model reads: orders in CSR layout (sorted by customer, then day),
// customer membership columns and survey answers, as typed arrays so 1M customers / 10M orders fit in
// memory. Customers are identified by their index 0..count−1; the caller keeps the index ↔ id mapping.

/** Marks "no date" in day columns (signupDay, canceledDay). */
export const NO_DAY = -1;

export interface OrderColumns {
  /** Customer index of each order. */
  customer: Int32Array;
  /** Day number of each order (days since 1970-01-01, workspace time zone). */
  day: Int32Array;
  /** Amount in minor units of the workspace currency (integers; zero is allowed). */
  amount: Float64Array;
  /** CSR offsets, length customers + 1: customer i's orders are [offsets[i], offsets[i+1]). */
  offsets: Int32Array;
}

/** Membership status codes of CustomerColumns.memberStatus. */
export const MemberStatus = { none: 0, active: 1, paused: 2, canceled: 3 } as const;
export type MemberStatusCode = (typeof MemberStatus)[keyof typeof MemberStatus];

export interface CustomerColumns {
  count: number;
  /** Signup day, NO_DAY when unknown. */
  signupDay: Int32Array;
  /** Cancellation day, NO_DAY when none. */
  canceledDay: Int32Array;
  /** MemberStatus code; `none` = no membership data for this customer. */
  memberStatus: Uint8Array;
}

/** Survey answers (events of type `survey`): one row per answer, in any order. */
export interface SurveyColumns {
  customer: Int32Array;
  day: Int32Array;
  /** The CSAT rating, 1–5. */
  value: Float64Array;
}

/** Everything a KPI needs, as of one effective as-of day (data on or after it is ignored). */
export interface MetricsData {
  customers: CustomerColumns;
  orders: OrderColumns;
  surveys?: SurveyColumns;
  asOfDay: number;
}

export interface OrderRow {
  customer: number;
  day: number;
  amount: number;
}

/**
 * Sorts loose order rows into CSR columns: a stable counting sort by customer, then each customer's
 * orders by day (orders on the same day keep their input order).
 */
export function buildOrderColumns(customerCount: number, rows: readonly OrderRow[]): OrderColumns {
  const n = rows.length;
  const offsets = new Int32Array(customerCount + 1);
  for (const row of rows) {
    if (!Number.isInteger(row.customer) || row.customer < 0 || row.customer >= customerCount) {
      throw new RangeError(`order customer index ${row.customer} is outside 0..${customerCount - 1}`);
    }
    if (!Number.isInteger(row.day)) throw new RangeError(`order day ${row.day} is not a whole day number`);
    if (!Number.isFinite(row.amount)) throw new RangeError(`order amount ${row.amount} is not a finite number`);
    offsets[row.customer + 1] = (offsets[row.customer + 1] as number) + 1;
  }
  for (let i = 0; i < customerCount; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const next = offsets.slice(0, customerCount);
  const order = new Int32Array(n);
  rows.forEach((row, k) => {
    const slot = next[row.customer] as number;
    order[slot] = k;
    next[row.customer] = slot + 1;
  });
  for (let i = 0; i < customerCount; i++) {
    const slice = order.subarray(offsets[i] as number, offsets[i + 1] as number);
    if (slice.length > 1) {
      const sorted = Array.from(slice).sort((p, q) => (rows[p] as OrderRow).day - (rows[q] as OrderRow).day || p - q);
      slice.set(sorted);
    }
  }
  const customer = new Int32Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const row = rows[order[k] as number] as OrderRow;
    customer[k] = row.customer;
    day[k] = row.day;
    amount[k] = row.amount;
  }
  return { customer, day, amount, offsets };
}

/**
 * Checks columns that arrive already sorted (e.g. from `ORDER BY customer, day`): lengths agree, offsets
 * are CSR for customerCount customers, each order's customer matches its slice, days never decrease within
 * a customer. Throws RangeError naming the first problem.
 */
export function validateOrderColumns(orders: OrderColumns, customerCount: number): void {
  const { customer, day, amount, offsets } = orders;
  const n = customer.length;
  if (day.length !== n || amount.length !== n) throw new RangeError('order columns differ in length');
  if (offsets.length !== customerCount + 1) {
    throw new RangeError(`offsets has length ${offsets.length}; expected ${customerCount + 1}`);
  }
  if (offsets[0] !== 0 || offsets[customerCount] !== n) throw new RangeError('offsets must run from 0 to the order count');
  for (let i = 0; i < customerCount; i++) {
    if ((offsets[i + 1] as number) < (offsets[i] as number)) throw new RangeError(`offsets decrease at customer ${i}`);
  }
  for (let i = 0; i < customerCount; i++) {
    const from = offsets[i] as number;
    const to = offsets[i + 1] as number;
    for (let k = from; k < to; k++) {
      if (customer[k] !== i) throw new RangeError(`order ${k} belongs to customer ${customer[k]}, not ${i}`);
      if (k > from && (day[k] as number) < (day[k - 1] as number)) {
        throw new RangeError(`orders of customer ${i} are not sorted by day at order ${k}`);
      }
    }
  }
}

/**
 * Checks a MetricsData assembled from the database once, before KPIs trust it: customer columns of
 * customers.count entries, order columns valid for that count, survey columns of equal length pointing at
 * existing customers, and a whole as-of day. Throws RangeError naming the first problem.
 */
export function validateMetricsData(data: MetricsData): void {
  const { customers, orders, surveys, asOfDay } = data;
  const n = customers.count;
  if (!Number.isInteger(asOfDay)) throw new RangeError(`as-of day ${asOfDay} is not a whole day number`);
  if (customers.signupDay.length !== n || customers.canceledDay.length !== n || customers.memberStatus.length !== n) {
    throw new RangeError(`customer columns must all have ${n} entries`);
  }
  for (const code of customers.memberStatus) {
    if (code > MemberStatus.canceled) throw new RangeError(`unknown membership status code ${code}`);
  }
  validateOrderColumns(orders, n);
  if (surveys) {
    const m = surveys.customer.length;
    if (surveys.day.length !== m || surveys.value.length !== m) throw new RangeError('survey columns differ in length');
    for (let k = 0; k < m; k++) {
      const c = surveys.customer[k] as number;
      if (c < 0 || c >= n) throw new RangeError(`survey ${k} points at customer ${c}, outside 0..${n - 1}`);
    }
  }
}

export interface CustomerRow {
  signupDay?: number | null;
  canceledDay?: number | null;
  memberStatus?: string | null;
}

/** Maps `membership_status` text (active, paused, canceled; empty = none) to its code; anything else throws. */
export function memberStatusCode(status: string | null | undefined): MemberStatusCode {
  const s = (status ?? '').trim().toLowerCase();
  switch (s) {
    case '':
      return MemberStatus.none;
    case 'active':
      return MemberStatus.active;
    case 'paused':
      return MemberStatus.paused;
    case 'canceled':
    case 'cancelled':
      return MemberStatus.canceled;
    default:
      throw new RangeError(`unknown membership status ${JSON.stringify(status)}`);
  }
}

export function buildCustomerColumns(rows: readonly CustomerRow[]): CustomerColumns {
  const count = rows.length;
  const signupDay = new Int32Array(count).fill(NO_DAY);
  const canceledDay = new Int32Array(count).fill(NO_DAY);
  const memberStatus = new Uint8Array(count);
  rows.forEach((row, i) => {
    if (row.signupDay != null) signupDay[i] = row.signupDay;
    if (row.canceledDay != null) canceledDay[i] = row.canceledDay;
    memberStatus[i] = memberStatusCode(row.memberStatus);
  });
  return { count, signupDay, canceledDay, memberStatus };
}

/** Customers with no membership or signup data: what the KPIs need when only orders are known. */
export function plainCustomers(count: number): CustomerColumns {
  return {
    count,
    signupDay: new Int32Array(count).fill(NO_DAY),
    canceledDay: new Int32Array(count).fill(NO_DAY),
    memberStatus: new Uint8Array(count),
  };
}

export interface SurveyRow {
  customer: number;
  day: number;
  value: number;
}

export function buildSurveyColumns(rows: readonly SurveyRow[]): SurveyColumns {
  return {
    customer: Int32Array.from(rows, (r) => r.customer),
    day: Int32Array.from(rows, (r) => r.day),
    value: Float64Array.from(rows, (r) => r.value),
  };
}
