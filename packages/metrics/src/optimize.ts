// Unconstrained minimizers for the maximum-likelihood fits: BFGS with an analytic gradient (fast, used
// first) and Nelder–Mead with restarts (derivative-free fallback and cross-check). Callers optimize over
// log-parameters so positivity constraints disappear.

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** BFGS only: the final inverse-Hessian estimate (row-major), reusable as a warm start. */
  inverseHessian?: number[];
}

/** Returns f(x) and writes ∇f(x) into grad. Non-finite values mean "outside the usable region". */
export type ValueAndGradient = (x: readonly number[], grad: number[]) => number;

export interface BfgsOptions {
  maxIterations?: number;
  /**
   * Converged when the largest |gradient component| is below this. The fits minimize a mean −ln L per
   * customer, where 1e-6 already pins log-parameters far below their statistical error and tighter values
   * only chase floating-point noise in sums over a million terms.
   */
  gradientTolerance?: number;
  /** Largest step (Euclidean norm) one iteration may take; keeps log-parameters from leaping to ±∞. */
  maxStep?: number;
  /** Warm start for the inverse Hessian (row-major n × n), e.g. from a fit on a subsample. */
  initialInverseHessian?: readonly number[];
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function maxAbs(a: readonly number[]): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * BFGS quasi-Newton minimization with a backtracking (Armijo) line search using quadratic interpolation.
 * The inverse-Hessian estimate starts as the warm start or a curvature-scaled identity and skips updates
 * whose curvature condition fails, so it stays positive definite. Stops on a small gradient, when no step
 * can lower f beyond rounding, or after maxIterations.
 */
export function bfgs(fg: ValueAndGradient, x0: readonly number[], options: BfgsOptions = {}): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-6;
  const maxStep = options.maxStep ?? 4;
  let x = [...x0];
  let g = new Array<number>(n).fill(0);
  let f = fg(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f)) return { x, value: f, iterations: 0, evaluations, converged: false };
  let H = options.initialInverseHessian ? [...options.initialInverseHessian] : identity(n);
  let scaleIdentity = !options.initialInverseHessian;
  const done = (iterations: number, converged: boolean): MinimizeResult => ({
    x,
    value: f,
    iterations,
    evaluations,
    converged,
    inverseHessian: H,
  });
  for (let iter = 1; iter <= maxIterations; iter++) {
    if (maxAbs(g) < gtol) return done(iter - 1, true);
    let d = matVec(H, g).map((v) => -v);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Lost descent (numerical trouble): restart from steepest descent.
      H = identity(n);
      d = g.map((v) => -v);
      slope = dot(g, d);
    }
    const norm = Math.sqrt(dot(d, d));
    let step = norm > maxStep ? maxStep / norm : 1;
    const gNew = new Array<number>(n).fill(0);
    let xNew = x;
    let fNew = Infinity;
    let accepted = false;
    // Below this a predicted decrease is lost in rounding: no step can be verified any more.
    const noise = 1e-14 * Math.max(1, Math.abs(f));
    while (-slope * step > noise) {
      xNew = x.map((v, i) => v + step * (d[i] as number));
      fNew = fg(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      // Minimum of the quadratic through f, slope and fNew, kept within [0.1, 0.5] of the step.
      const q = Number.isFinite(fNew) ? (-slope * step * step) / (2 * (fNew - f - slope * step)) : 0.1 * step;
      step = Math.min(0.5 * step, Math.max(0.1 * step, q));
    }
    if (!accepted) return done(iter, maxAbs(g) < gtol * 1e2);
    const s = xNew.map((v, i) => v - (x[i] as number));
    const y = gNew.map((v, i) => v - (g[i] as number));
    const sy = dot(s, y);
    x = xNew;
    f = fNew;
    g = gNew;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (scaleIdentity) {
        // Scale the initial identity to the observed curvature (Nocedal & Wright 6.20).
        H = identity(n).map((v) => (v * sy) / dot(y, y));
        scaleIdentity = false;
      }
      H = bfgsUpdate(H, s, y, sy);
    }
  }
  return done(maxIterations, maxAbs(g) < gtol);
}

