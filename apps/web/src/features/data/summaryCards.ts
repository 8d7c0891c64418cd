// Dataset summary cards from data.stats: counts, revenue in the workspace currency, and the order date range.
import { formatDateRange, formatMoney, formatNumber } from '../../ui/format';

export interface DataStatsView {
  customers: number;
  orders: number;
  events: number;
  products: number;
  /** Minor units of the workspace currency. */
  revenue: number;
  firstOrderDate: string | null;
  lastOrderDate: string | null;
}

export type SummaryCardKey = 'customers' | 'orders' | 'events' | 'products' | 'revenue' | 'dateRange';

export interface SummaryCard {
  key: SummaryCardKey;
  value: string | null;
}

export function toSummaryCards(stats: DataStatsView, currency: string, locale: string): SummaryCard[] {
  return [
    { key: 'customers', value: formatNumber(stats.customers, locale) },
    { key: 'orders', value: formatNumber(stats.orders, locale) },
    { key: 'events', value: formatNumber(stats.events, locale) },
    { key: 'products', value: formatNumber(stats.products, locale) },
    { key: 'revenue', value: formatMoney(stats.revenue, currency, locale) },
    { key: 'dateRange', value: formatDateRange(stats.firstOrderDate, stats.lastOrderDate, locale) },
  ];
}
