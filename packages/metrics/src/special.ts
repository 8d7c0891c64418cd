// Special functions the prediction models need: log-gamma, digamma, a stable log-sum-exp, and the Gauss
// hypergeometric function 2F1 (plus the "tail" form that BG/NBD's expected purchases need near a = 1).

const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];
const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln |Γ(x)| for real x that is not a non-positive integer (Lanczos, g = 7; ~1e-15 relative accuracy). */
export function lnGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return Infinity;
  if (x < 0.5) {
    // Reflection keeps the Lanczos sum in its accurate range.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LN_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Digamma ψ(x) = d/dx ln Γ(x): recurrence up to x ≥ 10, then the asymptotic series (~1e-15 absolute). */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  if (x < 0) return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series =
    inv2 *
    (-1 / 12 +
      inv2 * (1 / 120 + inv2 * (-1 / 252 + inv2 * (1 / 240 + inv2 * (-1 / 132 + inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(x) - 0.5 / x + series;
}

/** ln(e^a + e^b) without overflow or underflow. */
export function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** (e^y − 1) / y, continuous at y = 0 (where it is 1). */
export function expm1OverX(y: number): number {
  return Math.abs(y) < 1e-10 ? 1 + y / 2 : Math.expm1(y) / y;
}

export interface HypergeometricOptions {
  /** Give up (RangeError) after this many terms; the count grows like 36 / (1 − z) near z = 1. */
  maxTerms?: number;
}

const DEFAULT_MAX_TERMS = 2_000_000;
const SERIES_EPS = 1e-16;

/**
 * Σ_{n≥0} t_n with t_0 = first and t_{n+1} = t_n · (a+n)(b+n) / ((c+n)(n+1)) · z, for 0 ≤ z < 1 — the
 * shared engine of hyp2f1 and hyp2f1Tail. `n0` is the index of the first term. Stops when a geometric bound
 * on the remaining tail is below 1e-16 of the sum, which is rigorous once the term ratio has settled
 * towards z (ratio → z as n → ∞).
 */
function ratioSeries(first: number, n0: number, a: number, b: number, c: number, z: number, maxTerms: number): number {
  let term = first;
  let sum = first;
  for (let n = n0; n < n0 + maxTerms; n++) {
    if (term === 0) return sum;
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    const absRatio = Math.abs(ratio);
    // Past the largest of |a|, |b|, |c| the ratio moves monotonically towards z, so max(|ratio|, z)
    // bounds every later ratio and the tail is at most |term|·ρ/(1−ρ).
    if (n > Math.abs(a) + Math.abs(b) + Math.abs(c) + 2) {
      const rho = Math.max(absRatio, z);
      if (rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= SERIES_EPS * Math.abs(sum)) return sum;
    }
  }
  throw new RangeError(`hypergeometric series did not converge in ${maxTerms} terms (z = ${z})`);
}

function assertC(c: number): void {
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`2F1 is undefined for c = ${c}`);
}

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real z ≤ 1.
 * - 0 ≤ z < 1: the power series (all terms are summed exactly as long as they are needed; slow as z → 1).
 * - z < 0: Pfaff's transformation (1−z)^(−a) · 2F1(a, c−b; c; z/(z−1)) maps the argument into [0, 1).
 * - z = 1: Gauss's theorem Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) when c − a − b > 0 and all those gammas are positive.
 * Anything else (z > 1, the analytic continuation) is a RangeError rather than a silent wrong number.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, options: HypergeometricOptions = {}): number {
  assertC(c);
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_TERMS;
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    const w = z / (z - 1);
    return Math.pow(1 - z, -a) * ratioSeries(1, 0, a, c - b, c, w, maxTerms);
  }
  if (z < 1) return ratioSeries(1, 0, a, b, c, z, maxTerms);
  if (z === 1 && c - a - b > 0 && c > 0 && c - a > 0 && c - b > 0) {
    return Math.exp(lnGamma(c) + lnGamma(c - a - b) - lnGamma(c - a) - lnGamma(c - b));
  }
  throw new RangeError(`hyp2f1 supports z < 1 (and z = 1 with c − a − b > 0); got z = ${z}`);
}

/**
 * (2F1(a, b; c; z) − 1) / b for 0 ≤ z < 1, summed termwise as Σ_{n≥1} (a)_n (b+1)_{n−1} / ((c)_n n!) z^n so
 * that it stays exact as b → 0 (where 2F1 − 1 would lose every digit to cancellation).
 */
export function hyp2f1Tail(a: number, b: number, c: number, z: number, options: HypergeometricOptions = {}): number {
  assertC(c);
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1Tail needs 0 ≤ z < 1; got z = ${z}`);
  if (z === 0 || a === 0) return 0;
  return ratioSeries((a / c) * z, 1, a, b, c, z, options.maxTerms ?? DEFAULT_MAX_TERMS);
}

/** Standard normal upper tail P(Z > z), via erfc (Numerical Recipes' Chebyshev fit, ~1.2e-7 relative). */
export function normalSurvival(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? y : 2 - y;
}
