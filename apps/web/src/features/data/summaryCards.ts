// Dataset summary cards from data.stats: counts, revenue in the workspace currency, and the order date range.
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Api } from '../../trpc';
import { formatDateRange, formatMoney, formatNumber } from '../../ui/format';

/** What the cards read of data.stats (the as-of date is the header's). */
export type DataStatsView = Omit<inferOutput<Api['data']['stats']>, 'asOf'>;

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
