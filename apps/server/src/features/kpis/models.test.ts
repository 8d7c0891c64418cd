// The model pieces of the KPI state on data drawn from BG/NBD itself, where the model is right by
// construction: the holdout check must then find predicted ≈ actual.
import { describe, expect, it } from 'vitest';
import { buildOrderColumns, isoToDay, plainCustomers, simulateBgNbd, simulatedOrders, type MetricsData } from '@kizuna/metrics';
import { clvAt, fitModels, modelCheck } from './models';

const asOfDay = isoToDay('2025-01-01');

function simulated(customers: number, seed: number, T: [number, number]): MetricsData {
  const sim = simulateBgNbd({ r: 0.6, alpha: 20, a: 0.7, b: 3 }, { customers, seed, T, keepTimes: true });
  const rows = simulatedOrders(sim, asOfDay, { params: { p: 6, q: 4, gamma: 2000 }, seed });
  return { asOfDay, customers: plainCustomers(customers), orders: buildOrderColumns(customers, rows) };
}

describe('modelCheck', () => {
  const data = simulated(4000, 21, [100, 800]);
  const outcome = modelCheck(data);

  it('splits off a 26-week holdout and predicts its purchases from the calibration period', () => {
    if (!outcome.ok) throw new Error(outcome.reason);
    const { check } = outcome;
    expect(check).toMatchObject({ holdoutDays: 182, holdoutStartDate: '2024-07-03', holdoutEndDate: '2024-12-31', calibrationEndDate: '2024-07-02' });
    expect(check.total.predicted / check.total.actual).toBeGreaterThan(0.85);
    expect(check.total.predicted / check.total.actual).toBeLessThan(1.15);
    for (const b of check.buckets.filter((x) => x.customers >= 150)) {
      expect(b.predicted! / b.actual!, `x = ${b.repeatPurchases}`).toBeGreaterThan(0.7);
      expect(b.predicted! / b.actual!, `x = ${b.repeatPurchases}`).toBeLessThan(1.3);
    }
    // Only customers who had bought before the holdout are in it.
    expect(check.total.customers).toBeLessThan(4000);
    expect(check.buckets.reduce((n, b) => n + b.customers, 0)).toBe(check.total.customers);
  });

  it('refuses a history too short for a holdout', () => {
    const short = simulated(200, 3, [20, 40]);
    const result = modelCheck(short);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/too short/);
  });
});

describe('fitModels and clvAt', () => {
  const data = simulated(2000, 8, [100, 700]);

  it('predicts for every customer with a purchase, 90 days never more than 365', () => {
    const outcome = fitModels(data);
    if (!outcome.ok) throw new Error(outcome.reason);
    const m = outcome.models;
    expect(m.params.gammaGamma).not.toBeNull();
    for (let i = 0; i < 2000; i++) {
      expect(m.pAlive[i]).toBeGreaterThanOrEqual(0);
      expect(m.pAlive[i]).toBeLessThanOrEqual(1);
      expect(m.expectedPurchases90d[i]).toBeGreaterThanOrEqual(0);
      expect(m.clv[i]).toBeGreaterThan(0);
    }
    // At the as-of day itself, clvAt gives the fitted predictions back.
    const same = clvAt(data, m.params, asOfDay);
    for (let i = 0; i < 2000; i += 97) expect(same[i]).toBeCloseTo(m.clv[i]!, 6);
    // At an earlier day, customers who had not bought yet have no value.
    const earlier = clvAt(data, m.params, asOfDay - 200);
    let missing = 0;
    for (let i = 0; i < 2000; i++) if (Number.isNaN(earlier[i]!)) missing++;
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBe(Array.from({ length: 2000 }, (_, i) => data.orders.day[data.orders.offsets[i]!]! >= asOfDay - 200).filter(Boolean).length);
  });

  it('says why when nobody repeats', () => {
    const once: MetricsData = { asOfDay, customers: plainCustomers(3), orders: buildOrderColumns(3, [0, 1, 2].map((customer) => ({ customer, day: asOfDay - 10, amount: 100 }))) };
    const outcome = fitModels(once);
    expect(outcome).toEqual({ ok: false, reason: 'BG/NBD needs ≥ 2 customers with a repeat purchase; found 0' });
  });
});
