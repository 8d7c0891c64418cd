// The weekly frequency cap: no customer gets more than N messages in any 7 consecutive days. A campaign sends
// each treated customer one message on some day of its schedule, and we do not know which, so two campaigns
// can land in the same week whenever their schedules come within 7 days of each other. A customer is capped
// for a campaign when some week it could send in already holds N messages from higher-priority campaigns.

/** A campaign's schedule as day numbers; end null = open-ended. */
export interface Schedule {
  startDay: number;
  endDay: number | null;
}

/** First days of the 7-day windows a message of this schedule can fall in: [start − 6, end]. */
export function weekStarts(s: Schedule): { lo: number; hi: number } {
  return { lo: s.startDay - 6, hi: s.endDay ?? Number.POSITIVE_INFINITY };
}

/** Whether messages of the two schedules can fall within the same 7 days. */
export function shareAWeek(a: Schedule, b: Schedule): boolean {
  const x = weekStarts(a);
  const y = weekStarts(b);
  return x.lo <= y.hi && y.lo <= x.hi;
}

/**
 * The groups of earlier schedules that can all share one week with `target`: for each stretch of target's
 * week starts, the indexes of `earlier` covering it. Only groups of at least `cap` members matter (fewer
 * cannot reach the cap) and a group inside another adds nothing, so both are dropped.
 */
export function cappingGroups(target: Schedule, earlier: readonly Schedule[], cap: number): number[][] {
  const t = weekStarts(target);
  const spans = earlier.map((s, index) => ({ index, ...weekStarts(s) })).filter((s) => s.lo <= t.hi && t.lo <= s.hi);
  if (spans.length < cap) return [];
  // Coverage only changes where a span starts or just after one ends.
  const points = new Set<number>([t.lo]);
  for (const s of spans) {
    if (s.lo > t.lo) points.add(s.lo);
    if (s.hi + 1 <= t.hi) points.add(s.hi + 1);
  }
  const groups: number[][] = [];
  for (const p of points) {
    const group = spans.filter((s) => s.lo <= p && p <= s.hi).map((s) => s.index);
    if (group.length >= cap) groups.push(group);
  }
  const maximal = groups.filter((g, i) => !groups.some((h, j) => j !== i && isSubset(g, h) && (g.length < h.length || j < i)));
  return maximal.map((g) => [...g].sort((a, b) => a - b));
}

function isSubset(small: readonly number[], big: readonly number[]): boolean {
  return small.every((x) => big.includes(x));
}

/**
 * Words of the customers in at least `k` of `sets` (each a bitset's words), by bit-sliced counting:
 * atLeast[j] holds "seen in ≥ j sets so far", updated from the top so each set counts once.
 */
export function atLeastK(sets: readonly Uint32Array[], k: number, words: number): Uint32Array {
  const out = new Uint32Array(words);
  if (k <= 0) return out.fill(0xffffffff);
  if (sets.length < k) return out;
  // Int32 views keep the values unboxed in V8's hot loop (see allocation.ts).
  const views = sets.map((s) => new Int32Array(s.buffer, s.byteOffset, s.length));
  const result = new Int32Array(out.buffer);
  const levels = new Int32Array(k + 1);
  for (let w = 0; w < words; w++) {
    levels.fill(0);
    levels[0] = -1;
    for (let s = 0; s < views.length; s++) {
      const x = views[s]![w]!;
      if (x === 0) continue;
      for (let j = k; j >= 1; j--) levels[j]! |= levels[j - 1]! & x;
    }
    result[w] = levels[k]!;
  }
  return out;
}
