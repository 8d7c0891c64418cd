import { describe, expect, it } from 'vitest';
import { countTotals, toCountRows, toErrorTable } from './importReport';
import type { ImportRowError } from './importTypes';

describe('toCountRows', () => {
  it('orders files as the data contract lists them, unknown files last', () => {
    const rows = toCountRows({
      products: { inserted: 5, updated: 0 },
      zzz: { inserted: 1, updated: 1 },
      events: { inserted: 30, updated: 2 },
      customers: { inserted: 10, updated: 3 },
      orders: { inserted: 20, updated: 0 },
    });
    expect(rows.map((r) => r.file)).toEqual(['customers', 'orders', 'events', 'products', 'zzz']);
    expect(rows[0]).toEqual({ file: 'customers', inserted: 10, updated: 3 });
  });

  it('keeps only the uploaded files when told which', () => {
    const counts = {
      customers: { inserted: 2, updated: 0 },
      orders: { inserted: 2, updated: 0 },
      events: { inserted: 0, updated: 0 },
    };
    expect(toCountRows(counts, ['orders', 'customers']).map((r) => r.file)).toEqual(['customers', 'orders']);
    expect(toCountRows(counts, ['orders.csv']).map((r) => r.file)).toEqual(['orders']);
    expect(toCountRows(counts).map((r) => r.file)).toEqual(['customers', 'orders', 'events']);
  });

  it('accepts file names with the .csv suffix', () => {
    const rows = toCountRows({ 'orders.csv': { inserted: 1, updated: 0 }, 'customers.csv': { inserted: 2, updated: 0 } });
    expect(rows.map((r) => r.file)).toEqual(['customers.csv', 'orders.csv']);
  });

  it('adds up the totals', () => {
    const rows = toCountRows({ customers: { inserted: 10, updated: 3 }, orders: { inserted: 20, updated: 4 } });
    expect(countTotals(rows)).toEqual({ inserted: 30, updated: 7 });
    expect(countTotals([])).toEqual({ inserted: 0, updated: 0 });
  });
});

describe('toErrorTable', () => {
  const error = (file: string, line: number): ImportRowError => ({
    file,
    line,
    column: 'amount',
    value: 'abc',
    reason: 'not a number',
  });

  it('keeps every error the server sent, with unique keys', () => {
    const table = toErrorTable({ errors: [error('orders', 2), error('orders', 2), error('customers', 9)], errorCount: 3 });
    expect(table.shown).toBe(3);
    expect(table.total).toBe(3);
    expect(table.truncated).toBe(false);
    expect(new Set(table.rows.map((r) => r.key)).size).toBe(3);
    expect(table.byFile).toEqual([
      { file: 'orders', count: 2 },
      { file: 'customers', count: 1 },
    ]);
  });

  it('knows when the list is only the first of many', () => {
    const errors = Array.from({ length: 1000 }, (_, i) => error('orders', i + 2));
    const table = toErrorTable({ errors, errorCount: 25_431 });
    expect(table).toMatchObject({ shown: 1000, total: 25_431, truncated: true });
  });

  it('never reports fewer errors than it shows', () => {
    expect(toErrorTable({ errors: [error('orders', 2)], errorCount: 0 })).toMatchObject({ shown: 1, total: 1 });
  });
});
