// Seeded pseudo-random numbers for simulations and tests: sfc32 (seeded through splitmix32) with uniform,
// exponential, normal, gamma and beta draws. Reproducible across machines; not for anything secret.

export interface Rng {
  /** Uniform in (0, 1), never exactly 0 or 1. */
  uniform(): number;
  /** Exponential with the given rate (mean 1 / rate). */
  exponential(rate: number): number;
  normal(): number;
  /** Gamma with shape k and rate β (mean k / β). */
  gamma(shape: number, rate: number): number;
  beta(a: number, b: number): number;
  /** Whole number in [0, n). */
  int(n: number): number;
}

export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32();
  // 53 random bits, shifted off 0 so logarithms stay finite.
  const uniform = (): number => ((next32() >>> 5) * 67108864 + (next32() >>> 6) + 0.5) / 9007199254740992;
  const normal = (): number => {
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const q = u * u + v * v;
      if (q > 0 && q < 1) return u * Math.sqrt((-2 * Math.log(q)) / q);
    }
  };
  const gamma = (shape: number, rate: number): number => {
    if (!(shape > 0 && rate > 0)) throw new RangeError(`gamma needs shape, rate > 0; got ${shape}, ${rate}`);
    // Marsaglia & Tsang (2000); shape < 1 boosted by U^(1/shape).
    if (shape < 1) return gamma(shape + 1, rate) * Math.pow(uniform(), 1 / shape);
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      const x = normal();
      const v0 = 1 + cc * x;
      if (v0 <= 0) continue;
      const v = v0 * v0 * v0;
      if (Math.log(uniform()) < 0.5 * x * x + dd - dd * v + dd * Math.log(v)) return (dd * v) / rate;
    }
  };
  return {
    uniform,
    exponential: (rate) => -Math.log(uniform()) / rate,
    normal,
    gamma,
    beta: (alpha, beta) => {
      const x = gamma(alpha, 1);
      return x / (x + gamma(beta, 1));
    },
    int: (n) => Math.floor(uniform() * n),
  };
}
