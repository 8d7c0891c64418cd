// Day windows (inclusive ranges of day numbers) in the team's conventions, clipped to the as-of date:
// every KPI sees only data strictly before the as-of day.

export interface DayWindow {
  /** First day, inclusive. */
  start: number;
  /** Last day, inclusive. */
  end: number;
}

/** Earliest day any window can mean; "all history" starts here. */
export const FIRST_DAY = -(2 ** 31);

/** "Last N days": [asOfDay − N, asOfDay − 1]. */
export function lastNDays(asOfDay: number, n: number): DayWindow {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`last N days needs a whole N ≥ 1; got ${n}`);
  return { start: asOfDay - n, end: asOfDay - 1 };
}

/** "Between A and B": [A, B] inclusive. */
export function betweenDays(start: number, end: number): DayWindow {
  return { start, end };
}

/** "More than N days ago": every day < asOfDay − N. */
export function moreThanNDaysAgo(asOfDay: number, n: number): DayWindow {
  return { start: FIRST_DAY, end: asOfDay - n - 1 };
}

/** All history before the as-of day. */
export function allHistory(asOfDay: number): DayWindow {
  return { start: FIRST_DAY, end: asOfDay - 1 };
}

/** The part of a window (all history when omitted) that lies strictly before the as-of day. May be empty. */
export function clipToAsOf(window: DayWindow | undefined, asOfDay: number): DayWindow {
  if (!window) return allHistory(asOfDay);
  return { start: window.start, end: Math.min(window.end, asOfDay - 1) };
}

export function isEmptyWindow(window: DayWindow): boolean {
  return window.start > window.end;
}
