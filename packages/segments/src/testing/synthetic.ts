// A large synthetic SegmentData built directly in typed arrays (no database), for the benchmark: skewed
// order counts (mean ≈ ordersPerCustomer), three years of days, Japanese prefectures, tags and consents.
import { NULL_INT, type Column, type EventTypeColumns, type SegmentData, type StringColumn } from '../data';
import { prng } from './dataset';

const AS_OF = 20_758;
const YEARS3 = 1_095;

const prefectures = ['東京都', '神奈川県', '大阪府', '愛知県', '埼玉県', '千葉県', '兵庫県', '北海道', '福岡県', '静岡県'];
const tags = ['beauty', 'fashion', 'outdoor', 'cooking', 'travel', 'fitness', 'anime', 'pets', 'wellness', 'books', 'music', 'games'];

function dictColumn(codes: Uint8Array | Uint16Array, values: readonly string[]): StringColumn {
  return { kind: 'string', codes, dict: [null, ...values] };
}

/** Picks 1..values.length (0 = NULL with probability pNull) from cumulative weights. */
function weightedCodes(n: number, r: () => number, weights: readonly number[], pNull = 0): Uint8Array {
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (r() < pNull) continue;
    let x = r() * total;
    let c = 0;
    while (c < weights.length - 1 && x >= weights[c]!) x -= weights[c++]!;
    out[i] = c + 1;
  }
  return out;
}

export function buildSyntheticData(customers: number, ordersPerCustomer: number, seed: number): SegmentData {
  const r = prng(seed);
  const n = customers;
  const columns = new Map<string, Column>();
  const int = (): Int32Array => new Int32Array(n).fill(NULL_INT);

  columns.set('gender', dictColumn(weightedCodes(n, r, [62, 33, 3, 2], 0.02), ['female', 'male', 'other', 'unknown']));
  columns.set('region', dictColumn(weightedCodes(n, r, [14, 8, 7, 6, 6, 5, 4, 4, 4, 3], 0.01), prefectures));
  columns.set('country', dictColumn(weightedCodes(n, r, [97, 3]), ['JP', 'US']));
  columns.set('membership_plan', dictColumn(weightedCodes(n, r, [60, 30, 10]), ['free', 'standard', 'premium']));
  columns.set('primary_device', dictColumn(weightedCodes(n, r, [50, 35, 15]), ['ios', 'android', 'desktop']));
  const postal = new Uint16Array(n);
  for (let i = 0; i < n; i++) postal[i] = 1 + Math.floor(r() * 9_999);
  columns.set('postal_code', dictColumn(postal, Array.from({ length: 9_999 }, (_, k) => `${String(100 + (k % 900)).padStart(3, '0')}-${String(k).padStart(4, '0')}`)));
  for (const name of ['city', 'occupation', 'membership_status', 'preferred_channel', 'acquisition_channel', 'locale']) {
    columns.set(name, dictColumn(weightedCodes(n, r, [5, 3, 2, 1], 0.1), [`${name}-a`, `${name}-b`, `${name}-c`, `${name}-d`]));
  }

  const age = int();
  const birth = int();
  const income = int();
  const signup = int();
  for (let i = 0; i < n; i++) {
    if (r() > 0.05) {
      age[i] = 18 + Math.floor(r() * r() * 62);
      birth[i] = AS_OF - age[i]! * 365 - Math.floor(r() * 365);
    }
    if (r() > 0.2) income[i] = Math.round(Math.exp(15 + r() * 1.2) / 10_000) * 10_000;
    signup[i] = AS_OF - 1 - Math.floor(r() * YEARS3);
  }
  columns.set('age', { kind: 'number', values: age });
  columns.set('birth_date', { kind: 'number', values: birth });
  columns.set('annual_income', { kind: 'number', values: income });
  columns.set('signup_day', { kind: 'number', values: signup });
  columns.set('canceled_day', { kind: 'number', values: int() });
  for (const [name, p] of [['email_opt_in', 0.55], ['sms_opt_in', 0.2], ['push_opt_in', 0.35], ['line_opt_in', 0.6], ['has_email', 0.9]] as const) {
    const v = new Uint8Array(n);
    for (let i = 0; i < n; i++) v[i] = r() < p ? 1 : 0;
    columns.set(name, { kind: 'flag', values: v });
  }
  for (const name of ['interests', 'lifestyle']) {
    const offsets = new Int32Array(n + 1);
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = Math.floor(r() * 4);
      const first = Math.floor(r() * tags.length);
      for (let t = 0; t < k; t++) ids.push((first + t * 5) % tags.length);
      offsets[i + 1] = ids.length;
    }
    columns.set(name, { kind: 'tags', offsets, ids: Uint16Array.from(ids), dict: tags });
  }

  const orders = buildOrders(n, ordersPerCustomer, r, columns);
  return {
    size: n,
    asOfDay: AS_OF,
    customerIds: Array.from({ length: n }, (_, i) => `C${String(i).padStart(7, '0')}`),
    columns,
    customAttributes: new Map(),
    orders,
    events: buildEvents(n, r),
    products: {
      ids: Array.from({ length: 300 }, (_, k) => `P${k}`),
      stock: Float64Array.from({ length: 300 }, () => Math.floor(r() * 60)),
      category: dictColumn(Uint8Array.from({ length: 300 }, (_, k) => 1 + (k % 8)), ['Cosmetics', 'Skincare', 'Fashion', 'Food', 'Home', 'Outdoor', 'Books', 'Electronics']),
    },
  };
}

