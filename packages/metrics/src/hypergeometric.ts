// The Gauss hypergeometric function 2F1 for real arguments: the power series, summed with rescaling so large
// parameters neither overflow nor stall, after whichever linear transformation (Euler, Pfaff) needs the
// fewest terms without losing digits to cancellation.
import { lnGamma } from './special';

export interface HypergeometricOptions {
  /** Give up (RangeError) after this many terms; by default a bound derived from a, b, c and z. */
  maxTerms?: number;
}

/** Relative size of the rest of the series at which summing stops. */
const SERIES_EPS = 2 ** -53;
/** A series whose largest term is this many times its sum has lost too many digits; try another form. */
const MAX_LOSS = 1e5;
/** Refuse (rather than spin) when the derived term count is past this. */
const TERM_LIMIT = 50_000_000;
const RESCALE = 2 ** 900;
const LN_RESCALE = 900 * Math.LN2;

/** A real number as sign · e^lnAbs, so values far outside double range stay representable. */
interface LogValue {
  sign: number;
  lnAbs: number;
}

interface SeriesResult extends LogValue {
  /** Largest |term| / |sum|: 1 without cancellation, 10^k when k digits were lost. */
  loss: number;
}

/**
 * A bound on |t_{m+1}/t_m| for every m ≥ n, valid once a+n, b+n, c+n > 0: the ratio is |z| times
 * (a+m)/(c+m) · (b+m)/(m+1) (or the other pairing), each factor moving monotonically towards 1, so each is
 * at most max(1, its value at n). The better pairing matters: with b in the millions, (b+n)/(c+n) is below 1
 * from the start while (b+n)/(n+1) only gets there after a million terms.
 */
function laterRatioBound(a: number, b: number, c: number, z: number, n: number): number {
  const m1 = Math.max(1, (a + n) / (c + n)) * Math.max(1, (b + n) / (n + 1));
  const m2 = Math.max(1, (a + n) / (n + 1)) * Math.max(1, (b + n) / (c + n));
  return Math.abs(z) * Math.min(m1, m2);
}

/** About where the terms stop growing: the largest n with |(a+n)(b+n)z| ≥ |(c+n)(n+1)| (0 if none). */
function peakIndex(a: number, b: number, c: number, z: number): number {
  const az = Math.abs(z);
  // (1−|z|)·n² − (|z|(a+b) − c − 1)·n − (|z|·a·b − c) = 0, largest root.
  const A = 1 - az;
  const B = az * (a + b) - c - 1;
  const C = az * a * b - c;
  const disc = B * B + 4 * A * C;
  if (!(disc >= 0)) return 0;
  return Math.max(0, (B + Math.sqrt(disc)) / (2 * A));
}

/** Terms a series needs: past every negative parameter and the peak, then a geometric tail at rate |z|. */
function derivedTermCap(a: number, b: number, c: number, z: number): number {
  const shift = Math.max(0, -a, -b, -c);
  return Math.ceil(2 * (shift + peakIndex(a, b, c, z)) + 60 / (1 - Math.abs(z))) + 1000;
}

/**
 * Σ_{n≥n0} t_n with t_{n0} = first and t_{n+1} = t_n · (a+n)(b+n) / ((c+n)(n+1)) · z, for |z| < 1. The running
 * sum is rescaled by 2^900 whenever a term gets large, so it never overflows; summing stops when a geometric
 * bound on the rest is below 2^−53 of the sum.
 */
function ratioSeries(first: number, n0: number, a: number, b: number, c: number, z: number, maxTerms: number): SeriesResult {
  let term = first;
  let sum = first;
  let lnScale = 0;
  let maxAbs = Math.abs(first);
  const shift = Math.max(0, -a, -b, -c);
  const done = (): SeriesResult => ({
    sign: Math.sign(sum),
    lnAbs: Math.log(Math.abs(sum)) + lnScale,
    loss: sum === 0 ? Infinity : maxAbs / Math.abs(sum),
  });
  for (let n = n0; n < n0 + maxTerms; n++) {
    if (term === 0) return done();
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    const absTerm = Math.abs(term);
    if (absTerm > maxAbs) maxAbs = absTerm;
    if (absTerm > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      maxAbs /= RESCALE;
      lnScale += LN_RESCALE;
    }
    if (n + 1 > shift) {
      const rho = laterRatioBound(a, b, c, z, n + 1);
      if (rho < 1 && Math.abs(term) * rho <= SERIES_EPS * Math.abs(sum) * (1 - rho)) return done();
    }
  }
  throw new RangeError(`hypergeometric series did not converge in ${maxTerms} terms (z = ${z})`);
}

function assertC(c: number): void {
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`2F1 is undefined for c = ${c}`);
}

/** A form prefactor · 2F1(a, b; c; z) with |z| < 1, the prefactor given by its log (it is positive). */
interface Form {
  lnPrefactor: number;
  a: number;
  b: number;
  c: number;
  z: number;
}

