// Customer satisfaction from survey answers (CSAT, ratings 1–5): the share of 4–5 ratings and the mean.
import type { WindowOptions } from './activity';
import { assertCut } from './cut';
import type { MetricsData } from './data';
import { ratio, type Ratio } from './ratio';
import { clipToAsOf } from './window';

export interface CsatResult {
  /** Valid answers (rating between 1 and 5) in the window. */
  responses: number;
  /** Answers rated 4 or higher. */
  satisfied: number;
  /** satisfied / responses: the CSAT score. */
  share: Ratio;
  /** Mean rating; null without answers. */
  mean: number | null;
  /** Answers in the window left out because the rating is missing or outside 1–5. */
  ignored: number;
}

/** CSAT over survey answers dated in the window (clipped to before the as-of day); every answer counts. */
export function csat(data: MetricsData, options: WindowOptions = {}): CsatResult {
  const { customers, surveys, asOfDay } = data;
  const { cut } = options;
  assertCut(cut, customers);
  const { start, end } = clipToAsOf(options.window, asOfDay);
  let responses = 0;
  let satisfied = 0;
  let sum = 0;
  let ignored = 0;
  if (surveys) {
    for (let k = 0; k < surveys.customer.length; k++) {
      const d = surveys.day[k] as number;
      if (d < start || d > end) continue;
      if (cut && !cut[surveys.customer[k] as number]) continue;
      const v = surveys.value[k] as number;
      if (!(v >= 1 && v <= 5)) {
        ignored++;
        continue;
      }
      responses++;
      sum += v;
      if (v >= 4) satisfied++;
    }
  }
  return { responses, satisfied, share: ratio(satisfied, responses), mean: responses ? sum / responses : null, ignored };
}
