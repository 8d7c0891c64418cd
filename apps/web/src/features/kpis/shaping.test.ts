// The page's shaping functions: dashboard results → chart rows, heatmap cells, grid cells, CSV tables.
import { describe, expect, it } from 'vitest';
import { segmentRule } from '@kizuna/segments';
import { periodLabel, toCsatSeries, toModelCheckRows, toSegmentSeries, toSegmentTable, toTrendSeries } from './chartData';
import { heatColor, heatTextColor, toCohortRows } from './cohortRows';
import { cohortCsv, csatCsv, modelCheckCsv, rfmCsv, segmentSeriesCsv, toCsv, trendCsv } from './csv';
import { rfmRule, toRfmCells } from './rfmCells';
import { sparklinePath } from './sparkline';
import { dashboardFixture } from './testing';

describe('toTrendSeries and periodLabel', () => {
  it('keeps one row per period with shares as 0–1 and money in minor units', () => {
    const rows = toTrendSeries(dashboardFixture().trend);
    expect(rows[1]).toEqual({ period: '2026-10', complete: false, activeCustomers: 83, newCustomers: 13, repeatRate: 0.65, retention: null, churn: null, aov: 7814.48, revenue: 1977064 });
  });

  it('labels months and weeks in the UI language', () => {
    expect(periodLabel('2026-10', 'en-US')).toBe('Oct 2026');
    expect(periodLabel('2026-10', 'ja-JP')).toBe('2026年10月');
    expect(periodLabel('2026-10-19', 'en-US')).toBe('Oct 19');
    expect(periodLabel('2026-10-19', 'ja-JP')).toBe('10月19日');
    expect(periodLabel('2026-Q1', 'en-US')).toBe('2026-Q1');
  });
});

describe('segment comparison', () => {
  it('aligns each group’s sparkline by period, with gaps where a group has no point', () => {
    const { rows, series } = toSegmentSeries(dashboardFixture(), 'active_customers');
    expect(series).toEqual([
      { key: 'all', segmentId: null, name: null },
      { key: 's0', segmentId: 'seg-a', name: 'Women' },
      { key: 's1', segmentId: 'seg-b', name: 'VIP, "gold"' },
    ]);
    expect(rows).toEqual([
      { period: '2026-08', all: 80, s1: 5 },
      { period: '2026-09', all: 83, s0: 40, s1: 6 },
      { period: '2026-10', all: 90, s0: 41, s1: 7 },
    ]);
  });

  it('tabulates every KPI for the base and each segment, missing tiles as no value', () => {
    const table = toSegmentTable(dashboardFixture());
    expect(table.map((r) => r.tileId)).toEqual(['active_customers', 'churn']);
    expect(table[0]!.values.map((v) => v.value)).toEqual([90, 41, 7]);
    expect(table[1]!.values.map((v) => v.value)).toEqual([0.31, 0.25, null]);
    expect(table[1]!.values[1]!.delta).toBeCloseTo(0.05, 10);
  });
});

describe('toCohortRows', () => {
  it('gives customer or revenue retention per month since first order, capped colour strength', () => {
    const byCustomers = toCohortRows(dashboardFixture().cohorts, 'customers');
    expect(byCustomers.columns).toEqual([0, 1, 2]);
    expect(byCustomers.rows[0]!.cells.map((c) => c.value)).toEqual([1, 0.4, 0.3]);
    expect(byCustomers.rows[1]!.cells.map((c) => c.count)).toEqual([5, 1]);
    const byRevenue = toCohortRows(dashboardFixture().cohorts, 'revenue');
    expect(byRevenue.rows[0]!.cells.map((c) => [c.value, c.intensity, c.count])).toEqual([[1, 1, 5000], [1.5, 1, 7500], [0, 0, 0]]);
    expect(byRevenue.rows[1]!.cells[0]).toMatchObject({ value: null, intensity: 0 });
    expect(toCohortRows([], 'customers')).toEqual({ columns: [], rows: [] });
  });

  it('colours from the surface to the accent and keeps text readable', () => {
    expect(heatColor(0)).toBe('rgb(240, 242, 245)');
    expect(heatColor(1)).toBe('rgb(52, 81, 178)');
    expect(heatTextColor(1)).toBe('#ffffff');
    expect(heatTextColor(0.1)).toBe('#1c2330');
  });
});

