import { describe, expect, it } from 'vitest';
import { toSummaryCards } from './summaryCards';

const stats = {
  customers: 12_500,
  orders: 98_765,
  events: 1_234_567,
  products: 240,
  revenue: 1_234_567_89,
  firstOrderDate: '2024-01-03',
  lastOrderDate: '2026-10-31',
};

const plain = (s: string | null) => s?.replace(/[\u00a0\u2009\u202f]/g, ' ') ?? null;

describe('toSummaryCards', () => {
  it('formats counts, money and the date range in the UI locale', () => {
    const cards = toSummaryCards(stats, 'JPY', 'en-US');
    expect(cards.map((c) => [c.key, plain(c.value)])).toEqual([
      ['customers', '12,500'],
      ['orders', '98,765'],
      ['events', '1,234,567'],
      ['products', '240'],
      ['revenue', '¥123,456,789'],
      ['dateRange', 'Jan 3, 2024 – Oct 31, 2026'],
    ]);
  });

  it('divides revenue by the currency exponent', () => {
    const revenue = toSummaryCards(stats, 'USD', 'en-US').find((c) => c.key === 'revenue');
    expect(revenue?.value).toBe('$1,234,567.89');
  });

  it('has no date range before the first order', () => {
    const empty = { ...stats, orders: 0, revenue: 0, firstOrderDate: null, lastOrderDate: null };
    const cards = toSummaryCards(empty, 'JPY', 'ja-JP');
    expect(cards.find((c) => c.key === 'dateRange')?.value).toBeNull();
    expect(cards.find((c) => c.key === 'revenue')?.value).toBe('￥0');
  });
});
