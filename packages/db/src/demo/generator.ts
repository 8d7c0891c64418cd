// The pure, seeded demo generator: a fixed product catalogue plus customer number i's profile, orders and
// events, each drawn from a stream seeded by (seed, i) alone. So the same seed gives the same data on any
// machine, and the first 2,000 customers of a 20,000 run equal a 2,000 run.
import type { Faker } from '@faker-js/faker';
import { faker as fakerJa } from '@faker-js/faker/locale/ja';
import { DemoCalendar } from './calendar';
import { generateProducts, type DemoProduct } from './catalog';
import { generateEvents, lowStockProducts, type DemoEvent, type EventContext } from './events';
import { drawMembership, type Membership } from './membership';
import { drawPurchaseLife, generateOrders, productsByCategory, type DemoOrder } from './orders';
import { Rng, hashString } from './prng';
import { generateProfile, type DemoProfile } from './profile';

export const defaultDemoSeed = 42;
export const defaultDemoEndDate = '2026-10-31';

export interface DemoGeneratorOptions {
  seed?: number;
  /** Last day of data (`YYYY-MM-DD`); the data covers the three years ending on it. */
  endDate?: string;
}

export type DemoCustomer = DemoProfile & Membership;

export interface DemoCustomerRecord {
  customer: DemoCustomer;
  orders: DemoOrder[];
  events: DemoEvent[];
}

const customerStream = hashString('customer');

export class DemoGenerator {
  readonly seed: number;
  readonly calendar: DemoCalendar;
  readonly products: readonly DemoProduct[];
  private readonly rng: Rng;
  private readonly faker: Faker;
  private readonly ctx: EventContext;

  constructor(options: DemoGeneratorOptions = {}) {
    this.seed = options.seed ?? defaultDemoSeed;
    if (!Number.isInteger(this.seed)) throw new RangeError(`Demo seed must be an integer, got ${this.seed}`);
    this.calendar = new DemoCalendar(options.endDate ?? defaultDemoEndDate);
    this.products = generateProducts(this.seed);
    this.rng = new Rng(this.seed, customerStream);
    const rng = this.rng;
    // A private fakerJA (same class and locale data) drawing from our stream: reseeding it per customer is
    // free (faker.seed() costs ~100 µs) and never disturbs the shared instance other code may use. The class
    // comes from the ja entry point because '@faker-js/faker' itself loads every locale (~1 s, +30 MB).
    const FakerClass = fakerJa.constructor as typeof Faker;
    this.faker = new FakerClass({
      locale: fakerJa.rawDefinitions,
      randomizer: { next: () => rng.next(), seed: (s) => rng.reseed(...(Array.isArray(s) ? s : [s])) },
    });
    const low = lowStockProducts(this.products);
    this.ctx = {
      calendar: this.calendar,
      productsByCategory: productsByCategory(this.products),
      lowStock: low.byCategory,
      allLowStock: low.all,
    };
  }

  /** Customer number `index` (0-based) with their orders and events, oldest first. */
  customer(index: number): DemoCustomerRecord {
    const rng = this.rng;
    rng.reseed(this.seed, customerStream, index);
    const { profile, traits } = generateProfile(rng, this.faker, this.calendar, index);
    const life = drawPurchaseLife(rng, this.calendar, traits);
    const orders = generateOrders(rng, this.ctx, profile.customer_id, traits, life);
    const lastOrderDay = orders.length > 0 ? (orders[orders.length - 1] as DemoOrder).ordered_day : null;
    const membership = drawMembership(rng, this.calendar, traits.signupDay, life, lastOrderDay);
    const events = generateEvents(rng, this.ctx, profile, traits, life, orders);
    return { customer: { ...profile, ...membership }, orders, events };
  }

  *customers(count: number, from = 0): Generator<DemoCustomerRecord> {
    for (let i = from; i < count; i++) yield this.customer(i);
  }
}