/** The forms with argument inside the unit disc: direct, Euler, and both Pfaff forms (w = z/(z−1)). */
function candidateForms(a: number, b: number, c: number, z: number): Form[] {
  const forms: Form[] = [];
  const ln1mz = Math.log1p(-z);
  if (Math.abs(z) < 1) {
    forms.push({ lnPrefactor: 0, a, b, c, z });
    // Euler: 2F1(a, b; c; z) = (1−z)^(c−a−b) 2F1(c−a, c−b; c; z).
    forms.push({ lnPrefactor: (c - a - b) * ln1mz, a: c - a, b: c - b, c, z });
  }
  const w = z / (z - 1);
  if (Math.abs(w) < 1) {
    // Pfaff: (1−z)^(−a) 2F1(a, c−b; c; w) = (1−z)^(−b) 2F1(c−a, b; c; w).
    forms.push({ lnPrefactor: -a * ln1mz, a, b: c - b, c, z: w });
    forms.push({ lnPrefactor: -b * ln1mz, a: c - a, b, c, z: w });
  }
  return forms;
}

/** Terminating series (a or b a non-positive integer) first, then by the number of terms they need. */
function formCost(f: Form): number {
  const terminates = [f.a, f.b].some((p) => p <= 0 && Number.isInteger(p));
  if (terminates) return Math.min(...[f.a, f.b].filter((p) => p <= 0 && Number.isInteger(p)).map((p) => -p));
  // Alternating series (negative argument) are likelier to cancel: counted as twice the work.
  return derivedTermCap(f.a, f.b, f.c, f.z) * (f.z < 0 ? 2 : 1);
}

function evaluate(a: number, b: number, c: number, z: number, options: HypergeometricOptions): LogValue {
  assertC(c);
  if ([a, b, c, z].some((v) => !Number.isFinite(v))) throw new RangeError(`2F1 needs finite arguments; got ${[a, b, c, z].join(', ')}`);
  if (z === 0 || a === 0 || b === 0) return { sign: 1, lnAbs: 0 };
  if (z === 1) {
    if (c - a - b > 0 && c > 0 && c - a > 0 && c - b > 0) {
      return { sign: 1, lnAbs: lnGamma(c) + lnGamma(c - a - b) - lnGamma(c - a) - lnGamma(c - b) };
    }
    throw new RangeError(`2F1 at z = 1 needs c − a − b > 0 and c, c − a, c − b > 0; got a = ${a}, b = ${b}, c = ${c}`);
  }
  if (z > 1) throw new RangeError(`hyp2f1 supports z < 1 (and z = 1 with c − a − b > 0); got z = ${z}`);
  const forms = candidateForms(a, b, c, z).sort((f, g) => formCost(f) - formCost(g));
  let lossiest: SeriesResult | undefined;
  for (const f of forms) {
    const cap = options.maxTerms ?? derivedTermCap(f.a, f.b, f.c, f.z);
    if (options.maxTerms === undefined && cap > TERM_LIMIT) continue;
    const s = ratioSeries(1, 0, f.a, f.b, f.c, f.z, cap);
    if (s.loss <= MAX_LOSS) return { sign: s.sign, lnAbs: s.lnAbs + f.lnPrefactor };
    if (!lossiest || s.loss < lossiest.loss) lossiest = s;
  }
  if (lossiest) {
    throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) loses ${Math.log10(lossiest.loss).toFixed(0)} digits to cancellation in every form`);
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) needs more than ${TERM_LIMIT} series terms in every form`);
}

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real z ≤ 1.
 * - z < 1: the power series of whichever of the direct, Euler and Pfaff forms (argument z or z/(z−1), both
 *   inside the unit disc) needs the fewest terms, accepted only if its terms did not cancel by more than 10^5.
 *   Each stops on a rigorous tail bound, with a term cap derived from the parameters (2·(peak term index +
 *   largest negative parameter) + 60/(1−|z|) + 1000). The value may be ±Infinity when it exceeds the double
 *   range (lnHyp2f1 gives its log).
 * - z = 1: Gauss's theorem Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) when c − a − b > 0 and all those gammas are positive.
 * RangeError for c a non-positive integer, z > 1 (the analytic continuation), z = 1 outside Gauss's theorem,
 * and the rare argument where every form would cancel or need more than 5·10^7 terms.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, options: HypergeometricOptions = {}): number {
  const v = evaluate(a, b, c, z, options);
  return v.sign * Math.exp(v.lnAbs);
}

/** ln 2F1(a, b; c; z) where 2F1 is positive (RangeError otherwise): for values beyond the double range. */
export function lnHyp2f1(a: number, b: number, c: number, z: number, options: HypergeometricOptions = {}): number {
  const v = evaluate(a, b, c, z, options);
  if (v.sign <= 0) throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) is not positive`);
  return v.lnAbs;
}

/**
 * (2F1(a, b; c; z) − 1) / b for 0 ≤ z < 1, summed termwise as Σ_{n≥1} (a)_n (b+1)_{n−1} / ((c)_n n!) z^n so
 * that it stays exact as b → 0 (where 2F1 − 1 would lose every digit to cancellation).
 */
export function hyp2f1Tail(a: number, b: number, c: number, z: number, options: HypergeometricOptions = {}): number {
  assertC(c);
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1Tail needs 0 ≤ z < 1; got z = ${z}`);
  if (z === 0 || a === 0) return 0;
  const cap = options.maxTerms ?? derivedTermCap(a, b, c, z);
  const s = ratioSeries((a / c) * z, 1, a, b, c, z, cap);
  if (s.loss > MAX_LOSS) throw new RangeError(`hyp2f1Tail(${a}, ${b}; ${c}; ${z}) loses ${Math.log10(s.loss).toFixed(0)} digits to cancellation`);
  return s.sign * Math.exp(s.lnAbs);
}
