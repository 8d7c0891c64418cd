import { describe, expect, it } from 'vitest';
import { expectedPurchases, probabilityAlive, type BgNbdParams } from './bgnbd';
import { fitCustomerModels, predictCustomers } from './clv';
import { buildOrderColumns, plainCustomers, type MetricsData } from './data';
import { expectedAverageSpend, type GammaGammaParams } from './gammaGamma';
import { simulateBgNbd, simulatedOrders } from './simulate';
import { purchaseSummaries } from './summaries';
import { handData } from './testing/handData';

const bg: BgNbdParams = { r: 0.8, alpha: 40, a: 0.6, b: 2.5 };
const spend: GammaGammaParams = { p: 6, q: 4, gamma: 5000 };

describe('predictCustomers', () => {
  const s = purchaseSummaries(handData());

  it('combines P(alive), expected purchases and expected spend per customer, NaN without purchases', () => {
    const out = predictCustomers(s, bg, spend, { horizonDays: 365 });
    // Customer 0: x = 2, t_x = 86, T = 87, repeat mean 1000.
    expect(out.pAlive[0]).toBeCloseTo(probabilityAlive(bg, 2, 86, 87), 14);
    expect(out.expectedPurchases[0]).toBeCloseTo(expectedPurchases(bg, 365, 2, 86, 87), 12);
    expect(out.expectedSpend[0]).toBeCloseTo(expectedAverageSpend(spend, 2, 1000), 9);
    expect(out.clv[0]).toBeCloseTo((out.expectedPurchases[0] as number) * (out.expectedSpend[0] as number), 6);
    // Customer 1 has no repeat purchase: alive for sure, population mean spend.
    expect(out.pAlive[1]).toBe(1);
    expect(out.expectedSpend[1]).toBeCloseTo((spend.p * spend.gamma) / (spend.q - 1), 9);
    for (const column of [out.pAlive, out.expectedPurchases, out.expectedSpend, out.clv]) {
      expect(Array.from(column).slice(3).every(Number.isNaN)).toBe(true);
    }
  });

  it('falls back to the observed mean per purchase day without a spend model', () => {
    const out = predictCustomers(s, bg, null, { horizonDays: 90 });
    expect(out.expectedSpend[0]).toBeCloseTo(3500 / 3, 9);
    expect(out.expectedSpend[2]).toBe(2000);
  });

  it('discounts purchases expected in later periods', () => {
    const plain = predictCustomers(s, bg, spend, { horizonDays: 365 });
    const zero = predictCustomers(s, bg, spend, { horizonDays: 365, discount: { ratePerPeriod: 0, periodDays: 30 } });
    expect(zero.clv[0]).toBeCloseTo(plain.clv[0] as number, 8);
    const discounted = predictCustomers(s, bg, spend, { horizonDays: 365, discount: { ratePerPeriod: 0.01, periodDays: 30 } });
    // By hand: 13 periods (the last one 5 days long), each period's increment divided by 1.01^k.
    let expected = 0;
    for (let k = 1; k <= 13; k++) {
      const inc = expectedPurchases(bg, Math.min(30 * k, 365), 2, 86, 87) - expectedPurchases(bg, 30 * (k - 1), 2, 86, 87);
      expected += inc / 1.01 ** k;
    }
    expect(discounted.expectedPurchases[0]).toBeCloseTo(expected, 10);
    expect(discounted.clv[0] as number).toBeLessThan(plain.clv[0] as number);
  });

  it('rejects a negative horizon', () => {
    expect(() => predictCustomers(s, bg, spend, { horizonDays: -1 })).toThrow(RangeError);
  });
});

describe('fitCustomerModels', () => {
  it('fits both models on simulated daily orders and predicts for everyone', () => {
    const customers = 20_000;
    const asOfDay = 20_000;
    const sim = simulateBgNbd(bg, { customers, seed: 21, T: [30, 730], keepTimes: true });
    const orders = buildOrderColumns(customers, simulatedOrders(sim, asOfDay, { params: spend, seed: 22 }));
    const data: MetricsData = { customers: plainCustomers(customers), orders, asOfDay };
    const models = fitCustomerModels(data, { horizonDays: 365 });
    // Whole days blur t_x and T a little, so the bounds are looser than for continuous-time data (α came out
    // 3–7 % high over five seeds).
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(models.bgnbd.params[k] / bg[k] - 1)).toBeLessThan(0.15);
    }
    expect(models.gammaGamma).not.toBeNull();
    const gg = models.gammaGamma?.params as GammaGammaParams;
    expect(Math.abs((gg.p * gg.gamma) / (gg.q - 1) / ((spend.p * spend.gamma) / (spend.q - 1)) - 1)).toBeLessThan(0.05);
    expect(Array.from(models.predictions.clv).every((v) => v >= 0)).toBe(true);
  });

  it('refuses data with fewer than two repeat customers, and skips Gamma-Gamma with too few', () => {
    const onlyOnce = buildOrderColumns(3, [
      { customer: 0, day: 1, amount: 10 },
      { customer: 1, day: 2, amount: 10 },
      { customer: 2, day: 2, amount: 10 },
      { customer: 2, day: 5, amount: 10 },
    ]);
    expect(() => fitCustomerModels({ customers: plainCustomers(3), orders: onlyOnce, asOfDay: 10 }, { horizonDays: 30 })).toThrow(
      /repeat purchase/,
    );
    const models = fitCustomerModels(handData(), { horizonDays: 30 });
    expect(models.gammaGamma).toBeNull();
    expect(models.predictions.expectedSpend[2]).toBe(2000);
  });
});
