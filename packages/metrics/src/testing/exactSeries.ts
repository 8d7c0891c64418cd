// Test helper: slow, high-precision references for 2F1 and BG/NBD's expected purchases. Every double is an
// exact binary fraction, so the series are summed with BigInt rationals in 512-bit fixed point: no rounding
// worth speaking of and no cancellation problem, whatever the double-precision code does.

/** A rational n / d with d > 0. */
interface Rational {
  n: bigint;
  d: bigint;
}

const FRACTION_BITS = 512n;
/** Stop when the rest of the series is below 2^−STOP_BITS of the sum. */
const STOP_BITS = 200;

/** The exact value of a finite double as a rational. */
export function exact(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
  if (x === 0) return { n: 0n, d: 1n };
  let e = 0;
  let m = x;
  // Scale by powers of two (exact) until the value is an integer.
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return { n: BigInt(m), d: 1n << BigInt(e) };
}

const add = (p: Rational, q: Rational): Rational => ({ n: p.n * q.d + q.n * p.d, d: p.d * q.d });
const sub = (p: Rational, q: Rational): Rational => ({ n: p.n * q.d - q.n * p.d, d: p.d * q.d });
const mul = (p: Rational, q: Rational): Rational => ({ n: p.n * q.n, d: p.d * q.d });
const div = (p: Rational, q: Rational): Rational => (q.n < 0n ? { n: -p.n * q.d, d: p.d * -q.n } : { n: p.n * q.d, d: p.d * q.n });
const int = (k: number): Rational => ({ n: BigInt(k), d: 1n });
const abs = (v: bigint): bigint => (v < 0n ? -v : v);
const bitLength = (v: bigint): number => abs(v).toString(2).length;

/** A rational as the nearest double (both parts shifted first so neither overflows). */
function approx(p: Rational): number {
  const shift = BigInt(Math.max(0, Math.max(bitLength(p.n), bitLength(p.d)) - 1000));
  return Number(p.n >> shift) / Number(p.d >> shift);
}

/** A fixed-point value v / 2^FRACTION_BITS as a double (no overflow on the way). */
function toDouble(v: bigint): number {
  const shift = Math.max(0, bitLength(v) - 64);
  return Number(v >> BigInt(shift)) * Math.pow(2, shift - Number(FRACTION_BITS));
}

/** Σ (a)_k (b)_k / ((c)_k k!) z^k in fixed point, for |z| < 1. */
function hyp2f1Fixed(a: Rational, b: Rational, c: Rational, z: Rational): bigint {
  const zd = Math.abs(approx(z));
  if (!(zd < 1)) throw new RangeError('the reference series needs |z| < 1');
  const settle = Math.abs(approx(a)) + Math.abs(approx(b)) + Math.abs(approx(c)) + 2;
  const positive = a.n > 0n && b.n > 0n && c.n > 0n && z.n >= 0n;
  let term = 1n << FRACTION_BITS;
  let sum = term;
  for (let k = 0; ; k++) {
    const ratio = mul(mul(add(a, int(k)), add(b, int(k))), z);
    const over = mul(add(c, int(k)), int(k + 1));
    if (over.n === 0n) throw new RangeError('c is a non-positive integer');
    const r = div(ratio, over);
    term = (term * r.n) / r.d;
    sum += term;
    if (term === 0n) return sum;
    // With a, b, c > 0 the ratio is z times two factors, (a+k)/(c+k) and (b+k)/(k+1), each moving
    // monotonically towards 1, so z·max(1, f1)·max(1, f2) bounds every later ratio. Otherwise, past the
    // largest parameter the ratio itself heads monotonically to z.
    let rho = Infinity;
    if (positive) {
      rho = zd * Math.max(1, approx(div(add(a, int(k + 1)), add(c, int(k + 1))))) * Math.max(1, approx(div(add(b, int(k + 1)), int(k + 2))));
    } else if (k > settle) {
      rho = Math.max(Math.abs(approx(r)), zd);
    }
    if (rho < 1 && bitLength(sum) - bitLength(term) > STOP_BITS + Math.log2(1 / (1 - rho)) + 2) return sum;
    if (k > 5_000_000) throw new RangeError('reference series too long');
  }
}

/** 2F1(a, b; c; z) for |z| < 1, exact up to ~2^−200 relative (the series itself). */
export function exactHyp2f1(a: number, b: number, c: number, z: number): number {
  return toDouble(hyp2f1Fixed(exact(a), exact(b), exact(c), exact(z)));
}

/**
 * E[Y(t) | alive at T, x, T] of BG/NBD through the published formula
 *   (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t),
 * with (1−z)^(r+x) = 1 / 1F0(r+x;; z) = 1 / 2F1(r+x, c; c; z), so only rational arithmetic is needed. Needs
 * a ≠ 1 (the formula is 0/0 there) and z < 1; the 512-bit fixed point absorbs the formula's cancellation.
 */
export function exactExpectedPurchasesIfAlive(p: { r: number; alpha: number; a: number; b: number }, t: number, x: number, T: number): number {
  if (p.a === 1) throw new RangeError('the published formula is 0/0 at a = 1');
  const s = add(exact(p.r), int(x));
  const beta = add(exact(p.b), int(x));
  const aMinus1 = sub(exact(p.a), int(1));
  const c = add(add(exact(p.a), beta), int(-1));
  const z = div(exact(t), add(add(exact(p.alpha), exact(T)), exact(t)));
  const S = hyp2f1Fixed(s, beta, c, z);
  const Q = hyp2f1Fixed(s, c, c, z);
  const bracket = ((Q - S) << FRACTION_BITS) / Q;
  const factor = div(c, aMinus1);
  return toDouble((bracket * factor.n) / factor.d);
}
