// The day range a dashboard covers: explicit from/to, or the 12 calendar periods up to the day before the
// as-of date; always cut at that day, since nothing on or after the as-of date is counted.
import { periodIndex, periodStartDay, type PeriodKind } from '@kizuna/metrics';
import { ValidationError } from '../../errors';

/** Periods shown when no range is given. */
export const DEFAULT_PERIODS = 12;
/** Longest range accepted: ten years of weeks is already 520 points per series. */
export const MAX_RANGE_DAYS = 3660;

export interface DayRange {
  fromDay: number;
  toDay: number;
}

export function resolveRange(asOfDay: number, period: PeriodKind, fromDay?: number, toDay?: number): DayRange {
  const lastDay = asOfDay - 1;
  const to = Math.min(toDay ?? lastDay, lastDay);
  const from = fromDay ?? periodStartDay(period, periodIndex(period, to) - (DEFAULT_PERIODS - 1));
  if (from > to) {
    throw new ValidationError('The range must start before the as-of date', { from: ['The range must start before the as-of date'] });
  }
  if (to - from + 1 > MAX_RANGE_DAYS) {
    throw new ValidationError(`The range may cover at most ${MAX_RANGE_DAYS} days`, { from: [`The range may cover at most ${MAX_RANGE_DAYS} days`] });
  }
  return { fromDay: from, toDay: to };
}
