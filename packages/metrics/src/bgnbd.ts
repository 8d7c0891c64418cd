// BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): purchases follow a
// Poisson process with rate λ ~ Gamma(r, α) while a customer is alive; after each repeat purchase the customer
// drops out with probability p ~ Beta(a, b). Time is in whatever unit the summaries are in (Kizuna uses
// days). Log-likelihood, maximum-likelihood fit, P(alive) and conditional expected purchases.
import { aliveHorizonPurchases } from './bgnbdHorizon';
import { minimizeFromStarts, strideSample, type FitOptions, type FitResult, type Objective } from './optimize';
import { digamma, lnGamma, logSumExp } from './special';
import type { SummaryGroups } from './summaries';

/** Triples above which the multi-start search runs on a subsample first. */
const COARSE_GROUPS = 40_000;

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * ln L(r, α, a, b | x, t_x, T) = ln A1 + ln A2 + ln(A3 + δ(x>0)·A4), with
 *   A1 = Γ(r+x) α^r / Γ(r),                A2 = Γ(a+b) Γ(b+x) / (Γ(b) Γ(a+b+x)),
 *   A3 = (α+T)^−(r+x),                     A4 = a / (b+x−1) · (α+t_x)^−(r+x),
 * the last sum taken as a log-sum-exp so it neither overflows nor underflows.
 */
export function bgnbdLogLikelihood(p: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const lnA1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const lnA2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const lnA3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return lnA1 + lnA2 + lnA3;
  const lnA4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return lnA1 + lnA2 + logSumExp(lnA3, lnA4);
}

/** Σ weight · ln L over grouped summaries. */
export function bgnbdTotalLogLikelihood(p: BgNbdParams, groups: SummaryGroups): number {
  let sum = 0;
  for (let k = 0; k < groups.x.length; k++) {
    sum += (groups.weight[k] as number) * bgnbdLogLikelihood(p, groups.x[k] as number, groups.tx[k] as number, groups.T[k] as number);
  }
  return sum;
}

/** ln of the odds term a/(b+x−1) · ((α+T)/(α+t_x))^(r+x) of P(alive) (−∞ when x = 0). */
function lnDeathOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return -Infinity;
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). A customer with no repeat
 * purchase is alive with probability 1: in BG/NBD drop-out only happens right after a repeat purchase.
 */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  const odds = lnDeathOdds(p, x, tx, T);
  return odds > 0 ? Math.exp(-odds) / (1 + Math.exp(-odds)) : 1 / (1 + Math.exp(odds));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t time units of a customer with that history,
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)] / (1 + δ(x>0)·odds),
 * z = t/(α+T+t). That form is 0/0 at a = 1, cancels when a + b is large, and its 2F1 series needs ~a·z/(1−z)
 * terms; expectedPurchasesIfAlive sums an equivalent series of positive terms instead (see bgnbdHorizon.ts).
 */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  return expectedPurchasesIfAlive(p, t, x, T) * probabilityAlive(p, x, tx, T);
}

/**
 * E[Y(t) | alive at T, x, T]: the part of expectedPurchases that does not depend on t_x (callers predicting
 * for many customers cache it per (x, T) and multiply by each customer's P(alive)).
 */
export function expectedPurchasesIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  if (!(t >= 0)) throw new RangeError(`horizon must be ≥ 0; got ${t}`);
  if (t === 0) return 0;
  return aliveHorizonPurchases(p.r + x, t / (p.alpha + T), p.a, p.b + x);
}

/** E[X(t)]: expected repeat purchases in the first t time units of a new customer (x = t_x = T = 0). */
export function expectedPurchasesNewCustomer(p: BgNbdParams, t: number): number {
  return expectedPurchases(p, t, 0, 0, 0);
}

/**
 * The fit's objective over log-parameters [ln r, ln α, ln a, ln b]: −ln L / N and its analytic gradient,
 * with per-x and per-time caches so each evaluation costs one exp and one log1p per distinct triple.
 */