describe('R × F grid', () => {
  it('puts R 5 on top and F 1 on the left, with shares of the scored customers', () => {
    const rows = toRfmCells(dashboardFixture().rfm);
    expect(rows.map((row) => row.map((c) => `${c.r}${c.f}`).join(' '))).toEqual(['51 52 53 54 55', '41 42 43 44 45', '31 32 33 34 35', '21 22 23 24 25', '11 12 13 14 15']);
    expect(rows[0]![4]).toMatchObject({ customers: 10, revenue: 2400, intensity: 10 / 23 });
    expect(rows[0]![3]!.intensity).toBe(1);
    expect(rows[4]![0]!.share).toBe(0);
  });

  it('links each cell to a valid segment rule on the two scores', () => {
    const rule = rfmRule(4, 2);
    expect(segmentRule.safeParse(rule).success).toBe(true);
    expect(rule.children).toEqual([
      { kind: 'computed', field: 'r_score', op: 'eq', value: 4 },
      { kind: 'computed', field: 'f_score', op: 'eq', value: 2 },
    ]);
  });
});

describe('CSV exports', () => {
  it('quotes, doubles quotes, defuses formulas and leaves missing values empty', () => {
    expect(toCsv({ headers: ['a', 'b'], rows: [['x,y', 'say "hi"'], [null, 1.5], ['=SUM(A1)', -3]] })).toBe('a,b\r\n"x,y","say ""hi"""\r\n,1.5\r\n\'=SUM(A1),-3\r\n');
  });

  it('has one table per chart with stable column ids', () => {
    const d = dashboardFixture();
    expect(toCsv(trendCsv(toTrendSeries(d.trend))).split('\r\n')[1]).toBe('2026-09,1,83,16,0.53,0.69,0.31,8434.96,1940042');
    expect(csatCsv(d.csat).rows[1]).toEqual(['2026-10', 0, 0, 0, null, null]);
    expect(cohortCsv(toCohortRows(d.cohorts, 'customers'), 'customers')).toEqual({
      headers: ['cohort', 'size', 'customers_month_0', 'customers_month_1', 'customers_month_2'],
      rows: [['2026-08', 10, 1, 0.4, 0.3], ['2026-09', 5, 1, 0.2, null]],
    });
    expect(rfmCsv(d.rfm).rows).toHaveLength(25);
    expect(segmentSeriesCsv(toSegmentSeries(d, 'active_customers'), 'All customers').headers).toEqual(['period', 'All customers', 'Women', 'VIP, "gold"']);
    expect(toCsv(segmentSeriesCsv(toSegmentSeries(d, 'active_customers'), 'All')).split('\r\n')[0]).toBe('period,All,Women,"VIP, ""gold"""');
  });

  it('exports the model check by calibration repeat purchases, the last bucket open-ended', () => {
    const rows = toModelCheckRows({
      calibrationEndDate: '2026-05-02',
      holdoutStartDate: '2026-05-03',
      holdoutEndDate: '2026-10-31',
      holdoutDays: 182,
      params: { r: 1, alpha: 1, a: 1, b: 1 },
      buckets: [
        { repeatPurchases: 0, customers: 10, actual: 0.1, predicted: 0.2 },
        { repeatPurchases: 1, customers: 0, actual: null, predicted: null },
      ],
      total: { customers: 10, actual: 1, predicted: 2 },
    });
    expect(rows.map((r) => r.bucket)).toEqual(['0', '1+']);
    expect(modelCheckCsv(rows).rows[1]).toEqual(['1+', 0, null, null]);
    expect(toCsatSeries(dashboardFixture().csat)[0]).toEqual({ period: '2026-09', share: 0.75, mean: 4.1, responses: 4 });
  });
});

describe('sparklinePath', () => {
  it('spreads points across the width, scaled to their range, and breaks at gaps', () => {
    expect(sparklinePath([0, 5, 10], 104, 24)).toBe('M2.0 22.0L52.0 12.0L102.0 2.0');
    expect(sparklinePath([1, null, 1], 104, 24)).toBe('M2.0 12.0M102.0 12.0');
    expect(sparklinePath([null, null], 104, 24)).toBe('');
    expect(sparklinePath([7], 104, 24)).toBe('M52.0 12.0');
  });
});
