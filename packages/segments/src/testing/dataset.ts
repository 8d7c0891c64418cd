// Seeded random test data full of edge cases (NULLs, empty strings and tag lists, zero amounts, several
// orders a day, orders exactly on window boundaries and on/after the as-of day, customers without orders),
// shared by the SQLite and PostgreSQL equivalence suites and the evaluator's unit tests.
import { dayToIso } from '../dates';

export interface FeatureRow {
  customer_id: string;
  gender: string | null;
  birth_date: string | null;
  age: number | null;
  country: string | null;
  region: string | null;
  city: string | null;
  postal_code: string | null;
  annual_income: number | null;
  occupation: string | null;
  interests: string | null;
  lifestyle: string | null;
  signup_date: string | null;
  signup_day: number | null;
  membership_plan: string | null;
  membership_status: string | null;
  canceled_day: number | null;
  email_opt_in: 0 | 1;
  sms_opt_in: 0 | 1;
  push_opt_in: 0 | 1;
  line_opt_in: 0 | 1;
  has_email: 0 | 1;
  preferred_channel: string | null;
  acquisition_channel: string | null;
  primary_device: string | null;
  locale: string | null;
  custom_attributes: string;
  tenure_days: number | null;
  first_order_day: number | null;
  last_order_day: number | null;
  recency_days: number | null;
  frequency: number;
  purchase_days: number;
  monetary: number;
  aov: number | null;
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
}

export interface OrderRow {
  order_id: string;
  customer_id: string;
  ordered_day: number;
  amount: number;
  quantity: number | null;
  category: string | null;
  channel: string | null;
  coupon_code: string | null;
}

export interface EventRow {
  event_key: string;
  customer_id: string;
  event_type: string;
  occurred_day: number;
  product_id: string | null;
  value: number | null;
}

export interface ProductRow {
  product_id: string;
  category: string | null;
  stock: number | null;
}

export interface TestDataset {
  asOfDay: number;
  customers: FeatureRow[];
  orders: OrderRow[];
  events: EventRow[];
  products: ProductRow[];
}

/** mulberry32: a small seeded PRNG, identical on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The as-of day of generated data: 2026-11-01. */
export const TEST_AS_OF_DAY = 20_758;

export const pools = {
  genders: ['female', 'male', 'other', 'unknown'],
  regions: ['東京都', '大阪府', '北海道', '沖縄県'],
  cities: ['新宿区', '大阪市', '札幌市', 'Naha'],
  countries: ['JP', 'US'],
  occupations: ['engineer', 'teacher', 'student'],
  plans: ['free', 'standard', 'premium'],
  statuses: ['active', 'paused', 'canceled'],
  channels: ['email', 'line', 'app'],
  devices: ['ios', 'android', 'desktop'],
  locales: ['ja-JP', 'en-US'],
  tags: ['beauty', 'fashion', 'outdoor', 'アニメ', 'pets'],
  orderCategories: ['Cosmetics', 'Fashion', 'Food'],
  orderChannels: ['web', 'app', 'store'],
  coupons: ['WELCOME', 'SUMMER'],
  eventTypes: ['favorite', 'survey', 'page_view'],
  productIds: ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'],
  productCategories: ['Skincare', 'Books'],
  customTiers: ['gold', 'silver'],
  /** Offsets from the as-of day that sit on window boundaries (and past it). */
  dayOffsets: [1, 2, 7, 29, 30, 31, 89, 90, 91, 180, 365, 366, 700],
};

