// Test helper: deliberately naive KPI implementations over plain rows (Sets, Maps, JavaScript Date for the
// calendar) that the columnar functions are compared with on random data.
import type { PeriodKind } from '../calendar';
import type { OrderRow } from '../data';

const MS_PER_DAY = 86_400_000;

/** First day of the period holding `day`, via Date (independent of calendar.ts). */
export function refPeriodStart(kind: PeriodKind, day: number): number {
  const date = new Date(day * MS_PER_DAY);
  if (kind === 'week') return day - ((date.getUTCDay() + 6) % 7);
  const month = kind === 'month' ? date.getUTCMonth() : date.getUTCMonth() - (date.getUTCMonth() % 3);
  return Date.UTC(date.getUTCFullYear(), month, 1) / MS_PER_DAY;
}

export function refNextPeriodStart(kind: PeriodKind, start: number): number {
  if (kind === 'week') return start + 7;
  const date = new Date(start * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + (kind === 'month' ? 1 : 3), 1) / MS_PER_DAY;
}

export interface RefInput {
  customers: number;
  orders: OrderRow[];
  asOfDay: number;
  cut?: Set<number>;
}

const visible = (input: RefInput): OrderRow[] =>
  input.orders.filter((o) => o.day < input.asOfDay && (!input.cut || input.cut.has(o.customer)));

export function refTotals(input: RefInput, start: number, end: number) {
  const rows = visible(input).filter((o) => o.day >= start && o.day <= end);
  const daysBy = new Map<number, Set<number>>();
  for (const o of rows) daysBy.set(o.customer, (daysBy.get(o.customer) ?? new Set()).add(o.day));
  return {
    orders: rows.length,
    revenue: rows.reduce((s, o) => s + o.amount, 0),
    customers: daysBy.size,
    purchaseDays: [...daysBy.values()].reduce((s, v) => s + v.size, 0),
    repeatCustomers: [...daysBy.values()].filter((v) => v.size >= 2).length,
  };
}

/** Per period from the first order's period to the as-of period: [start, active, retained-into-next]. */
export function refRetention(input: RefInput, kind: PeriodKind): [number, number, number][] {
  const rows = visible(input);
  if (rows.length === 0) return [];
  const activeBy = new Map<number, Set<number>>();
  for (const o of rows) {
    const p = refPeriodStart(kind, o.day);
    activeBy.set(p, (activeBy.get(p) ?? new Set()).add(o.customer));
  }
  const out: [number, number, number][] = [];
  const last = refPeriodStart(kind, input.asOfDay - 1);
  for (let p = refPeriodStart(kind, Math.min(...rows.map((o) => o.day))); p < last; p = refNextPeriodStart(kind, p)) {
    const now = activeBy.get(p) ?? new Set<number>();
    const next = activeBy.get(refNextPeriodStart(kind, p)) ?? new Set<number>();
    out.push([p, now.size, [...now].filter((c) => next.has(c)).length]);
  }
  return out;
}

/** Cohort rows: [cohort month start, size, buyers per month offset, revenue per month offset]. */
export function refCohorts(input: RefInput): [number, number, number[], number[]][] {
  const rows = visible(input);
  const first = new Map<number, number>();
  for (const o of rows) first.set(o.customer, Math.min(first.get(o.customer) ?? Infinity, o.day));
  const months = (from: number, to: number): number => {
    const a = new Date(from * MS_PER_DAY);
    const b = new Date(to * MS_PER_DAY);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
  };
  const cohorts = new Map<number, { size: number; buyers: Set<number>[]; revenue: number[] }>();
  for (const [c, day] of first) {
    const start = refPeriodStart('month', day);
    const width = months(start, input.asOfDay - 1) + 1;
    const row = cohorts.get(start) ?? {
      size: 0,
      buyers: Array.from({ length: width }, () => new Set<number>()),
      revenue: new Array<number>(width).fill(0),
    };
    row.size++;
    cohorts.set(start, row);
    for (const o of rows.filter((r) => r.customer === c)) {
      const n = months(start, o.day);
      row.buyers[n]?.add(c);
      row.revenue[n] = (row.revenue[n] as number) + o.amount;
    }
  }
  return [...cohorts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, r]) => [start, r.size, r.buyers.map((s) => s.size), r.revenue]);
}

/** R/F/M by counting, for every customer with an order (0 = none). */
export function refRfm(input: RefInput): { r: number[]; f: number[]; m: number[] } {
  const rows = input.orders.filter((o) => o.day < input.asOfDay);
  const last = new Map<number, number>();
  const freq = new Map<number, number>();
  const money = new Map<number, number>();
  for (const o of rows) {
    last.set(o.customer, Math.max(last.get(o.customer) ?? -Infinity, o.day));
    freq.set(o.customer, (freq.get(o.customer) ?? 0) + 1);
    money.set(o.customer, (money.get(o.customer) ?? 0) + o.amount);
  }
  const scored = [...last.keys()];
  const score = (values: Map<number, number>, c: number): number => {
    const below = scored.filter((o) => (values.get(o) as number) < (values.get(c) as number)).length;
    return 1 + Math.floor((5 * below) / scored.length);
  };
  const out = { r: new Array<number>(input.customers).fill(0), f: new Array<number>(input.customers).fill(0), m: new Array<number>(input.customers).fill(0) };
  for (const c of scored) {
    out.r[c] = score(last, c);
    out.f[c] = score(freq, c);
    out.m[c] = score(money, c);
  }
  return out;
}
