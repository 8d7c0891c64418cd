import { beforeAll, describe, expect, it } from 'vitest';
import { lowStockBelow } from './catalog';
import { DemoGenerator, type DemoCustomerRecord } from './generator';
import { prefectures } from './geography';

describe('DemoGenerator determinism', () => {
  it('gives the same customers, orders and events for the same seed', () => {
    const a = [...new DemoGenerator({ seed: 7 }).customers(300)];
    const b = [...new DemoGenerator({ seed: 7 }).customers(300)];
    expect(b).toEqual(a);
  });

  it('gives different data for a different seed', () => {
    const a = [...new DemoGenerator({ seed: 7 }).customers(50)];
    const b = [...new DemoGenerator({ seed: 8 }).customers(50)];
    expect(b.map((r) => r.customer.last_name)).not.toEqual(a.map((r) => r.customer.last_name));
    expect(b.map((r) => r.orders.length)).not.toEqual(a.map((r) => r.orders.length));
    // Same ids though: ids are positions, not random.
    expect(b.map((r) => r.customer.customer_id)).toEqual(a.map((r) => r.customer.customer_id));
  });

  it('draws customer i the same whatever was generated before it', () => {
    const g = new DemoGenerator({ seed: 3 });
    const run = [...g.customers(40)];
    expect(new DemoGenerator({ seed: 3 }).customer(37)).toEqual(run[37]);
    expect(g.customer(5)).toEqual(run[5]);
  });

  it('moves the whole history with the end date', () => {
    const a = new DemoGenerator({ seed: 1, endDate: '2026-10-31' });
    const b = new DemoGenerator({ seed: 1, endDate: '2025-03-31' });
    expect(b.calendar.endDay).toBeLessThan(a.calendar.endDay);
    for (const r of b.customers(200)) {
      for (const o of r.orders) expect(o.ordered_at.slice(0, 10) <= '2025-03-31').toBe(true);
      expect(r.customer.signup_date >= '2022-04-01').toBe(true);
    }
  });

  it('rejects a non-integer seed', () => {
    expect(() => new DemoGenerator({ seed: 1.5 })).toThrow(RangeError);
  });
});

