// A customer's behavioural events — page views, app opens, cart adds, favourites (some on low-stock items),
// e-mail and push engagement, CSAT surveys — spread over their active time, busier for frequent buyers.
import type { DemoCalendar } from './calendar';
import { lowStockBelow, type Category, type DemoProduct } from './catalog';
import type { DemoOrder, OrderContext, PurchaseLife } from './orders';
import { pickCategory, pickProduct } from './orders';
import { WeightedTable, type Rng } from './prng';
import type { DemoProfile, Traits } from './profile';

export type DemoEventType = 'page_view' | 'app_open' | 'cart_add' | 'favorite' | 'email_open' | 'email_click' | 'push_open' | 'survey';

export interface DemoEvent {
  /** customer_id|event_type|occurred_at|product_id, as the import builds it. */
  event_key: string;
  customer_id: string;
  event_type: DemoEventType;
  occurred_at: string;
  occurred_day: number;
  product_id: string | null;
  value: number | null;
  properties: string | null;
}

export const eventModel = {
  /** Mean events per customer before engagement is applied; tuned to about 2.5 per customer overall. */
  baseMean: 1.2,
  perOrder: 0.23,
  maxOrdersCounted: 25,
  /** Days after a buyer's "death" that they still browse. */
  lingerDays: 90,
  /** Share of favourites placed on a low-stock product. */
  lowStockFavorite: 0.25,
  emailClickAfterOpen: 0.3,
};

const csat = new WeightedTable<number>([
  [1, 0.04],
  [2, 0.06],
  [3, 0.15],
  [4, 0.35],
  [5, 0.4],
]);

export interface EventContext extends OrderContext {
  /** Products with 0 < stock < lowStockBelow, by category (may be empty) and all together. */
  lowStock: ReadonlyMap<Category, readonly DemoProduct[]>;
  allLowStock: readonly DemoProduct[];
}

export function lowStockProducts(products: readonly DemoProduct[]): { byCategory: Map<Category, DemoProduct[]>; all: DemoProduct[] } {
  const all = products.filter((p) => p.stock > 0 && p.stock < lowStockBelow);
  const byCategory = new Map<Category, DemoProduct[]>();
  for (const p of all) {
    const list = byCategory.get(p.category) ?? [];
    list.push(p);
    byCategory.set(p.category, list);
  }
  return { byCategory, all };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled event type: ${String(value)}`);
}

function campaignName(calendar: DemoCalendar, day: number): string {
  const date = calendar.date(day);
  const month = calendar.month(day);
  const theme = month === 7 ? 'summer_sale' : month === 11 ? 'black_friday' : month === 12 ? 'winter_gift' : month === 1 ? 'new_year' : 'newsletter';
  return `${date.slice(0, 7)}_${theme}`;
}

export function generateEvents(
  rng: Rng,
  ctx: EventContext,
  profile: DemoProfile,
  traits: Traits,
  life: PurchaseLife,
  orders: readonly DemoOrder[],
): DemoEvent[] {
  const { calendar } = ctx;
  const m = eventModel;
  const engagement = rng.gamma(2, 0.5);
  const count = rng.poisson(engagement * (m.baseMean + m.perOrder * Math.min(orders.length, m.maxOrdersCounted)));
  if (count === 0) return [];
  const from = traits.signupDay;
  const to = Math.min(calendar.endDay, Math.max(life.aliveUntil, from) + m.lingerDays);
  const span = to - from + 1;
  const types: [DemoEvent['event_type'], number][] = [
    ['page_view', 30],
    ['cart_add', 12],
    ['favorite', 9],
  ];
  if (profile.primary_device !== 'desktop') types.push(['app_open', 20]);
  if (profile.email_opt_in) types.push(['email_open', 12]);
  if (profile.push_opt_in) types.push(['push_open', 8]);
  if (orders.length > 0) types.push(['survey', 4]);
  const typeTable = new WeightedTable(types);
  const events: DemoEvent[] = [];
  const keys = new Set<string>();
  const push = (type: DemoEvent['event_type'], day: number, second: number, productId: string | null, value: number | null, properties: string | null): void => {
    let at = calendar.timestamp(day, second);
    let key = `${profile.customer_id}|${type}|${at}|${productId ?? ''}`;
    // The key is the event's identity on import: move a colliding event on by a second rather than lose it.
    while (keys.has(key) && second < 86_399) {
      second++;
      at = calendar.timestamp(day, second);
      key = `${profile.customer_id}|${type}|${at}|${productId ?? ''}`;
    }
    if (keys.has(key)) return;
    keys.add(key);
    events.push({ event_key: key, customer_id: profile.customer_id, event_type: type, occurred_at: at, occurred_day: day, product_id: productId, value, properties });
  };
  for (let i = 0; i < count; i++) {
    const type = typeTable.sample(rng);
    // Browsing leans towards the recent end of the customer's active time.
    let day = from + Math.min(span - 1, Math.floor(Math.sqrt(rng.next()) * span));
    const second = calendar.sampleSecondOfDay(rng);
    switch (type) {
      case 'page_view': {
        const product = rng.chance(0.7) ? pickProduct(rng, ctx, pickCategory(rng, traits.categoryCumulative), traits.priceBias) : null;
        push(type, day, second, product?.product_id ?? null, null, JSON.stringify({ path: product ? `/products/${product.product_id}` : rng.pick(['/', '/sale', '/new', '/ranking']) }));
        break;
      }
      case 'cart_add': {
        const product = pickProduct(rng, ctx, pickCategory(rng, traits.categoryCumulative), traits.priceBias);
        const quantity = Math.min(5, rng.geometric(0.7));
        push(type, day, second, product.product_id, product.price * quantity, JSON.stringify({ quantity }));
        break;
      }
      case 'favorite': {
        const category = pickCategory(rng, traits.categoryCumulative);
        let product: DemoProduct;
        if (rng.chance(m.lowStockFavorite) && ctx.allLowStock.length > 0) {
          const own = ctx.lowStock.get(category);
          product = own && own.length > 0 ? rng.pick(own) : rng.pick(ctx.allLowStock);
        } else {
          product = pickProduct(rng, ctx, category, traits.priceBias);
        }
        push(type, day, second, product.product_id, null, null);
        break;
      }
      case 'app_open':
        push(type, day, second, null, null, null);
        break;
      case 'email_open': {
        const properties = JSON.stringify({ campaign: campaignName(calendar, day) });
        push(type, day, second, null, null, properties);
        if (rng.chance(m.emailClickAfterOpen)) push('email_click', day, Math.min(86_399, second + rng.int(5, 900)), null, null, properties);
        break;
      }
      case 'push_open':
        push(type, day, second, null, null, JSON.stringify({ campaign: campaignName(calendar, day) }));
        break;
      case 'survey': {
        // A satisfaction survey answered a few days after one of the orders.
        const order = rng.pick(orders);
        day = Math.min(calendar.endDay, order.ordered_day + rng.int(1, 7));
        push(type, day, second, null, csat.sample(rng), JSON.stringify({ order_id: order.order_id }));
        break;
      }
      case 'email_click':
        // Only ever drawn as the follow-up of an email_open above.
        break;
      default:
        assertNever(type);
    }
  }
  events.sort((a, b) => (a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0));
  return events;
}
