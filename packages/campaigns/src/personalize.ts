// Turns one customer's data into token values: recommendations from category affinity and product
// popularity, favourites that are nearly sold out, the birthday in the customer's locale. Pure; the server's
// SQL supplies the inputs.
import { describeOffer } from './offers';
import type { Offer } from './schema';
import type { TokenValues } from './tokens';

/** Favourited items with 0 < stock < this are "low stock" (the demo data uses the same threshold). */
export const LOW_STOCK_BELOW = 10;
/** How many products `{recommended_products}` lists. */
export const RECOMMENDATION_COUNT = 3;

export interface ProductRef {
  productId: string;
  name: string | null;
}

/** A customer's orders in one category before the as-of day. */
export interface CategoryAffinity {
  category: string;
  orders: number;
  lastOrderDay: number;
}

export interface PersonalizationData {
  firstName: string | null;
  city: string | null;
  /** `YYYY-MM-DD` as imported, or null. */
  birthDate: string | null;
  /** BCP 47 tag of the customer's locale, used for the birthday's wording; null → English. */
  locale: string | null;
  recommendedProducts: readonly ProductRef[];
  favoriteLowStock: readonly ProductRef[];
}

/** The customer's categories, strongest first: more orders, then a more recent order, then by name. */
export function rankCategories(affinity: readonly CategoryAffinity[]): string[] {
  return [...affinity]
    .sort((a, b) => b.orders - a.orders || b.lastOrderDay - a.lastOrderDay || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
    .map((a) => a.category);
}

/**
 * Up to `count` products: round-robin over the customer's categories (strongest first), taking each
 * category's most popular in-stock product not yet chosen, so one dominant category does not fill the list;
 * what history cannot fill comes from `popularOverall`. `popularByCategory` lists are ordered
 * most popular first and hold only products in stock (or of unknown stock).
 */
export function recommendProducts(
  affinity: readonly CategoryAffinity[],
  popularByCategory: ReadonlyMap<string, readonly ProductRef[]>,
  popularOverall: readonly ProductRef[],
  count = RECOMMENDATION_COUNT,
): ProductRef[] {
  const chosen: ProductRef[] = [];
  const taken = new Set<string>();
  const lists = rankCategories(affinity)
    .map((c) => popularByCategory.get(c) ?? [])
    .filter((l) => l.length > 0);
  const cursor = lists.map(() => 0);
  let progressed = true;
  while (chosen.length < count && progressed) {
    progressed = false;
    for (let i = 0; i < lists.length && chosen.length < count; i++) {
      const list = lists[i]!;
      while (cursor[i]! < list.length && taken.has(list[cursor[i]!]!.productId)) cursor[i]!++;
      const next = list[cursor[i]!];
      if (!next) continue;
      chosen.push(next);
      taken.add(next.productId);
      cursor[i]!++;
      progressed = true;
    }
  }
  // Too little history (or none) is topped up with what is popular overall.
  for (const p of popularOverall) {
    if (chosen.length >= count) break;
    if (!taken.has(p.productId)) {
      chosen.push(p);
      taken.add(p.productId);
    }
  }
  return chosen;
}

function productNames(list: readonly ProductRef[]): string | null {
  if (list.length === 0) return null;
  return list.map((p) => p.name?.trim() || p.productId).join(', ');
}

/** `1990-03-14` → "March 14" (en) / "3月14日" (ja); null for a missing or malformed date. */
export function formatBirthday(birthDate: string | null, locale: string | null): string | null {
  const m = birthDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate) : null;
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCDate() !== Number(m[3])) return null;
  const options: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale?.replace('_', '-') || 'en', options).format(date);
  } catch {
    // An unknown locale tag in the data must not break a send; English is the stated default.
    return new Intl.DateTimeFormat('en', options).format(date);
  }
}

/** Every token's value for one customer and the offer of their cell (null where nothing is known). */
export function tokenValues(data: PersonalizationData, offer: Offer | null, currency: string): TokenValues {
  return {
    first_name: data.firstName,
    city: data.city,
    birthday: formatBirthday(data.birthDate, data.locale),
    recommended_products: productNames(data.recommendedProducts),
    favorite_low_stock: productNames(data.favoriteLowStock),
    offer: offer ? describeOffer(offer, currency) : null,
    coupon_code: offer?.couponCode ? offer.couponCode : null,
  };
}