describe('DemoGenerator distributions at 20,000 customers', () => {
  const n = 20_000;
  let records: DemoCustomerRecord[];
  let generator: DemoGenerator;
  beforeAll(() => {
    generator = new DemoGenerator({ seed: 42 });
    records = [...generator.customers(n)];
  });

  const share = (f: (r: DemoCustomerRecord) => boolean): number => records.filter(f).length / n;

  it('places customers in all 47 prefectures, roughly by population', () => {
    const byRegion = new Map<string, number>();
    for (const r of records) byRegion.set(r.customer.region, (byRegion.get(r.customer.region) ?? 0) + 1);
    expect(byRegion.size).toBe(47);
    expect(new Set(byRegion.keys())).toEqual(new Set(prefectures.map((p) => p.name)));
    const tokyo = byRegion.get('東京都')! / n;
    const tottori = byRegion.get('鳥取県')! / n;
    expect(tokyo).toBeGreaterThan(0.09);
    expect(tokyo).toBeLessThan(0.13);
    expect(tottori).toBeGreaterThan(0.002);
    expect(tottori).toBeLessThan(0.008);
    // Cities belong to their prefecture and postal codes start with the city's digits.
    for (const r of records.slice(0, 2_000)) {
      const pref = prefectures.find((p) => p.name === r.customer.region)!;
      const city = pref.cities.find((c) => c.name === r.customer.city);
      expect(city).toBeDefined();
      expect(r.customer.postal_code.startsWith(`${city!.postal}-`)).toBe(true);
    }
  });

  it('averages about ten orders per customer, with most on 0–1 and a loyal core on many', () => {
    const orders = records.reduce((s, r) => s + r.orders.length, 0);
    expect(orders / n).toBeGreaterThan(8);
    expect(orders / n).toBeLessThan(12);
    const zeroOrOne = share((r) => r.orders.length <= 1);
    expect(zeroOrOne).toBeGreaterThan(0.45);
    expect(zeroOrOne).toBeLessThan(0.65);
    expect(share((r) => r.orders.length === 0)).toBeGreaterThan(0.12);
    expect(share((r) => r.orders.length >= 2)).toBeGreaterThan(0.35);
    expect(share((r) => r.orders.length >= 30)).toBeGreaterThan(0.04);
    expect(share((r) => r.orders.length >= 30)).toBeLessThan(0.15);
    // The loyal core carries a large share of all orders.
    const sorted = records.map((r) => r.orders.length).sort((a, b) => b - a);
    const top10 = sorted.slice(0, n / 10).reduce((a, b) => a + b, 0);
    expect(top10 / orders).toBeGreaterThan(0.5);
  });

  it('has seasonality: more orders per day in December and July than in February', () => {
    const perMonth = new Array<number>(13).fill(0);
    const year = records.flatMap((r) => r.orders).filter((o) => o.ordered_at.startsWith('2025-'));
    for (const o of year) perMonth[Number(o.ordered_at.slice(5, 7))]!++;
    expect(perMonth[12]! / 31).toBeGreaterThan((1.3 * perMonth[2]!) / 28);
    expect(perMonth[7]! / 31).toBeGreaterThan((1.2 * perMonth[2]!) / 28);
  });

  it('has same-day repeat orders, zero-amount orders, coupons and every channel', () => {
    const orders = records.flatMap((r) => r.orders);
    const zero = orders.filter((o) => o.amount === 0).length / orders.length;
    expect(zero).toBeGreaterThan(0.002);
    expect(zero).toBeLessThan(0.02);
    const sameDay = records.filter((r) => new Set(r.orders.map((o) => o.ordered_day)).size < r.orders.length).length;
    expect(sameDay / n).toBeGreaterThan(0.03);
    expect(orders.filter((o) => o.coupon_code !== null).length / orders.length).toBeGreaterThan(0.03);
    expect(new Set(orders.map((o) => o.channel))).toEqual(new Set(['web', 'app', 'store']));
    const aov = orders.reduce((s, o) => s + o.amount, 0) / orders.length;
    expect(aov).toBeGreaterThan(3_000);
    expect(aov).toBeLessThan(20_000);
  });

  it('ties order categories to interests', () => {
    const shareOf = (tag: string, category: string): number => {
      const os = records.filter((r) => r.customer.interests.split(';').includes(tag) === true).flatMap((r) => r.orders);
      return os.filter((o) => o.category === category).length / os.length;
    };
    const withoutShare = (tag: string, category: string): number => {
      const os = records.filter((r) => !r.customer.interests.split(';').includes(tag)).flatMap((r) => r.orders);
      return os.filter((o) => o.category === category).length / os.length;
    };
    expect(shareOf('outdoor', 'Outdoor')).toBeGreaterThan(1.5 * withoutShare('outdoor', 'Outdoor'));
    expect(shareOf('gadgets', 'Electronics')).toBeGreaterThan(1.5 * withoutShare('gadgets', 'Electronics'));
  });

  it('has consent rates typical of Japan, LINE the most common', () => {
    const email = share((r) => r.customer.email_opt_in === 1);
    const sms = share((r) => r.customer.sms_opt_in === 1);
    const push = share((r) => r.customer.push_opt_in === 1);
    const line = share((r) => r.customer.line_opt_in === 1);
    expect(email).toBeGreaterThan(0.4);
    expect(email).toBeLessThan(0.6);
    expect(sms).toBeGreaterThan(0.15);
    expect(sms).toBeLessThan(0.3);
    expect(push).toBeGreaterThan(0.3);
    expect(push).toBeLessThan(0.55);
    expect(line).toBeGreaterThan(email);
    expect(line).toBeGreaterThan(0.55);
    // E-mail consent only where there is an address; push consent mostly on phones.
    expect(records.every((r) => r.customer.email !== null || r.customer.email_opt_in === 0)).toBe(true);
    const desktopPush = records.filter((r) => r.customer.primary_device === 'desktop');
    expect(desktopPush.filter((r) => r.customer.push_opt_in === 1).length / desktopPush.length).toBeLessThan(0.15);
  });

  it('has a cosmetics-shop gender mix and ages 18–80 peaking in the 30s', () => {
    expect(share((r) => r.customer.gender === 'female')).toBeGreaterThan(0.6);
    expect(share((r) => r.customer.gender === 'male')).toBeGreaterThan(0.2);
    expect(share((r) => r.customer.gender === 'other')).toBeGreaterThan(0.005);
    expect(share((r) => r.customer.gender === 'unknown')).toBeGreaterThan(0.03);
    const end = generator.calendar.date(generator.calendar.endDay);
    const ages = records
      .filter((r) => r.customer.birth_date !== null)
      .map((r) => Number(end.slice(0, 4)) - Number(r.customer.birth_date!.slice(0, 4)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(81);
    const thirties = ages.filter((a) => a >= 30 && a < 40).length / ages.length;
    const sixties = ages.filter((a) => a >= 60 && a < 70).length / ages.length;
    expect(thirties).toBeGreaterThan(2 * sixties);
  });

  it('gives incomes that rise with age to the 50s', () => {
    const end = Number(generator.calendar.date(generator.calendar.endDay).slice(0, 4));
    const median = (lo: number, hi: number): number => {
      const xs = records
        .filter((r) => r.customer.birth_date && r.customer.annual_income !== null)
        .filter((r) => {
          const age = end - Number(r.customer.birth_date!.slice(0, 4));
          return age >= lo && age < hi;
        })
        .map((r) => r.customer.annual_income!)
        .sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)]!;
    };
    expect(median(45, 55)).toBeGreaterThan(median(20, 25));
    expect(median(45, 55)).toBeGreaterThan(median(70, 81));
  });

  it('has members on every plan and status, cancellations dated after the last order', () => {
    expect(share((r) => r.customer.membership_plan === 'free')).toBeGreaterThan(0.4);
    expect(share((r) => r.customer.membership_plan === 'premium')).toBeGreaterThan(0.03);
    expect(share((r) => r.customer.membership_status === 'canceled')).toBeGreaterThan(0.1);
    expect(share((r) => r.customer.membership_status === 'paused')).toBeGreaterThan(0.02);
    for (const r of records) {
      const c = r.customer;
      expect(c.canceled_at !== null).toBe(c.membership_status === 'canceled');
      if (c.canceled_at) {
        expect(c.canceled_at >= c.signup_date).toBe(true);
        const last = r.orders.at(-1);
        if (last) expect(c.canceled_at >= last.ordered_at.slice(0, 10)).toBe(true);
      }
    }
    // Premium members buy more often than free ones.
    const avgOrders = (plan: string): number => {
      const rs = records.filter((r) => r.customer.membership_plan === plan);
      return rs.reduce((s, r) => s + r.orders.length, 0) / rs.length;
    };
    expect(avgOrders('premium')).toBeGreaterThan(2 * avgOrders('free'));
  });

  it('has 2–3 events per customer of every type, favourites on low-stock products and positive CSAT', () => {
    const events = records.flatMap((r) => r.events);
    expect(events.length / n).toBeGreaterThan(2);
    expect(events.length / n).toBeLessThan(3);
    expect(events.length).toBeLessThan(records.reduce((s, r) => s + r.orders.length, 0));
    const types = new Set(events.map((e) => e.event_type));
    expect(types).toEqual(new Set(['page_view', 'app_open', 'cart_add', 'favorite', 'email_open', 'email_click', 'push_open', 'survey']));
    const stock = new Map(generator.products.map((p) => [p.product_id, p.stock]));
    const favorites = events.filter((e) => e.event_type === 'favorite');
    const lowFav = favorites.filter((e) => (stock.get(e.product_id!) ?? 99) < lowStockBelow).length;
    expect(lowFav / favorites.length).toBeGreaterThan(0.15);
    const surveys = events.filter((e) => e.event_type === 'survey').map((e) => e.value!);
    expect(surveys.every((v) => Number.isInteger(v) && v >= 1 && v <= 5)).toBe(true);
    const positive = surveys.filter((v) => v >= 4).length / surveys.length;
    expect(positive).toBeGreaterThan(0.65);
    // Engagement channels only for consenting customers.
    for (const r of records) {
      if (r.customer.email_opt_in === 0) expect(r.events.some((e) => e.event_type === 'email_open')).toBe(false);
      if (r.customer.push_opt_in === 0) expect(r.events.some((e) => e.event_type === 'push_open')).toBe(false);
    }
  });
});
