import { describe, expect, it } from 'vitest';
import { bfgs, minimizeFromStarts, nelderMead, strideSample, type ValueAndGradient } from './optimize';

const rosenbrock: ValueAndGradient = (v, g) => {
  const [x, y] = v as [number, number];
  g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
  g[1] = 200 * (y - x * x);
  return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
};
const rosenbrockValue = (v: readonly number[]): number => rosenbrock(v, [0, 0]);

// An ill-conditioned 4-D quadratic with its minimum at (1, −2, 3, 0.5).
const center = [1, -2, 3, 0.5];
const scales = [1, 10, 100, 1000];
const quadratic: ValueAndGradient = (v, g) => {
  let f = 0;
  v.forEach((x, i) => {
    const d = x - (center[i] as number);
    f += (scales[i] as number) * d * d;
    g[i] = 2 * (scales[i] as number) * d;
  });
  return f;
};

describe('bfgs', () => {
  it('finds the Rosenbrock minimum from the classic start', () => {
    const r = bfgs(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.value).toBeLessThan(1e-12);
  });

  it('solves an ill-conditioned quadratic', () => {
    const r = bfgs(quadratic, [0, 0, 0, 0]);
    expect(r.converged).toBe(true);
    r.x.forEach((x, i) => expect(x).toBeCloseTo(center[i] as number, 7));
  });

  it('backs off from regions where the function is not finite', () => {
    // log barrier: undefined for x ≤ 0; minimum of x − ln x at x = 1.
    const f: ValueAndGradient = (v, g) => {
      const x = v[0] as number;
      g[0] = 1 - 1 / x;
      return x > 0 ? x - Math.log(x) : NaN;
    };
    const r = bfgs(f, [5]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 7);
  });

  it('reports a non-finite start as not converged', () => {
    const r = bfgs(() => Infinity, [0]);
    expect(r.converged).toBe(false);
  });
});

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum with restarts', () => {
    const r = nelderMead(rosenbrockValue, [-1.2, 1], { valueTolerance: 1e-14, pointTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });

  it('agrees with BFGS on the quadratic', () => {
    const r = nelderMead((v) => quadratic(v, [0, 0, 0, 0]), [0, 0, 0, 0], { valueTolerance: 1e-16, pointTolerance: 1e-10 });
    r.x.forEach((x, i) => expect(x).toBeCloseTo(center[i] as number, 5));
  });

  it('stops at the evaluation budget and says so', () => {
    const r = nelderMead(rosenbrockValue, [-1.2, 1], { maxEvaluations: 20, restarts: 0 });
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBeLessThanOrEqual(22);
  });
});

describe('minimizeFromStarts', () => {
  it('keeps the best of several BFGS starts', () => {
    // Two minima: f = (x² − 1)² + 0.3x, the left one (x ≈ −1.04) is lower.
    const fg: ValueAndGradient = (v, g) => {
      const x = v[0] as number;
      g[0] = 4 * x * (x * x - 1) + 0.3;
      return (x * x - 1) ** 2 + 0.3 * x;
    };
    const r = minimizeFromStarts({ fg, f: (v) => fg(v, [0]) }, [[2], [-2]], {});
    expect(r.method).toBe('bfgs');
    expect(r.best.x[0]).toBeLessThan(-1);
  });

  it('races the starts on a coarse objective, then refines the winner on the full one', () => {
    // Coarse: a shifted copy whose better basin is the same (left) one.
    const make = (shift: number): ValueAndGradient => (v, g) => {
      const x = (v[0] as number) - shift;
      g[0] = 4 * x * (x * x - 1) + 0.3;
      return (x * x - 1) ** 2 + 0.3 * x;
    };
    const full = make(0);
    const coarse = make(0.05);
    const r = minimizeFromStarts({ fg: full, f: (v) => full(v, [0]) }, [[2], [-2]], {}, { fg: coarse, f: (v) => coarse(v, [0]) });
    expect(r.method).toBe('bfgs');
    expect(r.best.converged).toBe(true);
    // The full objective's own left minimum, not the coarse one's.
    const g = [0];
    full(r.best.x, g);
    expect(Math.abs(g[0] as number)).toBeLessThan(1e-8);
    expect(r.best.x[0]).toBeLessThan(-1);
  });

  it('uses Nelder–Mead when asked', () => {
    const r = minimizeFromStarts({ fg: rosenbrock, f: rosenbrockValue }, [[-1.2, 1]], { method: 'nelder-mead' });
    expect(r.method).toBe('nelder-mead');
    expect(r.best.x[0]).toBeCloseTo(1, 4);
  });

  it('falls back to Nelder–Mead when BFGS cannot converge', () => {
    // A wrong gradient defeats the line search; Nelder–Mead only needs values.
    const broken: ValueAndGradient = (v, g) => {
      g[0] = -1;
      return ((v[0] as number) - 3) ** 2;
    };
    const r = minimizeFromStarts({ fg: broken, f: (v) => broken(v, [0]) }, [[0]], {});
    expect(r.method).toBe('nelder-mead');
    expect(r.best.x[0]).toBeCloseTo(3, 5);
  });
});

describe('strideSample', () => {
  it('picks every k-th index, all of them when few', () => {
    expect(Array.from(strideSample(5, 10))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(strideSample(10, 3))).toEqual([0, 4, 8]);
    expect(strideSample(1_000_000, 40_000).length).toBe(40_000);
  });
});
