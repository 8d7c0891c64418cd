// Every generated row must be valid under the data contract of DESIGN.md: checked with the import's own
// column parsers (what a CSV of the demo would go through) and with the conventions the features rely on.
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromDate, parseTimestampToDay } from '../days';
import { columnSpecs, type CsvFile } from '../import';
import { csvField, customerCsvValues, demoCsvHeaders, eventCsvValues, orderCsvValues, productCsvValues } from './csv';
import { DemoGenerator, type DemoCustomerRecord } from './generator';

const ctx = { timeZone: 'Asia/Tokyo', currency: 'JPY', exponent: 0 };

/** Parses one CSV row with the import's parsers; returns the problems found. */
function contractProblems(file: CsvFile, values: (string | number | null)[]): string[] {
  const header = demoCsvHeaders[file];
  const problems: string[] = [];
  for (const spec of columnSpecs[file]) {
    const i = header.indexOf(spec.name);
    if (i < 0) {
      if (spec.required) problems.push(`${file}: missing required column ${spec.name}`);
      continue;
    }
    const cell = String(values[i] ?? '').trim();
    if (cell === '') {
      if (spec.required) problems.push(`${file}.${spec.name}: empty`);
      continue;
    }
    const parsed = spec.parse(cell, ctx);
    // Parsers return plain values, or a Bad object carrying the reason.
    if (typeof parsed === 'object' && parsed !== null) problems.push(`${file}.${spec.name}=${cell}: ${JSON.stringify(parsed)}`);
  }
  return problems;
}

