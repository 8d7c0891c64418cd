import { describe, expect, it } from 'vitest';
import { toHistoryRow } from './recentImports';

const base = {
  id: 'i1',
  status: 'succeeded',
  startedAt: '2026-11-01T01:00:00.000Z',
  finishedAt: '2026-11-01T01:00:12.500Z',
  userEmail: 'admin@kizuna.example',
  files: {},
  counts: {},
  errorCount: 0,
};

describe('toHistoryRow', () => {
  it('lists the uploaded files in contract order and sums rows written, whatever the count shape', () => {
    const row = toHistoryRow({
      ...base,
      files: { orders: { name: 'orders.csv', bytes: 10 }, 'customers.csv': {} },
      counts: {
        orders: { inserted: 100, updated: 5 },
        customers: 20,
        events: { inserted: 0, updated: 0 },
        customersCreatedFromOrders: 7,
      },
    });
    expect(row.files).toEqual(['customers', 'orders']);
    expect(row.rowsWritten).toBe(125);
    expect(row.durationMs).toBe(12_500);
  });

  it('writes no rows for a failed import, keeps its error count', () => {
    const row = toHistoryRow({ ...base, status: 'failed', counts: { orders: { inserted: 3, updated: 0 } }, errorCount: 7 });
    expect(row).toMatchObject({ status: 'failed', rowsWritten: 0, errorCount: 7 });
  });

  it('has no duration while running and treats unknown statuses as running', () => {
    expect(toHistoryRow({ ...base, status: 'running', finishedAt: null })).toMatchObject({ status: 'running', durationMs: null });
    expect(toHistoryRow({ ...base, status: 'receiving' }).status).toBe('running');
  });

  it('ignores junk in counts', () => {
    expect(toHistoryRow({ ...base, counts: { orders: 'many', events: null, products: Number.NaN } }).rowsWritten).toBe(0);
  });
});