function identity(n: number): number[] {
  const m = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function matVec(m: readonly number[], v: readonly number[]): number[] {
  const n = v.length;
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += (m[i * n + j] as number) * (v[j] as number);
    out[i] = s;
  }
  return out;
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s). */
function bfgsUpdate(H: readonly number[], s: readonly number[], y: readonly number[], sy: number): number[] {
  const n = s.length;
  const rho = 1 / sy;
  const Hy = matVec(H, y);
  const yHy = dot(y, Hy);
  const out = new Array<number>(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const si = s[i] as number;
      const sj = s[j] as number;
      out[i * n + j] =
        (H[i * n + j] as number) -
        rho * ((Hy[i] as number) * sj + si * (Hy[j] as number)) +
        (rho * rho * yHy + rho) * si * sj;
    }
  }
  return out;
}

export interface NelderMeadOptions {
  maxEvaluations?: number;
  /** Converged when the simplex's values differ by less than this (absolute). */
  valueTolerance?: number;
  /** Converged when every vertex is within this of the best one, per coordinate. */
  pointTolerance?: number;
  /** Size of the initial simplex's edges. */
  initialStep?: number;
  /** Restarts from the best point with a fresh simplex until one no longer improves by valueTolerance. */
  restarts?: number;
}

/**
 * Nelder–Mead simplex with the dimension-adaptive coefficients of Gao & Han (2012), restarted from the
 * best vertex with a fresh simplex (a collapsed simplex is the method's usual failure mode).
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): MinimizeResult {
  const restarts = options.restarts ?? 3;
  const ftol = options.valueTolerance ?? 1e-10;
  let best = nelderMeadOnce(f, x0, options);
  let evaluations = best.evaluations;
  let iterations = best.iterations;
  for (let k = 0; k < restarts; k++) {
    const next = nelderMeadOnce(f, best.x, options);
    evaluations += next.evaluations;
    iterations += next.iterations;
    const improved = best.value - next.value;
    if (next.value < best.value) best = next;
    if (!(improved > ftol)) break;
  }
  return { ...best, evaluations, iterations };
}

function nelderMeadOnce(
  fRaw: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions,
): MinimizeResult {
  const n = x0.length;
  const maxEvaluations = options.maxEvaluations ?? 2000 * n;
  const ftol = options.valueTolerance ?? 1e-10;
  const xtol = options.pointTolerance ?? 1e-8;
  const h = options.initialStep ?? 0.5;
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;
  let evaluations = 0;
  const f = (x: readonly number[]): number => {
    evaluations++;
    const v = fRaw(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [[...x0]];
  for (let i = 0; i < n; i++) {
    const p = [...x0];
    p[i] = (p[i] as number) + h;
    pts.push(p);
  }
  let vals = pts.map(f);
  let iterations = 0;
  const at = <T>(arr: T[], i: number): T => arr[i] as T;
  while (evaluations < maxEvaluations) {
    iterations++;
    const order = vals.map((_, i) => i).sort((i, j) => at(vals, i) - at(vals, j));
    const sortedPts = order.map((i) => at(pts, i));
    vals = order.map((i) => at(vals, i));
    pts.splice(0, pts.length, ...sortedPts);
    const bestV = at(vals, 0);
    const worstV = at(vals, n);
    const spread = Math.max(...pts.slice(1).map((p) => maxAbs(p.map((v, i) => v - (at(pts, 0)[i] as number)))));
    if (Math.abs(worstV - bestV) <= ftol && spread <= xtol) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) {
      const p = at(pts, k);
      for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + (p[i] as number) / n;
    }
    const worst = at(pts, n);
    const along = (t: number): number[] => centroid.map((c, i) => c + t * (c - (worst[i] as number)));
    const xr = along(alpha);
    const fr = f(xr);
    if (fr < bestV) {
      const xe = along(alpha * beta);
      const fe = f(xe);
      if (fe < fr) replaceWorst(xe, fe);
      else replaceWorst(xr, fr);
    } else if (fr < at(vals, n - 1)) {
      replaceWorst(xr, fr);
    } else {
      const outside = fr < worstV;
      const xc = along(outside ? alpha * gamma : -gamma);
      const fc = f(xc);
      if (fc < (outside ? fr : worstV)) {
        replaceWorst(xc, fc);
      } else {
        const b = at(pts, 0);
        for (let k = 1; k <= n; k++) {
          const p = at(pts, k).map((v, i) => (b[i] as number) + delta * (v - (b[i] as number)));
          pts[k] = p;
          vals[k] = f(p);
        }
      }
    }
  }
  let bi = 0;
  for (let k = 1; k <= n; k++) if (at(vals, k) < at(vals, bi)) bi = k;
  const converged = evaluations < maxEvaluations;
  return { x: at(pts, bi), value: at(vals, bi), iterations, evaluations, converged };

  function replaceWorst(p: number[], v: number): void {
    pts[n] = p;
    vals[n] = v;
  }
}

export interface FitResult<P> {
  params: P;
  logLikelihood: number;
  /** Customers (total weight) the fit used. */
  customers: number;
  converged: boolean;
  method: 'bfgs' | 'nelder-mead';
  iterations: number;
  evaluations: number;
}