describe('demo rows and the data contract', () => {
  let generator: DemoGenerator;
  let records: DemoCustomerRecord[];
  beforeAll(() => {
    generator = new DemoGenerator({ seed: 42 });
    records = [...generator.customers(3_000)];
  });

  it('passes the import parsers for every column of every file', () => {
    const problems: string[] = [];
    for (const p of generator.products) problems.push(...contractProblems('products', productCsvValues(p)));
    for (const r of records) {
      problems.push(...contractProblems('customers', customerCsvValues(r.customer)));
      for (const o of r.orders) problems.push(...contractProblems('orders', orderCsvValues(o)));
      for (const e of r.events) problems.push(...contractProblems('events', eventCsvValues(e)));
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('stores day numbers that are the Tokyo calendar day of each timestamp', () => {
    const bad: string[] = [];
    for (const r of records) {
      for (const o of r.orders) if (parseTimestampToDay(o.ordered_at, 'Asia/Tokyo') !== o.ordered_day) bad.push(o.order_id);
      for (const e of r.events) if (parseTimestampToDay(e.occurred_at, 'Asia/Tokyo') !== e.occurred_day) bad.push(e.event_key);
    }
    expect(bad).toEqual([]);
  });

  it('keeps every date inside the window and after the customer signed up', () => {
    const { startDay, endDay } = generator.calendar;
    const bad: string[] = [];
    for (const r of records) {
      const id = r.customer.customer_id;
      const signup = dayFromDate(r.customer.signup_date);
      if (signup < startDay || signup > endDay) bad.push(`${id} signup ${r.customer.signup_date}`);
      for (const o of r.orders) if (o.ordered_day < signup || o.ordered_day > endDay) bad.push(`${o.order_id} at ${o.ordered_at}`);
      for (const e of r.events) if (e.occurred_day < signup || e.occurred_day > endDay) bad.push(`${e.event_key}`);
      if (r.customer.birth_date && dayFromDate(r.customer.birth_date) >= signup) bad.push(`${id} born ${r.customer.birth_date}`);
    }
    expect(bad).toEqual([]);
  });

  it('uses unique ids, known customers and known products', () => {
    const productIds = new Set(generator.products.map((p) => p.product_id));
    const orderIds = new Set<string>();
    const eventKeys = new Set<string>();
    const bad: string[] = [];
    for (const r of records) {
      const id = r.customer.customer_id;
      if (!/^C\d{7}$/.test(id)) bad.push(`customer id ${id}`);
      for (const o of r.orders) {
        if (o.customer_id !== id) bad.push(`${o.order_id} belongs to ${o.customer_id}`);
        if (orderIds.has(o.order_id)) bad.push(`duplicate ${o.order_id}`);
        orderIds.add(o.order_id);
      }
      for (const e of r.events) {
        if (e.customer_id !== id) bad.push(`${e.event_key} belongs to ${e.customer_id}`);
        if (e.product_id !== null && !productIds.has(e.product_id)) bad.push(`${e.event_key}: unknown product`);
        // The import's identity for an event: customer|type|occurred_at|product.
        if (e.event_key !== `${id}|${e.event_type}|${e.occurred_at}|${e.product_id ?? ''}`) bad.push(`key ${e.event_key}`);
        if (eventKeys.has(e.event_key)) bad.push(`duplicate ${e.event_key}`);
        eventKeys.add(e.event_key);
      }
    }
    expect(bad).toEqual([]);
    expect(orderIds.size).toBeGreaterThan(records.length);
  });

  it('uses the shared value conventions', () => {
    const bad: string[] = [];
    const check = (ok: boolean, what: string): void => {
      if (!ok) bad.push(what);
    };
    const isFlag = (v: number): boolean => v === 0 || v === 1;
    for (const r of records) {
      const c = r.customer;
      const id = c.customer_id;
      check(['female', 'male', 'other', 'unknown'].includes(c.gender), `${id} gender ${c.gender}`);
      check(['free', 'standard', 'premium'].includes(c.membership_plan), `${id} plan`);
      check(['active', 'paused', 'canceled'].includes(c.membership_status), `${id} status`);
      check(['ios', 'android', 'desktop'].includes(c.primary_device), `${id} device`);
      check(['ja-JP', 'en-US'].includes(c.locale), `${id} locale`);
      check(c.country === 'JP', `${id} country`);
      check(/^\d{3}-\d{4}$/.test(c.postal_code), `${id} postal code ${c.postal_code}`);
      check([c.email_opt_in, c.sms_opt_in, c.push_opt_in, c.line_opt_in].every(isFlag), `${id} flags`);
      if (c.preferred_channel !== null) {
        const optIn = { email: c.email_opt_in, sms: c.sms_opt_in, push: c.push_opt_in, line: c.line_opt_in }[c.preferred_channel];
        check(optIn === 1, `${id} prefers ${c.preferred_channel} without consent`);
      }
      if (c.email !== null) check(/^[a-z0-9._-]+@example\.(com|org|jp|ne\.jp|co\.jp)$/.test(c.email), `${id} email ${c.email}`);
      check(/^[a-z-]+(;[a-z-]+)*$/.test(c.interests), `${id} interests ${c.interests}`);
      check(/^[a-z-]+(;[a-z-]+)*$/.test(c.lifestyle), `${id} lifestyle ${c.lifestyle}`);
      check(c.annual_income === null || (Number.isInteger(c.annual_income) && c.annual_income >= 0), `${id} income`);
      const custom = JSON.parse(c.custom_attributes) as Record<string, unknown>;
      check(Object.keys(custom).length === 0 || (Object.keys(custom).join() === 'skin_type' && typeof custom.skin_type === 'string'), `${id} custom`);
      for (const o of r.orders) {
        check(Number.isInteger(o.amount) && o.amount >= 0, `${o.order_id} amount ${o.amount}`);
        check(Number.isInteger(o.quantity) && o.quantity >= 1, `${o.order_id} quantity ${o.quantity}`);
      }
      for (const e of r.events) {
        if (e.properties !== null) check(typeof JSON.parse(e.properties) === 'object', `${e.event_key} properties`);
        if (e.event_type === 'cart_add') check((e.value ?? 0) > 0, `${e.event_key} cart value`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('quotes CSV fields that need it', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('{"k":"v"}')).toBe('"{""k"":""v""}"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
  });
});
