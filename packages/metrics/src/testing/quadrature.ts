// Test helper: double-exponential quadrature (tanh-sinh on (0, 1), exp-sinh on (0, ∞)), which copes with
// the integrable endpoint singularities of gamma and beta densities. Used to check closed-form likelihoods
// and expectations against direct numeric integration, independently of the special functions under test.

const HALF_PI = Math.PI / 2;

/** ∫₀¹ f(u) du; f also receives 1 − u, computed without cancellation near u = 1. */
export function integrateUnit(f: (u: number, oneMinusU: number) => number, h = 1 / 64, tMax = 4.5): number {
  let sum = 0;
  const steps = Math.ceil(tMax / h);
  for (let k = -steps; k <= steps; k++) {
    const t = k * h;
    const s = HALF_PI * Math.sinh(t);
    // u = (1 + tanh s)/2 = 1/(1 + e^(−2s)), accurate at both ends.
    const u = 1 / (1 + Math.exp(-2 * s));
    const v = 1 / (1 + Math.exp(2 * s));
    const w = 2 * u * v * HALF_PI * Math.cosh(t);
    if (u === 0 || v === 0 || w === 0) continue;
    const value = f(u, v);
    if (Number.isFinite(value)) sum += w * value;
  }
  return sum * h;
}

/** ∫₀^∞ f(x) dx through x = scale · e^(2s), s = (π/2)·sinh(t). */
export function integrateHalfLine(f: (x: number) => number, scale: number, h = 1 / 64, tMax = 4.5): number {
  let sum = 0;
  const steps = Math.ceil(tMax / h);
  for (let k = -steps; k <= steps; k++) {
    const t = k * h;
    const x = scale * Math.exp(2 * HALF_PI * Math.sinh(t));
    if (x === 0 || !Number.isFinite(x)) continue;
    const value = f(x);
    if (Number.isFinite(value)) sum += value * 2 * x * HALF_PI * Math.cosh(t);
  }
  return sum * h;
}
