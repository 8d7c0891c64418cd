// Test fixtures: a small dashboard result in the API's shape, for the shaping functions' tests.
import type { KpiDashboard, KpiTile } from './kpiTypes';

export function tileFixture(id: KpiTile['id'], values: (number | null)[], unit: KpiTile['unit'] = 'count'): KpiTile {
  const periods = ['2026-08', '2026-09', '2026-10'].slice(-values.length);
  const value = values.at(-1) ?? null;
  const previous = values.length > 1 ? (values.at(-2) ?? null) : null;
  const delta = value !== null && previous !== null ? value - previous : null;
  return {
    id,
    definitionId: id === 'retention' || id === 'churn' ? 'period_retention' : (id as KpiTile['definitionId']),
    unit,
    value,
    previous,
    delta,
    relative: delta !== null && previous ? delta / Math.abs(previous) : null,
    numerator: null,
    denominator: null,
    series: values.map((v, i) => ({ period: periods[i]!, value: v })),
  };
}

export function dashboardFixture(): Pick<KpiDashboard, 'tiles' | 'segments' | 'cohorts' | 'rfm' | 'trend' | 'csat'> {
  return {
    tiles: [tileFixture('active_customers', [80, 83, 90]), tileFixture('churn', [0.3, 0.35, 0.31], 'share')],
    segments: [
      { id: 'seg-a', name: 'Women', members: 120, tiles: [tileFixture('active_customers', [40, 41]), tileFixture('churn', [0.2, 0.25], 'share')] },
      { id: 'seg-b', name: 'VIP, "gold"', members: 12, tiles: [tileFixture('active_customers', [5, 6, 7])] },
    ],
    cohorts: [
      {
        cohort: '2026-08',
        size: 10,
        cells: [
          { monthsSinceFirst: 0, customers: 10, revenue: 5000, customerRetention: 1, revenueRetention: 1, complete: true },
          { monthsSinceFirst: 1, customers: 4, revenue: 7500, customerRetention: 0.4, revenueRetention: 1.5, complete: true },
          { monthsSinceFirst: 2, customers: 3, revenue: 0, customerRetention: 0.3, revenueRetention: 0, complete: true },
        ],
      },
      {
        cohort: '2026-09',
        size: 5,
        cells: [
          { monthsSinceFirst: 0, customers: 5, revenue: 0, customerRetention: 1, revenueRetention: null, complete: true },
          { monthsSinceFirst: 1, customers: 1, revenue: 100, customerRetention: 0.2, revenueRetention: null, complete: true },
        ],
      },
    ],
    rfm: {
      cells: Array.from({ length: 25 }, (_, k) => ({ r: Math.floor(k / 5) + 1, f: (k % 5) + 1, customers: k === 24 ? 10 : k, revenue: k * 100 })),
      customers: 10 + 276,
      revenue: 30000,
    },
    trend: [
      {
        period: '2026-09', startDate: '2026-09-01', endDate: '2026-09-30', complete: true, activeCustomers: 83, newCustomers: 16, orders: 230,
        revenue: 1940042, aov: 8434.96, repeatRate: 0.53, retention: 0.69, churn: 0.31,
      },
      {
        period: '2026-10', startDate: '2026-10-01', endDate: '2026-10-31', complete: false, activeCustomers: 83, newCustomers: 13, orders: 253,
        revenue: 1977064, aov: 7814.48, repeatRate: 0.65, retention: null, churn: null,
      },
    ],
    csat: [
      { period: '2026-09', startDate: '2026-09-01', endDate: '2026-09-30', complete: true, responses: 4, satisfied: 3, share: 0.75, mean: 4.1 },
      { period: '2026-10', startDate: '2026-10-01', endDate: '2026-10-31', complete: false, responses: 0, satisfied: 0, share: null, mean: null },
    ],
  };
}
