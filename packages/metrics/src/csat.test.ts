import { describe, expect, it } from 'vitest';
import { csat } from './csat';
import { cutFromIndexes } from './cut';
import { d, handData } from './testing/handData';
import { betweenDays } from './window';

const data = handData();

describe('csat', () => {
  it.each([
    // Before the as-of day: ratings 5, 3, 4, 4.5 valid (0 ignored; the as-of day's 1 is outside).
    { name: 'all history', window: undefined, responses: 4, satisfied: 3, mean: 16.5 / 4, ignored: 1 },
    // March: 5, 3, and 4 on 03-31.
    { name: 'March', window: betweenDays(d('2024-03-01'), d('2024-03-31')), responses: 3, satisfied: 2, mean: 4, ignored: 0 },
    // Window reaching past the as-of date stops at 03-31.
    { name: 'past the as-of date', window: betweenDays(d('2024-03-31'), d('2024-04-30')), responses: 1, satisfied: 1, mean: 4, ignored: 0 },
    { name: 'no answers', window: betweenDays(d('2023-01-01'), d('2023-12-31')), responses: 0, satisfied: 0, mean: null, ignored: 0 },
  ])('$name', ({ window, responses, satisfied, mean, ignored }) => {
    const r = csat(data, { window });
    expect(r).toMatchObject({ responses, satisfied, ignored });
    expect(r.share.value).toBe(responses ? satisfied / responses : null);
    if (mean === null) expect(r.mean).toBeNull();
    else expect(r.mean).toBeCloseTo(mean, 12);
  });

  it('counts every answer of the customers in the cut', () => {
    // Customer 1: 3 (03-10) and 4.5 (02-02).
    expect(csat(data, { cut: cutFromIndexes(7, [1]) })).toMatchObject({ responses: 2, satisfied: 1, mean: 3.75 });
  });

  it('is empty when there are no surveys', () => {
    expect(csat({ ...data, surveys: undefined })).toMatchObject({ responses: 0, mean: null, share: { value: null } });
  });
});
