// A customer's order history, Pareto/NBD-style: after a first purchase near sign-up, orders arrive at a
// personal rate λ ~ Gamma (shaped by the season) until an exponential "death" time. Most members buy once
// or never again; a loyal core buys every week or two. Baskets follow the customer's category tastes.
import type { DemoCalendar } from './calendar';
import { categories, type Category, type DemoProduct } from './catalog';
import type { Rng } from './prng';
import type { OrderChannel, Traits } from './profile';

export interface DemoOrder {
  order_id: string;
  customer_id: string;
  ordered_at: string;
  ordered_day: number;
  /** Yen after coupons; 0 for a fully covered (gift coupon) order. */
  amount: number;
  quantity: number;
  category: Category;
  channel: OrderChannel;
  coupon_code: string | null;
}

/** The latent purchase process of one customer, kept for the membership and event models. */
export interface PurchaseLife {
  /** Day of the first order, or null for members who never bought. */
  firstDay: number | null;
  /** Last day the customer is "alive" as a buyer (may lie past the window). */
  aliveUntil: number;
  /** Orders per day at an average time of year. */
  rate: number;
}

/** Model parameters, tuned so the whole base averages about ten orders per customer over three years. */
export const purchaseModel = {
  /** Share of members who ever place an order. */
  buyerShare: 0.82,
  /** Share of first orders placed on the sign-up day; the rest follow after an exponential delay. */
  firstOnSignupDay: 0.6,
  firstDelayMeanDays: 20,
  rateShape: 0.3,
  rateScale: 0.25,
  /** At most one order every four days on average: keeps the loyal tail believable. */
  maxRate: 0.25,
  /** Dropout rate μ ~ Gamma(shape, scale) per day; lifetime ~ Exponential(μ). */
  dropoutShape: 0.8,
  dropoutScale: 0.01,
  /** Chance that an order is followed by another one the same day. */
  sameDayRepeat: 0.04,
  /** Chance of a 100% gift coupon (a zero-amount order). */
  freeOrder: 0.006,
};

export interface OrderContext {
  calendar: DemoCalendar;
  /** Products of each category, cheapest first. */
  productsByCategory: ReadonlyMap<Category, readonly DemoProduct[]>;
}

export function productsByCategory(products: readonly DemoProduct[]): Map<Category, DemoProduct[]> {
  const map = new Map<Category, DemoProduct[]>(categories.map((c) => [c, []]));
  for (const p of products) map.get(p.category)?.push(p);
  for (const list of map.values()) list.sort((a, b) => a.price - b.price || a.product_id.localeCompare(b.product_id));
  return map;
}

export function drawPurchaseLife(rng: Rng, calendar: DemoCalendar, traits: Traits): PurchaseLife {
  const m = purchaseModel;
  const rate = Math.min(m.maxRate, rng.gamma(m.rateShape, m.rateScale));
  const dropout = rng.gamma(m.dropoutShape, m.dropoutScale);
  const lifetime = rng.exponential(1 / Math.max(dropout, 1e-6));
  if (!rng.chance(m.buyerShare)) return { firstDay: null, aliveUntil: traits.signupDay, rate: 0 };
  const delay = rng.chance(m.firstOnSignupDay) ? 0 : Math.ceil(rng.exponential(m.firstDelayMeanDays));
  const firstDay = traits.signupDay + delay;
  if (firstDay > calendar.endDay) return { firstDay: null, aliveUntil: traits.signupDay, rate: 0 };
  return { firstDay, aliveUntil: firstDay + Math.floor(lifetime), rate };
}

/** Every order day of the customer (sorted, repeated for same-day orders), by thinning a Poisson process. */
export function drawOrderDays(rng: Rng, calendar: DemoCalendar, life: PurchaseLife): number[] {
  if (life.firstDay === null) return [];
  const days = [life.firstDay];
  const stop = Math.min(life.aliveUntil, calendar.endDay) + 1;
  if (life.rate > 0) {
    const candidateMean = 1 / (life.rate * calendar.maxOrderWeight);
    let t = life.firstDay + rng.next();
    for (;;) {
      t += rng.exponential(candidateMean);
      if (t >= stop) break;
      const day = Math.floor(t);
      if (rng.next() * calendar.maxOrderWeight < calendar.weightOf(day)) days.push(day);
    }
  }
  const withRepeats: number[] = [];
  for (const day of days) {
    withRepeats.push(day);
    if (rng.chance(purchaseModel.sameDayRepeat)) withRepeats.push(day);
  }
  return withRepeats;
}

