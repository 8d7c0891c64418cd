import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeastK, cappingGroups, shareAWeek, weekStarts } from './frequencyCap';

const s = (startDay: number, endDay: number | null) => ({ startDay, endDay });

describe('weekly windows', () => {
  it('lets two campaigns share a week when their schedules come within 7 days', () => {
    expect(weekStarts(s(10, 12))).toEqual({ lo: 4, hi: 12 });
    expect(shareAWeek(s(1, 1), s(7, 7))).toBe(true); // days 1..7 are one week
    expect(shareAWeek(s(1, 1), s(8, 8))).toBe(false);
    expect(shareAWeek(s(20, null), s(1, 14))).toBe(true);
    expect(shareAWeek(s(30, null), s(1, 14))).toBe(false);
    expect(shareAWeek(s(1, 100), s(40, 41))).toBe(true);
  });

  it('finds the groups of earlier campaigns that can fill one week with the target', () => {
    const target = s(10, 20);
    // Week starts: target 4..20, a 1–5 → -5..5, b 14–30 → 8..30, c 25–40 → 19..40, d never near.
    const earlier = [s(1, 5), s(14, 30), s(25, 40), s(100, 110)];
    // {b} alone is inside {b, c} (week starts 19..20), so only the larger group is kept.
    expect(cappingGroups(target, earlier, 1)).toEqual([[0], [1, 2]]);
    // a and b never reach a common week (a's last week starts on day 5, b's first on day 8).
    expect(cappingGroups(target, earlier, 2)).toEqual([[1, 2]]);
    expect(cappingGroups(target, earlier, 3)).toEqual([]);
    expect(cappingGroups(target, [s(0, 50), s(0, 50), s(5, 9)], 2)).toEqual([[0, 1, 2]]);
  });
});

describe('atLeastK', () => {
  it('matches counting bit by bit', () => {
    fc.assert(
      fc.property(fc.array(fc.uint32Array({ minLength: 3, maxLength: 3 }), { maxLength: 6 }), fc.integer({ min: 0, max: 7 }), (sets, k) => {
        const got = atLeastK(sets, k, 3);
        for (let w = 0; w < 3; w++) {
          for (let b = 0; b < 32; b++) {
            const n = sets.filter((x) => (x[w]! >>> b) & 1).length;
            expect(((got[w]! >>> b) & 1) === 1, `word ${w} bit ${b}`).toBe(n >= k);
          }
        }
      }),
      { seed: 20_250_501, numRuns: 200 },
    );
  });
});
