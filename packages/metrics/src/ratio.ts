// Rates with their numerator and denominator kept (so the UI can show "12 of 40" and segments can be
// compared), the period-over-period change helper, and a treatment-vs-holdout comparison of two rates.
import { normalSurvival } from './special';

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0 (an empty group has no rate). */
  value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export interface Change {
  current: number | null;
  previous: number | null;
  /** current − previous (for rates: the change in points of the 0–1 scale); null when either is null. */
  delta: number | null;
  /** (current − previous) / |previous|; null when either is null or previous is 0. */
  relative: number | null;
}

/** Period-over-period (or segment-vs-segment) change of one KPI value. */
export function change(current: number | null, previous: number | null): Change {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) {
    return { current, previous, delta: null, relative: null };
  }
  const delta = current - previous;
  return { current, previous, delta, relative: previous === 0 ? null : delta / Math.abs(previous) };
}

export interface RateComparison extends Change {
  /** Two-proportion z statistic with the pooled rate; null when it cannot be computed. */
  z: number | null;
  /** Two-sided p-value of "the two rates are equal"; null with z. */
  pValue: number | null;
}

/**
 * Compares a treatment group's rate with its holdout's (e.g. retention of campaign recipients vs the held-out
 * customers): the change, and a two-proportion z-test (normal approximation; trust it when each group has
 * at least ~10 successes and failures).
 */
export function compareRates(treatment: Ratio, holdout: Ratio): RateComparison {
  const base = change(treatment.value, holdout.value);
  if (treatment.value === null || holdout.value === null) return { ...base, z: null, pValue: null };
  const pooled = (treatment.numerator + holdout.numerator) / (treatment.denominator + holdout.denominator);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / treatment.denominator + 1 / holdout.denominator));
  if (!(se > 0)) return { ...base, z: null, pValue: null };
  const z = (treatment.value - holdout.value) / se;
  return { ...base, z, pValue: Math.min(1, 2 * normalSurvival(Math.abs(z))) };
}