export function generateDataset(seed: number, customers = 160): TestDataset {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T>(p: number, v: () => T): T | null => (r() < p ? v() : null);
  const asOf = TEST_AS_OF_DAY;
  const textOrEmpty = (xs: readonly string[]): string | null => {
    const x = r();
    return x < 0.15 ? null : x < 0.2 ? '' : pick(xs);
  };
  const tagList = (): string | null => {
    const x = r();
    if (x < 0.15) return null;
    if (x < 0.2) return '';
    if (x < 0.25) return `${pick(pools.tags)};;${pick(pools.tags)}`;
    const n = 1 + Math.floor(r() * 3);
    return Array.from({ length: n }, () => pick(pools.tags)).join(';');
  };
  const dayNear = (): number => asOf - pick(pools.dayOffsets) + (r() < 0.3 ? Math.floor(r() * 3) - 1 : 0);

  const products: ProductRow[] = pools.productIds.slice(0, 5).map((id) => ({
    product_id: id,
    category: maybe(0.8, () => pick(pools.productCategories)),
    stock: maybe(0.85, () => pick([0, 1, 3, 4, 5, 10, 50])),
  }));

  const rows: FeatureRow[] = [];
  const orders: OrderRow[] = [];
  const events: EventRow[] = [];
  for (let c = 0; c < customers; c++) {
    const id = `C${String(c).padStart(4, '0')}`;
    const birthDay = maybe(0.8, () => asOf - 365 * (18 + Math.floor(r() * 60)) - Math.floor(r() * 365));
    const signupDay = maybe(0.85, dayNear);
    const custom: Record<string, string> = {};
    if (r() < 0.5) custom.tier = r() < 0.1 ? '' : pick(pools.customTiers);
    if (r() < 0.5) custom.score = pick(['12', '7.5', '0', '-3', '100']);
    const nOrders = r() < 0.3 ? 0 : Math.floor(r() * 8);
    let lastDay: number | null = null;
    for (let k = 0; k < nOrders; k++) {
      // Orders on or after the as-of day exist in the table but must never count.
      const day: number = r() < 0.08 ? asOf + Math.floor(r() * 3) : k > 0 && r() < 0.25 && lastDay !== null ? lastDay : dayNear();
      lastDay = day;
      orders.push({
        order_id: `${id}-O${k}`,
        customer_id: id,
        ordered_day: day,
        amount: pick([0, 0, 500, 1200, 1500, 3000, 9800, 25000]),
        quantity: maybe(0.85, () => pick([0, 1, 1, 2, 3])),
        category: textOrEmpty(pools.orderCategories),
        channel: textOrEmpty(pools.orderChannels),
        coupon_code: r() < 0.3 ? pick(pools.coupons) : r() < 0.1 ? '' : null,
      });
    }
    const nEvents = Math.floor(r() * 5);
    for (let k = 0; k < nEvents; k++) {
      const type = pick(pools.eventTypes);
      events.push({
        event_key: `${id}|E${k}`,
        customer_id: id,
        event_type: type,
        occurred_day: r() < 0.05 ? asOf : dayNear(),
        product_id: type === 'survey' ? null : maybe(0.85, () => pick(pools.productIds)),
        value: type === 'survey' ? maybe(0.9, () => 1 + Math.floor(r() * 5)) : maybe(0.3, () => pick([0, 0.5, 2, 10])),
      });
    }
    const own = orders.filter((o) => o.customer_id === id && o.ordered_day < asOf);
    const frequency = own.length;
    const monetary = own.reduce((s, o) => s + o.amount, 0);
    const first = own.length ? Math.min(...own.map((o) => o.ordered_day)) : null;
    const last = own.length ? Math.max(...own.map((o) => o.ordered_day)) : null;
    const score = (): number | null => (frequency > 0 ? 1 + Math.floor(r() * 5) : null);
    const hasEmail = r() < 0.8 ? 1 : 0;
    rows.push({
      customer_id: id,
      gender: textOrEmpty(pools.genders),
      birth_date: birthDay === null ? null : dayToIso(birthDay),
      age: birthDay === null ? null : Math.floor((asOf - birthDay) / 365.25),
      country: textOrEmpty(pools.countries),
      region: textOrEmpty(pools.regions),
      city: textOrEmpty(pools.cities),
      postal_code: maybe(0.7, () => `${100 + Math.floor(r() * 5)}-0001`),
      annual_income: maybe(0.7, () => pick([0, 2_500_000, 4_000_000, 6_000_000, 12_000_000])),
      occupation: textOrEmpty(pools.occupations),
      interests: tagList(),
      lifestyle: tagList(),
      signup_date: signupDay === null ? null : dayToIso(signupDay),
      signup_day: signupDay,
      membership_plan: textOrEmpty(pools.plans),
      membership_status: textOrEmpty(pools.statuses),
      canceled_day: maybe(0.2, dayNear),
      email_opt_in: r() < 0.6 ? 1 : 0,
      sms_opt_in: r() < 0.3 ? 1 : 0,
      push_opt_in: r() < 0.4 ? 1 : 0,
      line_opt_in: r() < 0.5 ? 1 : 0,
      has_email: hasEmail,
      preferred_channel: textOrEmpty(pools.channels),
      acquisition_channel: textOrEmpty(pools.channels),
      primary_device: textOrEmpty(pools.devices),
      locale: textOrEmpty(pools.locales),
      custom_attributes: JSON.stringify(custom),
      tenure_days: signupDay === null ? (first === null ? null : asOf - first) : asOf - signupDay,
      first_order_day: first,
      last_order_day: last,
      recency_days: last === null ? null : asOf - last,
      frequency,
      purchase_days: new Set(own.map((o) => o.ordered_day)).size,
      monetary,
      aov: frequency > 0 ? monetary / frequency : null,
      r_score: score(),
      f_score: score(),
      m_score: score(),
    });
  }
  return { asOfDay: asOf, customers: rows, orders, events, products };
}