export interface FitOptions {
  /** Force one method; by default BFGS from several starts, then Nelder–Mead if BFGS did not converge. */
  method?: 'bfgs' | 'nelder-mead';
}

export interface Objective {
  fg: ValueAndGradient;
  f: (v: readonly number[]) => number;
}

/**
 * Shared by the BG/NBD and Gamma-Gamma fits: BFGS from each start (on `coarse`, a cheap subsample objective,
 * when given, then once on the full objective from the best coarse point), Nelder–Mead when BFGS fails.
 */
export function minimizeFromStarts(
  full: Objective,
  starts: number[][],
  options: FitOptions,
  coarse?: Objective,
): { best: MinimizeResult; method: 'bfgs' | 'nelder-mead'; iterations: number; evaluations: number } {
  let iterations = 0;
  let evaluations = 0;
  const bestOf = (a: MinimizeResult | null, b: MinimizeResult): MinimizeResult =>
    !a || (b.converged && !a.converged) || (b.converged === a.converged && b.value < a.value) ? b : a;
  let best: MinimizeResult | null = null;
  if (options.method !== 'nelder-mead') {
    let fullStarts = starts;
    let warm: number[] | undefined;
    if (coarse) {
      let bestCoarse: MinimizeResult | null = null;
      for (const s of starts) {
        const r = bfgs(coarse.fg, s);
        iterations += r.iterations;
        evaluations += r.evaluations;
        bestCoarse = bestOf(bestCoarse, r);
      }
      if (bestCoarse && Number.isFinite(bestCoarse.value)) {
        fullStarts = [bestCoarse.x];
        warm = bestCoarse.inverseHessian;
      }
    }
    for (const s of fullStarts) {
      const r = bfgs(full.fg, s, warm ? { initialInverseHessian: warm } : {});
      iterations += r.iterations;
      evaluations += r.evaluations;
      best = bestOf(best, r);
    }
    if (best?.converged || options.method === 'bfgs') {
      return { best: best as MinimizeResult, method: 'bfgs', iterations, evaluations };
    }
  }
  // Nelder–Mead from every start when asked for, else from BFGS's best point.
  const from = best && Number.isFinite(best.value) ? [best.x] : starts;
  let bestNm: MinimizeResult | null = null;
  for (const s of from) {
    const nm = nelderMead(full.f, s, { restarts: 5, valueTolerance: 1e-12, pointTolerance: 1e-9 });
    iterations += nm.iterations;
    evaluations += nm.evaluations;
    if (!bestNm || nm.value < bestNm.value) bestNm = nm;
  }
  return { best: bestNm as MinimizeResult, method: 'nelder-mead', iterations, evaluations };
}

/** Indexes 0, k, 2k, … picking about `max` of `length` items (all when length ≤ max). */
export function strideSample(length: number, max: number): Int32Array {
  const step = Math.max(1, Math.ceil(length / max));
  const out = new Int32Array(Math.ceil(length / step));
  for (let i = 0; i < out.length; i++) out[i] = i * step;
  return out;
}
