// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie 2013 note): each purchase's
// value z ~ Gamma(p, ν) with the customer's ν ~ Gamma(q, γ). Fitted by maximum likelihood on repeat customers
// (x ≥ 1 repeat purchase days, m̄ = mean amount of those repeat days); gives each customer's expected spend
// per purchase day.
import type { Cut } from './cut';
import { minimizeFromStarts, strideSample, type FitOptions, type FitResult, type Objective } from './optimize';
import { digamma, lnGamma } from './special';
import type { PurchaseSummaries } from './summaries';

/** Customers above which the multi-start search runs on a subsample first. */
const COARSE_CUSTOMERS = 40_000;

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Repeat customers' spend: x[i] repeat purchases with mean amount meanSpend[i] (> 0). */
export interface SpendData {
  x: Float64Array;
  meanSpend: Float64Array;
}

/**
 * ln f(m̄ | p, q, γ, x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(γ + x m̄),
 * the density of the mean of x purchase values.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: number, meanSpend: number): number {
  const { p, q, gamma } = params;
  return (
    lnGamma(p * x + q) -
    lnGamma(p * x) -
    lnGamma(q) +
    q * Math.log(gamma) +
    (p * x - 1) * Math.log(meanSpend) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(gamma + x * meanSpend)
  );
}

/**
 * E[M | x, m̄] = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m̄ = p(γ + x m̄) / (px + q − 1): a weighted average of
 * the population mean pγ/(q−1) and the customer's own mean. With x = 0 it is the population mean, which needs
 * q > 1 (NaN otherwise).
 */
export function expectedAverageSpend(params: GammaGammaParams, x: number, meanSpend: number): number {
  const { p, q, gamma } = params;
  const m = x > 0 && meanSpend > 0 ? meanSpend : 0;
  const denominator = p * x + q - 1;
  return denominator > 0 ? (p * (gamma + x * m)) / denominator : NaN;
}

/** Spend data of the customers (in the cut) with ≥ 1 repeat purchase day and a positive repeat mean. */
export function spendDataFromSummaries(s: PurchaseSummaries, cut?: Cut): SpendData {
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < s.x.length; i++) {
    if (cut && !cut[i]) continue;
    const x = s.x[i] as number;
    const m = s.repeatSpend[i] as number;
    if (x >= 1 && m > 0) {
      xs.push(x);
      ms.push(m);
    }
  }
  return { x: Float64Array.from(xs), meanSpend: Float64Array.from(ms) };
}

/**
 * The fit's objective over log-parameters [ln p, ln q, ln γ]: −ln L / N and its analytic gradient. Sums of
 * x·ln m̄, ln m̄ and x·ln x are precomputed, so an evaluation costs one log per customer.
 */
export function gammaGammaObjective(data: SpendData): (v: readonly number[], grad: number[]) => number {
  const n = data.x.length;
  const byX = new Map<number, number>();
  let sumXLnM = 0;
  let sumLnM = 0;
  let sumXLnX = 0;
  for (let i = 0; i < n; i++) {
    const x = data.x[i] as number;
    const m = data.meanSpend[i] as number;
    if (!(x >= 1 && m > 0)) throw new RangeError(`spend data needs x ≥ 1 and mean > 0 (row ${i})`);
    byX.set(x, (byX.get(x) ?? 0) + 1);
    sumXLnM += x * Math.log(m);
    sumLnM += Math.log(m);
    sumXLnX += x * Math.log(x);
  }
  const xValues = [...byX.keys()];
  const xWeights = xValues.map((x) => byX.get(x) as number);
  return (v, grad) => {
    if (v.some((u) => !(Math.abs(u) < 40))) return Infinity;
    const [p, q, gamma] = v.map(Math.exp) as [number, number, number];
    const lnGq = lnGamma(q);
    const psiQ = digamma(q);
    let ll = n * q * Math.log(gamma) + p * sumXLnM - sumLnM + p * sumXLnX;
    let gp = sumXLnM + sumXLnX;
    let gq = n * Math.log(gamma);
    let gg = (n * q) / gamma;
    xValues.forEach((x, j) => {
      const w = xWeights[j] as number;
      ll += w * (lnGamma(p * x + q) - lnGamma(p * x) - lnGq);
      const psiPXQ = digamma(p * x + q);
      gp += w * x * (psiPXQ - digamma(p * x));
      gq += w * (psiPXQ - psiQ);
    });
    for (let i = 0; i < n; i++) {
      const x = data.x[i] as number;
      const denom = gamma + x * (data.meanSpend[i] as number);
      const L = Math.log(denom);
      ll -= (p * x + q) * L;
      gp -= x * L;
      gq -= L;
      gg -= (p * x + q) / denom;
    }
    grad[0] = (-gp * p) / n;
    grad[1] = (-gq * q) / n;
    grad[2] = (-gg * gamma) / n;
    return -ll / n;
  };
}

/** Maximum-likelihood fit (BFGS on log-parameters, analytic gradient; Nelder–Mead fallback). */
export function fitGammaGamma(data: SpendData, options: FitOptions = {}): FitResult<GammaGammaParams> {
  const n = data.x.length;
  if (n === 0) throw new RangeError('Gamma-Gamma needs at least one customer with a repeat purchase');
  const fg = gammaGammaObjective(data);
  let sumM = 0;
  for (let i = 0; i < n; i++) sumM += data.meanSpend[i] as number;
  const mean = sumM / n;
  // E[z] = pγ/(q−1): each start puts the population mean near the observed mean.
  const starts = [
    [1, 2, mean],
    [4, 3, mean / 2],
    [10, 10, mean],
  ].map((s) => s.map(Math.log));
  const full = { fg, f: (v: readonly number[]): number => fg(v, [0, 0, 0]) };
  // Large inputs: the starts race on an every-k-th-customer subsample; the winner is refined on everyone.
  let coarse: Objective | undefined;
  if (n > COARSE_CUSTOMERS) {
    const pick = strideSample(n, COARSE_CUSTOMERS);
    const sub = gammaGammaObjective({
      x: Float64Array.from(pick, (i) => data.x[i] as number),
      meanSpend: Float64Array.from(pick, (i) => data.meanSpend[i] as number),
    });
    coarse = { fg: sub, f: (v) => sub(v, [0, 0, 0]) };
  }
  const result = minimizeFromStarts(full, starts, options, coarse);
  const [p, q, gamma] = result.best.x.map(Math.exp) as [number, number, number];
  return {
    params: { p, q, gamma },
    logLikelihood: -result.best.value * n,
    customers: n,
    converged: result.best.converged,
    method: result.method,
    iterations: result.iterations,
    evaluations: result.evaluations,
  };
}
