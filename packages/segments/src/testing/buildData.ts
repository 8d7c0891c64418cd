// Builds SegmentData straight from a TestDataset (no database), following the loader's rules: rows on or
// after the as-of day dropped, CSR per customer sorted by day, '' as NULL, integer columns as Int32Array.
import {
  encodeStrings,
  encodeTags,
  NULL_INT,
  type Column,
  type EventTypeColumns,
  type SegmentData,
  type StringColumn,
} from '../data';
import { leadingIsoToDay } from '../dates';
import { segmentColumns } from '../fields';
import type { TestDataset } from './dataset';

export function segmentDataFromDataset(ds: TestDataset): SegmentData {
  const customers = [...ds.customers].sort((a, b) => (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0));
  const n = customers.length;
  const index = new Map(customers.map((c, i) => [c.customer_id, i]));
  const columns = new Map<string, Column>();
  for (const spec of segmentColumns()) {
    // Joined columns (the predictions) come from customer_predictions, which test datasets leave empty.
    if (spec.table) {
      columns.set(spec.column, toColumn(spec.storage, customers.map(() => null)));
      continue;
    }
    if (spec.optional) continue;
    const raw = customers.map((c) => (c as unknown as Record<string, unknown>)[spec.column]);
    columns.set(spec.column, toColumn(spec.storage, raw));
  }
  const customAttributes = new Map<string, StringColumn>();
  const parsed = customers.map((c) => JSON.parse(c.custom_attributes) as Record<string, string>);
  const keys = [...new Set(parsed.flatMap((p) => Object.keys(p)))];
  for (const key of keys) customAttributes.set(key, encodeStrings(parsed.map((p) => p[key] ?? null)));

  const productIds = ds.products.map((p) => p.product_id).sort();
  for (const e of ds.events) if (e.product_id && !productIds.includes(e.product_id)) productIds.push(e.product_id);
  const productIndex = new Map(productIds.map((id, k) => [id, k]));
  const productRow = new Map(ds.products.map((p) => [p.product_id, p]));

  const orders = ds.orders.filter((o) => o.ordered_day < ds.asOfDay && index.has(o.customer_id));
  const sortedOrders = sortRows(orders, (o) => index.get(o.customer_id)!, (o) => o.ordered_day);
  const events = new Map<string, EventTypeColumns>();
  for (const type of [...new Set(ds.events.map((e) => e.event_type))].sort()) {
    const rows = ds.events.filter((e) => e.event_type === type && e.occurred_day < ds.asOfDay && index.has(e.customer_id));
    const sorted = sortRows(rows, (e) => index.get(e.customer_id)!, (e) => e.occurred_day);
    if (rows.length === 0) continue;
    events.set(type, {
      count: rows.length,
      offsets: offsetsOf(sorted.map((e) => index.get(e.customer_id)!), n),
      day: Int32Array.from(sorted, (e) => e.occurred_day),
      value: Float64Array.from(sorted, (e) => e.value ?? NaN),
      product: Int32Array.from(sorted, (e) => (e.product_id ? productIndex.get(e.product_id)! : -1)),
      maxDay: Math.max(...sorted.map((e) => e.occurred_day)),
    });
  }
  return {
    size: n,
    asOfDay: ds.asOfDay,
    customerIds: customers.map((c) => c.customer_id),
    columns,
    customAttributes,
    orders: {
      count: sortedOrders.length,
      offsets: offsetsOf(sortedOrders.map((o) => index.get(o.customer_id)!), n),
      day: Int32Array.from(sortedOrders, (o) => o.ordered_day),
      amount: Float64Array.from(sortedOrders, (o) => o.amount),
      quantity: Int32Array.from(sortedOrders, (o) => o.quantity ?? NULL_INT),
      category: encodeStrings(sortedOrders.map((o) => o.category)),
      channel: encodeStrings(sortedOrders.map((o) => o.channel)),
      couponUsed: Uint8Array.from(sortedOrders, (o) => (o.coupon_code ? 1 : 0)),
      maxDay: sortedOrders.length ? Math.max(...sortedOrders.map((o) => o.ordered_day)) : -Infinity,
    },
    events,
    products: {
      ids: productIds,
      stock: Float64Array.from(productIds, (id) => productRow.get(id)?.stock ?? NaN),
      category: encodeStrings(productIds.map((id) => productRow.get(id)?.category ?? null)),
    },
  };
}