function buildOrders(n: number, perCustomer: number, r: () => number, columns: Map<string, Column>): SegmentData['orders'] {
  const counts = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    counts[i] = Math.floor(-Math.log(1 - r()) * perCustomer);
    offsets[i + 1] = offsets[i]! + counts[i]!;
  }
  const total = offsets[n]!;
  const day = new Int32Array(total);
  const amount = new Int32Array(total);
  const quantity = new Int32Array(total);
  const category = new Uint8Array(total);
  const channel = new Uint8Array(total);
  const coupon = new Uint8Array(total);
  const feature = (name: string, nullValue = NULL_INT): Int32Array => {
    const v = new Int32Array(n).fill(nullValue);
    columns.set(name, { kind: 'number', values: v });
    return v;
  };
  const [first, last, recency, tenure] = ['first_order_day', 'last_order_day', 'recency_days', 'tenure_days'].map((c) => feature(c)) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const [frequency, purchaseDays, monetary] = ['frequency', 'purchase_days', 'monetary'].map((c) => feature(c, 0)) as [Int32Array, Int32Array, Int32Array];
  const [rs, fs, ms] = ['r_score', 'f_score', 'm_score'].map((c) => feature(c)) as [Int32Array, Int32Array, Int32Array];
  const aov = new Float64Array(n).fill(NaN);
  columns.set('aov', { kind: 'number', values: aov });
  for (let i = 0; i < n; i++) {
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    // A customer is active for a stretch of the three years; their orders fall inside it.
    const start = AS_OF - 1 - Math.floor(r() * YEARS3);
    const span = Math.max(1, Math.floor(r() * (AS_OF - start)));
    let sum = 0;
    for (let k = s; k < e; k++) {
      day[k] = start + Math.floor(r() * span);
      amount[k] = r() < 0.03 ? 0 : 500 + Math.floor(r() * r() * 30_000);
      quantity[k] = 1 + Math.floor(r() * 3);
      category[k] = 1 + Math.floor(r() * 8);
      channel[k] = 1 + Math.floor(r() * 3);
      coupon[k] = r() < 0.2 ? 1 : 0;
      sum += amount[k]!;
    }
    day.subarray(s, e).sort();
    const tenureDays = AS_OF - (columns.get('signup_day') as { values: Int32Array }).values[i]!;
    tenure[i] = tenureDays;
    if (e === s) continue;
    let distinct = 1;
    for (let k = s + 1; k < e; k++) if (day[k] !== day[k - 1]) distinct++;
    first[i] = day[s]!;
    last[i] = day[e - 1]!;
    recency[i] = AS_OF - day[e - 1]!;
    frequency[i] = e - s;
    purchaseDays[i] = distinct;
    monetary[i] = sum;
    aov[i] = sum / (e - s);
    rs[i] = 5 - Math.min(4, Math.floor(recency[i]! / 220));
    fs[i] = Math.min(5, 1 + Math.floor((e - s) / 5));
    ms[i] = Math.min(5, 1 + Math.floor(sum / 60_000));
  }
  const cat = ['Cosmetics', 'Skincare', 'Fashion', 'Food', 'Home', 'Outdoor', 'Books', 'Electronics'];
  return {
    count: total,
    offsets,
    day,
    amount,
    quantity,
    category: dictColumn(category, cat),
    channel: dictColumn(channel, ['web', 'app', 'store']),
    couponUsed: coupon,
    maxDay: AS_OF - 1,
  };
}

function buildEvents(n: number, r: () => number): Map<string, EventTypeColumns> {
  const out = new Map<string, EventTypeColumns>();
  for (const [type, perCustomer] of [['favorite', 0.8], ['page_view', 1.2], ['survey', 0.3]] as const) {
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + (r() < perCustomer / 2 ? 2 : 0);
    const total = offsets[n]!;
    const day = new Int32Array(total);
    const value = new Float64Array(total).fill(NaN);
    const product = new Int32Array(total).fill(-1);
    for (let k = 0; k < total; k += 2) {
      const a = AS_OF - 1 - Math.floor(r() * YEARS3);
      const b = AS_OF - 1 - Math.floor(r() * YEARS3);
      day[k] = Math.min(a, b);
      day[k + 1] = Math.max(a, b);
      for (const j of [k, k + 1]) {
        if (type === 'survey') value[j] = 1 + Math.floor(r() * 5);
        else product[j] = Math.floor(r() * 300);
      }
    }
    out.set(type, { count: total, offsets, day, value, product, maxDay: AS_OF - 1 });
  }
  return out;
}
