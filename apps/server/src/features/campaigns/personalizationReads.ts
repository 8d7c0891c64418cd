// The SQL behind personalization: contact fields, category affinity from orders, favourites that are nearly
// sold out (favorite events joined to products.stock) and product popularity, all before the as-of day and
// read in batches of customers so an export of a large cell never builds one giant IN list.
import type { KizunaDb } from '@kizuna/db';
import { LOW_STOCK_BELOW, type CategoryAffinity, type ProductRef } from '@kizuna/campaigns';

const BATCH = 500;
/** Popularity counts cart adds and favourites of the last 90 days: what shoppers want now. */
const POPULARITY_WINDOW_DAYS = 90;
const FAVORITES_PER_CUSTOMER = 3;

export interface CustomerContact {
  customerId: string;
  email: string | null;
  firstName: string | null;
  city: string | null;
  birthDate: string | null;
  locale: string | null;
}

export function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function readContacts(db: KizunaDb, customerIds: readonly string[]): Promise<Map<string, CustomerContact>> {
  const out = new Map<string, CustomerContact>();
  if (customerIds.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('customers')
    .select(['customer_id', 'email', 'first_name', 'city', 'birth_date', 'locale'])
    .where('customer_id', 'in', [...customerIds])
    .execute();
  for (const r of rows) {
    out.set(r.customer_id, {
      customerId: r.customer_id,
      email: r.email,
      firstName: r.first_name,
      city: r.city,
      birthDate: r.birth_date,
      locale: r.locale,
    });
  }
  return out;
}

export async function readCategoryAffinity(db: KizunaDb, customerIds: readonly string[], asOfDay: number): Promise<Map<string, CategoryAffinity[]>> {
  const out = new Map<string, CategoryAffinity[]>();
  if (customerIds.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('orders')
    .select((eb) => ['customer_id', 'category', eb.fn.countAll<number>().as('orders'), eb.fn.max('ordered_day').as('last_day')])
    .where('customer_id', 'in', [...customerIds])
    .where('ordered_day', '<', asOfDay)
    .where('category', 'is not', null)
    .where('category', '<>', '')
    .groupBy(['customer_id', 'category'])
    .execute();
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    list.push({ category: r.category!, orders: Number(r.orders), lastOrderDay: Number(r.last_day) });
    out.set(r.customer_id, list);
  }
  return out;
}

/** Each customer's favourited products with 0 < stock < LOW_STOCK_BELOW, most recently favourited first. */
export async function readFavoriteLowStock(db: KizunaDb, customerIds: readonly string[], asOfDay: number): Promise<Map<string, ProductRef[]>> {
  const out = new Map<string, ProductRef[]>();
  if (customerIds.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('events as e')
    .innerJoin('products as p', 'p.product_id', 'e.product_id')
    .select((eb) => ['e.customer_id', 'p.product_id', 'p.name', eb.fn.max('e.occurred_day').as('last_day')])
    .where('e.event_type', '=', 'favorite')
    .where('e.customer_id', 'in', [...customerIds])
    .where('e.occurred_day', '<', asOfDay)
    .where('p.stock', '>', 0)
    .where('p.stock', '<', LOW_STOCK_BELOW)
    .groupBy(['e.customer_id', 'p.product_id', 'p.name'])
    .orderBy('last_day', 'desc')
    .orderBy('p.product_id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.customer_id) ?? [];
    if (list.length < FAVORITES_PER_CUSTOMER) list.push({ productId: r.product_id, name: r.name });
    out.set(r.customer_id, list);
  }
  return out;
}

export interface ProductPopularity {
  /** In-stock (or unknown-stock) products per category, most popular first. */
  byCategory: Map<string, ProductRef[]>;
  overall: ProductRef[];
}

/**
 * Products that can still be bought, ranked by cart adds and favourites in the 90 days before the as-of
 * day; ties (and products nobody touched) by id, so the ranking is stable.
 */
export async function readProductPopularity(db: KizunaDb, asOfDay: number): Promise<ProductPopularity> {
  const interest = db.kysely
    .selectFrom('events')
    .select((eb) => ['product_id', eb.fn.countAll<number>().as('n')])
    .where('event_type', 'in', ['cart_add', 'favorite'])
    .where('occurred_day', '>=', asOfDay - POPULARITY_WINDOW_DAYS)
    .where('occurred_day', '<', asOfDay)
    .where('product_id', 'is not', null)
    .groupBy('product_id')
    .as('i');
  const rows = await db.kysely
    .selectFrom('products as p')
    .leftJoin(interest, 'i.product_id', 'p.product_id')
    .select(['p.product_id', 'p.name', 'p.category', 'i.n'])
    .where((eb) => eb.or([eb('p.stock', 'is', null), eb('p.stock', '>', 0)]))
    .execute();
  const ranked = rows
    .map((r) => ({ productId: r.product_id, name: r.name, category: r.category, n: Number(r.n ?? 0) }))
    .sort((a, b) => b.n - a.n || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  const byCategory = new Map<string, ProductRef[]>();
  for (const p of ranked) {
    if (!p.category) continue;
    const list = byCategory.get(p.category) ?? [];
    list.push({ productId: p.productId, name: p.name });
    byCategory.set(p.category, list);
  }
  return { byCategory, overall: ranked.map((p) => ({ productId: p.productId, name: p.name })) };
}
