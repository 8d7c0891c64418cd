// The prediction models behind p_alive, expected purchases and predicted CLV: BG/NBD + Gamma-Gamma fitted as
// of the as-of day (per customer values for the predictions table and the CLV tile), the same parameters
// applied to histories cut at an earlier day (the tile's previous period), and a calibration/holdout check
// of the BG/NBD fit (predicted vs actual purchases by number of repeat purchases, as in Fader, Hardie & Lee
// 2005, figure 4).
import {
  expectedPurchasesIfAlive,
  fitBgNbd,
  fitCustomerModels,
  groupSummaries,
  predictCustomers,
  probabilityAlive,
  purchaseSummaries,
  type BgNbdParams,
  type GammaGammaParams,
  dayToIso,
  type MetricsData,
} from '@kizuna/metrics';

/** Predicted CLV covers this many days from the as-of day. */
export const CLV_HORIZON_DAYS = 365;
/** The expected-purchases column of the predictions table covers this many days. */
export const EXPECTED_PURCHASES_DAYS = 90;
/** Longest holdout of the calibration check: 26 weeks, half of the paper's 78-week split. */
export const MAX_HOLDOUT_DAYS = 182;
/** Shorter holdouts say too little to be worth showing. */
const MIN_HOLDOUT_DAYS = 28;
/** Calibration repeat purchases from this many on share one bucket ("7+"). */
export const REPEAT_BUCKETS = 7;

export interface ModelParams {
  bgnbd: BgNbdParams & { logLikelihood: number; customers: number; converged: boolean };
  /** Null when too few repeat customers spent money to fit it: CLV then uses each customer's own mean spend. */
  gammaGamma: (GammaGammaParams & { customers: number }) | null;
}

export interface FittedModels {
  params: ModelParams;
  /** Per customer index; NaN for customers without a purchase before the as-of day. */
  pAlive: Float64Array;
  expectedPurchases90d: Float64Array;
  /** Minor units over CLV_HORIZON_DAYS. */
  clv: Float64Array;
  fitMs: number;
}

export type ModelOutcome = { ok: true; models: FittedModels } | { ok: false; reason: string };

/** Fits both models on every customer with a purchase before the as-of day and predicts for everyone. */
export function fitModels(data: MetricsData): ModelOutcome {
  const started = performance.now();
  let fitted;
  try {
    fitted = fitCustomerModels(data, { horizonDays: CLV_HORIZON_DAYS });
  } catch (err) {
    // Too few repeat buyers to identify the model: no predictions, said plainly, rather than a failed page.
    if (err instanceof RangeError) return { ok: false, reason: err.message };
    throw err;
  }
  const gg = fitted.gammaGamma;
  const ninety = predictCustomers(fitted.summaries, fitted.bgnbd.params, gg?.params ?? null, { horizonDays: EXPECTED_PURCHASES_DAYS });
  return {
    ok: true,
    models: {
      params: {
        bgnbd: {
          ...fitted.bgnbd.params,
          logLikelihood: fitted.bgnbd.logLikelihood,
          customers: fitted.bgnbd.customers,
          converged: fitted.bgnbd.converged,
        },
        gammaGamma: gg ? { ...gg.params, customers: gg.customers } : null,
      },
      pAlive: fitted.predictions.pAlive,
      expectedPurchases90d: ninety.expectedPurchases,
      clv: fitted.predictions.clv,
      fitMs: Math.round(performance.now() - started),
    },
  };
}

/**
 * Predicted CLV of every customer from the histories before `boundaryDay` (≤ the as-of day), with the
 * parameters fitted as of the as-of day: what the model says the base was worth at an earlier day.
 */
export function clvAt(data: MetricsData, params: ModelParams, boundaryDay: number): Float64Array {
  const summaries = purchaseSummaries({ ...data, asOfDay: Math.min(boundaryDay, data.asOfDay) });
  return predictCustomers(summaries, params.bgnbd, params.gammaGamma, { horizonDays: CLV_HORIZON_DAYS }).clv;
}

export interface ModelCheckBucket {
  /** Repeat purchase days in the calibration period; the last bucket holds REPEAT_BUCKETS and more. */
  repeatPurchases: number;
  customers: number;
  /** Mean purchase days per customer in the holdout period; null for an empty bucket. */
  actual: number | null;
  /** Mean the model fitted on the calibration period expects; null for an empty bucket. */
  predicted: number | null;
}

