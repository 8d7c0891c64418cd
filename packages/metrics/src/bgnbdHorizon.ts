// BG/NBD's expected purchases over a horizon for a customer known to be alive, computed from a series whose
// terms are all positive and whose length does not grow with the drop-out parameters a and b (the published
// 2F1 form needs ~a·z/(1−z) terms, overflows, and cancels for the large a, b fits produce when few drop out).

/** Past this many terms the horizon is too long relative to α + T for any series to be worth summing. */
const MAX_TERMS = 50_000_000;
const EPS = 2 ** -53;
/** Rescale the running sums when the unnormalized weights get this large (they are a ratio in the end). */
const BIG = 1e280;

/**
 * E_p[(1 − (1 + p·u)^(−s)) / p] for p ~ Beta(a, β): what an alive customer with Gamma(s, ·) posterior rate
 * buys in a horizon u (in units of α + T) before dropping out with probability p after each purchase. In
 * BG/NBD terms, with s = r + x, β = b + x, u = t/(α+T) and z = t/(α+T+t), it is
 *   (a+β−1)/(a−1) · [1 − (1−z)^s · 2F1(s, β; a+β−1; z)] = E[Y(t) | alive at T, x, T].
 *
 * Expanding in q = 1 − p: 1/(1−q) = Σ q^m and (1+u−u·q)^(−s) = (1−z)^s Σ (s)_k z^k q^k / k!, and
 * E[q^m] = (β)_m/(a+β)_m, so the value is Σ_{k≥1} P(N = k) · W_k with N ~ NegBin(s, z) and
 * W_k = Σ_{m<k} (β)_m/(a+β)_m. Every term is positive (no cancellation for any a, including a = 1 where the
 * published form is 0/0), and the count of terms follows N: about s·u + a few standard deviations
 * √(s·u·(1+u)) + 40·(1+u) for the geometric tail, whatever a and β are. The weights are summed unnormalized
 * and divided by their own sum (Σ P(N = k) = 1), rescaled as they grow, so (1−z)^s never has to be formed.
 */
export function aliveHorizonPurchases(s: number, u: number, a: number, beta: number): number {
  if (!(s > 0 && a > 0 && beta > 0 && u >= 0) || !Number.isFinite(s + a + beta + u)) {
    throw new RangeError(`needs s, a, β > 0 and 0 ≤ u < ∞; got s = ${s}, u = ${u}, a = ${a}, β = ${beta}`);
  }
  if (u === 0) return 0;
  const z = u / (1 + u);
  const mean = s * u;
  const cap = Math.ceil(mean + 20 * Math.sqrt(mean * (1 + u)) + 50 * (1 + u)) + 100;
  if (cap > MAX_TERMS) {
    throw new RangeError(`horizon too long for the series: t/(α+T) = ${u} with r+x = ${s} needs ~${cap} terms`);
  }
  let weight = 1; // ∝ P(N = k), starting at k = 0
  let den = 1; // Σ weights so far
  let num = 0; // Σ weight · W
  let w = 1; // (β)_k/(a+β)_k
  let W = 0; // W_k
  const ab = a + beta;
  for (let k = 0; k < cap; k++) {
    W += w;
    w *= (beta + k) / (ab + k);
    const ratio = ((s + k) * z) / (k + 1);
    weight *= ratio;
    num += weight * W;
    den += weight;
    if (weight > BIG) {
      weight /= BIG;
      num /= BIG;
      den /= BIG;
    }
    // The ratio moves monotonically towards z, so ρ bounds every later one, and W grows by at most w per
    // step: the rest is at most weight·ρ/(1−ρ) of den and weight·ρ·(W/(1−ρ) + w/(1−ρ)²) of num.
    const rho = ratio > z ? ratio : z;
    if (rho < 1) {
      const gap = 1 - rho;
      const tail = weight * rho;
      if (tail <= EPS * den * gap && tail * (W * gap + w) <= EPS * num * gap * gap) return num / den;
    }
  }
  throw new RangeError(`alive-horizon series did not settle in ${cap} terms (s = ${s}, u = ${u})`);
}