function toColumn(storage: string, raw: unknown[]): Column {
  switch (storage) {
    case 'text':
      return encodeStrings(raw.map((v) => (typeof v === 'string' ? v : null)));
    case 'tags':
      return encodeTags(raw.map((v) => (typeof v === 'string' ? v : null)));
    case 'flag':
      return { kind: 'flag', values: Uint8Array.from(raw, (v) => (v === 1 ? 1 : 0)) };
    case 'isoDate':
      return { kind: 'number', values: Int32Array.from(raw, (v) => leadingIsoToDay(typeof v === 'string' ? v : null) ?? NULL_INT) };
    default: {
      const nums = raw.map((v) => (typeof v === 'number' ? v : NaN));
      const ints = nums.every((v) => Number.isNaN(v) || Number.isInteger(v));
      return ints
        ? { kind: 'number', values: Int32Array.from(nums, (v) => (Number.isNaN(v) ? NULL_INT : v)) }
        : { kind: 'number', values: Float64Array.from(nums) };
    }
  }
}

function sortRows<T>(rows: T[], customer: (r: T) => number, day: (r: T) => number): T[] {
  return [...rows].sort((a, b) => customer(a) - customer(b) || day(a) - day(b));
}

function offsetsOf(customerOfRow: number[], n: number): Int32Array {
  const offsets = new Int32Array(n + 1);
  for (const c of customerOfRow) offsets[c + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  return offsets;
}

/** Values of a SegmentData with dictionaries and array types decoded away, to compare two loads. */
export function decodedView(data: SegmentData): Record<string, unknown> {
  const col = (c: Column | undefined): unknown => {
    if (!c) return undefined;
    switch (c.kind) {
      case 'number':
        return Array.from(c.values, (v) => (Number.isNaN(v) || v === NULL_INT ? null : v));
      case 'flag':
        return Array.from(c.values);
      case 'string':
        return Array.from(c.codes, (code) => c.dict[code] ?? null);
      case 'tags':
        return Array.from({ length: c.offsets.length - 1 }, (_, i) =>
          Array.from(c.ids.subarray(c.offsets[i]!, c.offsets[i + 1]!), (id) => c.dict[id]),
        );
    }
  };
  const o = data.orders;
  return {
    size: data.size,
    asOfDay: data.asOfDay,
    customerIds: data.customerIds,
    columns: Object.fromEntries([...data.columns].map(([k, c]) => [k, col(c)])),
    customAttributes: Object.fromEntries([...data.customAttributes].map(([k, c]) => [k, col(c)])),
    orders: {
      offsets: Array.from(o.offsets),
      day: Array.from(o.day),
      amount: Array.from(o.amount),
      quantity: Array.from(o.quantity, (v) => (v === NULL_INT ? null : v)),
      category: col(o.category),
      channel: col(o.channel),
      couponUsed: Array.from(o.couponUsed),
      maxDay: o.maxDay,
    },
    events: Object.fromEntries(
      [...data.events].map(([type, e]) => [
        type,
        {
          offsets: Array.from(e.offsets),
          day: Array.from(e.day),
          value: Array.from(e.value, (v) => (Number.isNaN(v) ? null : v)),
          product: Array.from(e.product, (p) => data.products.ids[p] ?? null),
          maxDay: e.maxDay,
        },
      ]),
    ),
    products: {
      ids: data.products.ids,
      stock: Array.from(data.products.stock, (v) => (Number.isNaN(v) ? null : v)),
      category: col(data.products.category),
    },
  };
}