export interface ModelCheck {
  /** Last day of the calibration period. */
  calibrationEndDate: string;
  holdoutStartDate: string;
  holdoutEndDate: string;
  holdoutDays: number;
  params: BgNbdParams;
  buckets: ModelCheckBucket[];
  /** Over every calibration customer: purchase days in the holdout, actual and expected. */
  total: { customers: number; actual: number; predicted: number };
}

export type ModelCheckOutcome = { ok: true; check: ModelCheck } | { ok: false; reason: string };

/**
 * Splits the history before the as-of day into a calibration period and a holdout of up to 26 weeks, fits
 * BG/NBD on the calibration period, and compares each customer's expected purchase days in the holdout with
 * the actual ones, grouped by calibration repeat purchases.
 */
export function modelCheck(data: MetricsData): ModelCheckOutcome {
  const { orders, asOfDay, customers } = data;
  let firstDay = Infinity;
  for (let i = 0; i < customers.count; i++) {
    const k = orders.offsets[i] as number;
    if (k < (orders.offsets[i + 1] as number)) firstDay = Math.min(firstDay, orders.day[k] as number);
  }
  const span = asOfDay - firstDay;
  const holdoutDays = Math.min(MAX_HOLDOUT_DAYS, Math.floor(span / 2));
  if (!Number.isFinite(span) || holdoutDays < MIN_HOLDOUT_DAYS) {
    return { ok: false, reason: `the history before the as-of date is too short for a holdout of ${MIN_HOLDOUT_DAYS} days or more` };
  }
  const calibrationEnd = asOfDay - holdoutDays;
  const s = purchaseSummaries({ ...data, asOfDay: calibrationEnd });
  let repeaters = 0;
  for (let i = 0; i < s.x.length; i++) if ((s.x[i] as number) > 0) repeaters++;
  if (repeaters < 2) return { ok: false, reason: `BG/NBD needs ≥ 2 customers with a repeat purchase in the calibration period; found ${repeaters}` };
  const params = fitBgNbd(groupSummaries(s)).params;

  const buckets = Array.from({ length: REPEAT_BUCKETS + 1 }, (_, x) => ({ repeatPurchases: x, customers: 0, actual: 0, predicted: 0 }));
  const ifAlive = new Map<number, number>();
  const total = { customers: 0, actual: 0, predicted: 0 };
  for (let i = 0; i < customers.count; i++) {
    const x = s.x[i] as number;
    if (x < 0) continue;
    const T = s.T[i] as number;
    const key = x * 4294967296 + T;
    let alive = ifAlive.get(key);
    if (alive === undefined) {
      alive = expectedPurchasesIfAlive(params, holdoutDays, x, T);
      ifAlive.set(key, alive);
    }
    const predicted = alive * probabilityAlive(params, x, s.tx[i] as number, T);
    // Purchase days in the holdout: distinct order days in [calibrationEnd, asOfDay − 1].
    let actual = 0;
    let last = Number.NaN;
    for (let k = orders.offsets[i] as number; k < (orders.offsets[i + 1] as number); k++) {
      const d = orders.day[k] as number;
      if (d < calibrationEnd) continue;
      if (d >= asOfDay) break;
      if (d !== last) {
        actual++;
        last = d;
      }
    }
    const b = buckets[Math.min(x, REPEAT_BUCKETS)]!;
    b.customers++;
    b.actual += actual;
    b.predicted += predicted;
    total.customers++;
    total.actual += actual;
    total.predicted += predicted;
  }
  return {
    ok: true,
    check: {
      calibrationEndDate: dayToIso(calibrationEnd - 1),
      holdoutStartDate: dayToIso(calibrationEnd),
      holdoutEndDate: dayToIso(asOfDay - 1),
      holdoutDays,
      params,
      buckets: buckets.map((b) => ({
        repeatPurchases: b.repeatPurchases,
        customers: b.customers,
        actual: b.customers ? b.actual / b.customers : null,
        predicted: b.customers ? b.predicted / b.customers : null,
      })),
      total,
    },
  };
}
