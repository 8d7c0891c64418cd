import { describe, expect, it } from 'vitest';
import { isoToDay as d } from '@kizuna/metrics';
import { ValidationError } from '../../errors';
import { resolveRange } from './range';

describe('resolveRange', () => {
  it('defaults to the 12 calendar months or weeks up to the day before the as-of date', () => {
    expect(resolveRange(d('2026-11-01'), 'month')).toEqual({ fromDay: d('2025-11-01'), toDay: d('2026-10-31') });
    expect(resolveRange(d('2026-11-15'), 'month')).toEqual({ fromDay: d('2025-12-01'), toDay: d('2026-11-14') });
    // 2026-10-31 is a Saturday in the week of Monday 2026-10-26; eleven weeks before that starts 2026-08-10.
    expect(resolveRange(d('2026-11-01'), 'week')).toEqual({ fromDay: d('2026-08-10'), toDay: d('2026-10-31') });
  });

  it('keeps an explicit range, cut at the day before the as-of date', () => {
    expect(resolveRange(d('2026-11-01'), 'month', d('2026-01-10'), d('2026-03-05'))).toEqual({ fromDay: d('2026-01-10'), toDay: d('2026-03-05') });
    expect(resolveRange(d('2026-11-01'), 'month', d('2026-01-10'), d('2027-03-05'))).toEqual({ fromDay: d('2026-01-10'), toDay: d('2026-10-31') });
    expect(resolveRange(d('2026-11-01'), 'month', undefined, d('2026-03-05'))).toEqual({ fromDay: d('2025-04-01'), toDay: d('2026-03-05') });
  });

  it('refuses a range that starts on or after the as-of date, or is longer than ten years', () => {
    expect(() => resolveRange(d('2026-11-01'), 'month', d('2026-11-01'))).toThrow(ValidationError);
    expect(() => resolveRange(d('2026-11-01'), 'week', d('2010-01-01'))).toThrow(/at most 3660 days/);
  });
});