export function bgnbdObjective(groups: SummaryGroups): { fg: (v: readonly number[], g: number[]) => number; total: number } {
  const n = groups.x.length;
  const distinct = (values: Float64Array): { values: number[]; index: Int32Array } => {
    const map = new Map<number, number>();
    const index = new Int32Array(values.length);
    for (let k = 0; k < values.length; k++) {
      const v = values[k] as number;
      let j = map.get(v);
      if (j === undefined) {
        j = map.size;
        map.set(v, j);
      }
      index[k] = j;
    }
    return { values: [...map.keys()], index };
  };
  const X = distinct(groups.x);
  const TT = distinct(groups.T);
  const TX = distinct(groups.tx);
  const nx = X.values.length;
  const wx = new Float64Array(nx);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const w = groups.weight[k] as number;
    wx[X.index[k] as number] = (wx[X.index[k] as number] as number) + w;
    total += w;
  }
  const c4 = new Float64Array(nx);
  const lT = new Float64Array(TT.values.length);
  const iT = new Float64Array(TT.values.length);
  const lt = new Float64Array(TX.values.length);
  const it = new Float64Array(TX.values.length);
  const fg = (v: readonly number[], grad: number[]): number => {
    if (v.some((u) => !(Math.abs(u) < 30))) return Infinity;
    const [r, alpha, a, b] = v.map(Math.exp) as [number, number, number, number];
    let ll = 0;
    let gr = 0;
    let gal = 0;
    let ga = 0;
    let gb = 0;
    const lnAlpha = Math.log(alpha);
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    const lnGr = lnGamma(r);
    const lnGab = lnGamma(a + b);
    const lnGb = lnGamma(b);
    for (let j = 0; j < nx; j++) {
      const x = X.values[j] as number;
      const w = wx[j] as number;
      ll += w * (lnGamma(r + x) - lnGr + r * lnAlpha + lnGab + lnGamma(b + x) - lnGb - lnGamma(a + b + x));
      const psiABX = digamma(a + b + x);
      gr += w * (digamma(r + x) - psiR + lnAlpha);
      gal += (w * r) / alpha;
      ga += w * (psiAB - psiABX);
      gb += w * (psiAB + digamma(b + x) - psiB - psiABX);
      c4[j] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    }
    TT.values.forEach((T, j) => {
      lT[j] = Math.log(alpha + T);
      iT[j] = 1 / (alpha + T);
    });
    TX.values.forEach((t, j) => {
      lt[j] = Math.log(alpha + t);
      it[j] = 1 / (alpha + t);
    });
    for (let k = 0; k < n; k++) {
      const w = groups.weight[k] as number;
      const xj = X.index[k] as number;
      const x = X.values[xj] as number;
      const Tj = TT.index[k] as number;
      const s = r + x;
      const l3 = -s * (lT[Tj] as number);
      if (x === 0) {
        ll += w * l3;
        gr -= w * (lT[Tj] as number);
        gal -= w * s * (iT[Tj] as number);
        continue;
      }
      const tj = TX.index[k] as number;
      const l4 = (c4[xj] as number) - s * (lt[tj] as number);
      const hi = Math.max(l3, l4);
      const e = Math.exp(-Math.abs(l3 - l4));
      ll += w * (hi + Math.log1p(e));
      // Softmax weights of the two terms.
      const w4 = l4 >= l3 ? 1 / (1 + e) : e / (1 + e);
      const w3 = 1 - w4;
      gr -= w * (w3 * (lT[Tj] as number) + w4 * (lt[tj] as number));
      gal -= w * s * (w3 * (iT[Tj] as number) + w4 * (it[tj] as number));
      ga += (w * w4) / a;
      gb -= (w * w4) / (b + x - 1);
    }
    grad[0] = (-gr * r) / total;
    grad[1] = (-gal * alpha) / total;
    grad[2] = (-ga * a) / total;
    grad[3] = (-gb * b) / total;
    return -ll / total;
  };
  return { fg, total };
}

/**
 * Maximum-likelihood BG/NBD fit over grouped summaries: BFGS on log-parameters with the analytic gradient
 * from three starting points (raced on a subsample when there are more than 40,000 triples, the winner then
 * refined on all of them), falling back to Nelder–Mead with restarts if BFGS did not converge.
 */
export function fitBgNbd(groups: SummaryGroups, options: FitOptions = {}): FitResult<BgNbdParams> {
  const { fg, total } = bgnbdObjective(groups);
  if (!(total > 0)) throw new RangeError('BG/NBD needs at least one customer with a purchase');
  let sumT = 0;
  let sumX = 0;
  for (let k = 0; k < groups.x.length; k++) {
    sumT += (groups.weight[k] as number) * (groups.T[k] as number);
    sumX += (groups.weight[k] as number) * ((groups.x[k] as number) + 1);
  }
  // α is a time scale: start it near the observed time per purchase.
  const alpha0 = Math.max(1e-3, sumT / sumX);
  const starts = [
    [1, alpha0, 1, 1],
    [0.5, alpha0 / 2, 0.5, 3],
    [2, alpha0 * 2, 2, 6],
  ].map((s) => s.map(Math.log));
  const full = { fg, f: (v: readonly number[]): number => fg(v, [0, 0, 0, 0]) };
  // Above COARSE_GROUPS triples the starts race on an every-k-th-triple subsample (each triple equally
  // likely to be kept, so its likelihood is unbiased up to scale); only the winner runs on all triples.
  let coarse: Objective | undefined;
  if (groups.x.length > COARSE_GROUPS) {
    const pick = strideSample(groups.x.length, COARSE_GROUPS);
    const sub = bgnbdObjective({
      x: Float64Array.from(pick, (i) => groups.x[i] as number),
      tx: Float64Array.from(pick, (i) => groups.tx[i] as number),
      T: Float64Array.from(pick, (i) => groups.T[i] as number),
      weight: Float64Array.from(pick, (i) => groups.weight[i] as number),
    });
    coarse = { fg: sub.fg, f: (v) => sub.fg(v, [0, 0, 0, 0]) };
  }
  const result = minimizeFromStarts(full, starts, options, coarse);
  const [r, alpha, a, b] = result.best.x.map(Math.exp) as [number, number, number, number];
  return {
    params: { r, alpha, a, b },
    logLikelihood: -result.best.value * total,
    customers: total,
    converged: result.best.converged,
    method: result.method,
    iterations: result.iterations,
    evaluations: result.evaluations,
  };
}
