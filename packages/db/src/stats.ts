// Headline counts of the workspace's data, for the Data page and the header's "data through" line.
import type { KizunaDb } from './client';
import { dateFromDay } from './days';
import { resolveAsOf, type AsOf } from './settings';

export interface DatasetStats {
  customers: number;
  orders: number;
  events: number;
  products: number;
  /** Sum of all order amounts, in minor units of the workspace currency. */
  revenue: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
  asOf: AsOf;
}

export async function datasetStats(db: KizunaDb): Promise<DatasetStats> {
  const k = db.kysely;
  const count = async (table: 'customers' | 'orders' | 'events' | 'products'): Promise<number> => {
    const row = await k.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const orderStats = await k
    .selectFrom('orders')
    .select((eb) => [
      eb.fn.sum<number | null>('amount').as('revenue'),
      eb.fn.min<number | null>('ordered_day').as('first'),
      eb.fn.max<number | null>('ordered_day').as('last'),
    ])
    .executeTakeFirstOrThrow();
  const day = (d: number | null): string | null => (d === null ? null : dateFromDay(Number(d)));
  return {
    customers: await count('customers'),
    orders: await count('orders'),
    events: await count('events'),
    products: await count('products'),
    revenue: Number(orderStats.revenue ?? 0),
    firstOrderDate: day(orderStats.first),
    lastOrderDate: day(orderStats.last),
    asOf: await resolveAsOf(db),
  };
}
