// Per-customer predictions for the feature table — probability alive, expected purchase days in a horizon,
// expected spend per purchase day, predicted CLV — and the one call that fits both models on the data.
import { expectedPurchasesIfAlive, fitBgNbd, probabilityAlive, type BgNbdParams } from './bgnbd';
import type { Cut } from './cut';
import type { MetricsData } from './data';
import { expectedAverageSpend, fitGammaGamma, spendDataFromSummaries, type GammaGammaParams } from './gammaGamma';
import type { FitOptions, FitResult } from './optimize';
import { groupSummaries, purchaseSummaries, type PurchaseSummaries } from './summaries';

export interface Discount {
  /** Discount rate per period, e.g. 0.01 for 1 % a month. */
  ratePerPeriod: number;
  /** Period length in days, e.g. 30. */
  periodDays: number;
}

export interface PredictionOptions {
  /** Days ahead (from the as-of day) that expected purchases and CLV cover. */
  horizonDays: number;
  /**
   * Omitted: CLV is undiscounted, E[purchases in horizon] × E[spend]. Given: purchases expected in period k
   * (k = 1, 2, …; the last one cut at the horizon) are discounted by (1 + rate)^k.
   */
  discount?: Discount;
}

export interface CustomerPredictions {
  /** NaN for customers without a purchase before the as-of day (here and in every column). */
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Minor units per purchase day. */
  expectedSpend: Float64Array;
  /** Minor units. */
  clv: Float64Array;
}

/** Expected purchases over the horizon of a customer alive at T, discounted per period when asked. */
function horizonPurchasesIfAlive(p: BgNbdParams, options: PredictionOptions, x: number, T: number): number {
  const H = options.horizonDays;
  if (!options.discount) return expectedPurchasesIfAlive(p, H, x, T);
  const { ratePerPeriod, periodDays } = options.discount;
  let total = 0;
  let before = 0;
  for (let k = 1; (k - 1) * periodDays < H; k++) {
    const upTo = expectedPurchasesIfAlive(p, Math.min(k * periodDays, H), x, T);
    total += (upTo - before) / Math.pow(1 + ratePerPeriod, k);
    before = upTo;
  }
  return total;
}

/**
 * Predictions for every customer from fitted parameters. Expected spend is Gamma-Gamma's E[M | x, m̄] when
 * `spend` is given, else the customer's observed mean per purchase day.
 */
export function predictCustomers(
  s: PurchaseSummaries,
  bg: BgNbdParams,
  spend: GammaGammaParams | null,
  options: PredictionOptions,
): CustomerPredictions {
  if (!(options.horizonDays >= 0)) throw new RangeError(`horizonDays must be ≥ 0; got ${options.horizonDays}`);
  const n = s.x.length;
  const out: CustomerPredictions = {
    pAlive: new Float64Array(n).fill(NaN),
    expectedPurchases: new Float64Array(n).fill(NaN),
    expectedSpend: new Float64Array(n).fill(NaN),
    clv: new Float64Array(n).fill(NaN),
  };
  // The horizon sum depends on (x, T) only; far fewer pairs than customers.
  const cache = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = s.x[i] as number;
    if (x < 0) continue;
    const tx = s.tx[i] as number;
    const T = s.T[i] as number;
    const key = x * 4294967296 + T;
    let ifAlive = cache.get(key);
    if (ifAlive === undefined) {
      ifAlive = horizonPurchasesIfAlive(bg, options, x, T);
      cache.set(key, ifAlive);
    }
    const alive = probabilityAlive(bg, x, tx, T);
    const purchases = ifAlive * alive;
    const m = spend ? expectedAverageSpend(spend, x, s.repeatSpend[i] as number) : (s.daySpend[i] as number);
    out.pAlive[i] = alive;
    out.expectedPurchases[i] = purchases;
    out.expectedSpend[i] = m;
    out.clv[i] = purchases * m;
  }
  return out;
}

export interface CustomerModels {
  summaries: PurchaseSummaries;
  bgnbd: FitResult<BgNbdParams>;
  /** Null when fewer than minSpendCustomers repeat customers have spend, or the fit has q ≤ 1. */
  gammaGamma: FitResult<GammaGammaParams> | null;
  predictions: CustomerPredictions;
}

export interface CustomerModelOptions extends PredictionOptions, FitOptions {
  /** Fit on these customers only (predictions are still made for everyone). */
  cut?: Cut;
  /** Fewest repeat customers to fit Gamma-Gamma on (default 20). */
  minSpendCustomers?: number;
}

/**
 * Fits BG/NBD (days) on every customer with a purchase before the as-of day and Gamma-Gamma on the repeat
 * customers, then predicts for everyone. Throws RangeError when fewer than 2 customers have a repeat
 * purchase: the model cannot be identified from one-time buyers alone.
 */
export function fitCustomerModels(data: MetricsData, options: CustomerModelOptions): CustomerModels {
  const summaries = purchaseSummaries(data);
  let repeaters = 0;
  for (let i = 0; i < summaries.x.length; i++) {
    if ((summaries.x[i] as number) > 0 && (!options.cut || options.cut[i])) repeaters++;
  }
  if (repeaters < 2) throw new RangeError(`BG/NBD needs ≥ 2 customers with a repeat purchase; found ${repeaters}`);
  const bgnbd = fitBgNbd(groupSummaries(summaries, { cut: options.cut }), options);
  const spendData = spendDataFromSummaries(summaries, options.cut);
  let gammaGamma: FitResult<GammaGammaParams> | null = null;
  if (spendData.x.length >= (options.minSpendCustomers ?? 20)) {
    const fit = fitGammaGamma(spendData, options);
    if (fit.params.q > 1 && fit.converged) gammaGamma = fit;
  }
  const predictions = predictCustomers(summaries, bgnbd.params, gammaGamma?.params ?? null, options);
  return { summaries, bgnbd, gammaGamma, predictions };
}