export function pickCategory(rng: Rng, cumulative: Float64Array): Category {
  const target = rng.next() * (cumulative[cumulative.length - 1] as number);
  for (let i = 0; i < cumulative.length; i++) if (target < (cumulative[i] as number)) return categories[i] as Category;
  return categories[categories.length - 1] as Category;
}

/** A product of the category, leaning cheap or dear by the customer's price bias. */
export function pickProduct(rng: Rng, ctx: OrderContext, category: Category, priceBias: number): DemoProduct {
  const list = ctx.productsByCategory.get(category) as readonly DemoProduct[];
  return list[Math.min(list.length - 1, Math.floor(Math.pow(rng.next(), priceBias) * list.length))] as DemoProduct;
}

function pickChannel(rng: Rng, cumulative: readonly [number, number, number]): OrderChannel {
  const u = rng.next();
  return u < cumulative[0] ? 'web' : u < cumulative[1] ? 'app' : 'store';
}

/** Coupon and discounted amount: welcome, seasonal, birthday, loyalty or a full gift coupon. */
function applyCoupon(rng: Rng, calendar: DemoCalendar, traits: Traits, day: number, n: number, gross: number): [string | null, number] {
  if (rng.chance(purchaseModel.freeOrder)) return ['GIFT100', 0];
  if (n === 0 && rng.chance(0.35)) return ['WELCOME10', Math.round(gross * 0.9)];
  const month = calendar.month(day);
  const dom = Number(calendar.date(day).slice(8, 10));
  if (month === 7 && dom <= 14 && rng.chance(0.3)) return ['SUMMER20', Math.round(gross * 0.8)];
  if (month === 11 && dom >= 21 && rng.chance(0.3)) return ['BLACKFRIDAY15', Math.round(gross * 0.85)];
  if (month === traits.birthMonth && rng.chance(0.25)) return ['BIRTHDAY500', Math.max(0, gross - 500)];
  if (n >= 9 && rng.chance(0.03)) return ['LOYAL10', Math.round(gross * 0.9)];
  return [null, gross];
}

export function generateOrders(
  rng: Rng,
  ctx: OrderContext,
  customerId: string,
  traits: Traits,
  life: PurchaseLife,
): DemoOrder[] {
  const days = drawOrderDays(rng, ctx.calendar, life);
  const orders: DemoOrder[] = [];
  let previousDay = -1;
  let previousSecond = 0;
  for (let n = 0; n < days.length; n++) {
    const day = days[n] as number;
    const channel = pickChannel(rng, traits.channelCumulative);
    let second = ctx.calendar.sampleSecondOfDay(rng, channel === 'store');
    // A second order on the same day comes after the first.
    if (day === previousDay && second <= previousSecond) second = Math.min(86_399, previousSecond + 60 + rng.int(0, 3600));
    previousDay = day;
    previousSecond = second;
    const category = pickCategory(rng, traits.categoryCumulative);
    const quantity = Math.min(6, rng.geometric(0.62));
    let gross = 0;
    for (let q = 0; q < quantity; q++) gross += pickProduct(rng, ctx, category, traits.priceBias).price;
    const [coupon, amount] = applyCoupon(rng, ctx.calendar, traits, day, n, gross);
    orders.push({
      order_id: `O${customerId.slice(1)}-${String(n + 1).padStart(3, '0')}`,
      customer_id: customerId,
      ordered_at: ctx.calendar.timestamp(day, second),
      ordered_day: day,
      amount,
      quantity,
      category,
      channel,
      coupon_code: coupon,
    });
  }
  return orders;
}
