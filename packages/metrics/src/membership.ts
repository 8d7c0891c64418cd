// Membership retention ((members at end − new members) / members at start) and cancellation churn, for
// customers with membership data: a membership runs from signup day until the cancellation day of a
// canceled member (active and paused members are members).
import type { KpiOptions } from './activity';
import { periodEndDay, periodIndex, periodLabel, periodStartDay, type PeriodKind } from './calendar';
import { assertCut } from './cut';
import { MemberStatus, NO_DAY, type MetricsData } from './data';
import { ratio, type Ratio } from './ratio';
import { clipToAsOf, type DayWindow } from './window';

export interface MembershipRetention {
  startDay: number;
  endDay: number;
  /** Members at the start of the first day (joined before it, not canceled before it). */
  membersAtStart: number;
  /** Members at the end of the last day. */
  membersAtEnd: number;
  /** Members at the end who joined within the window. */
  newMembers: number;
  /** All cancellations dated within the window, including of members who joined within it. */
  cancellations: number;
  /** Members at the start whose cancellation is dated within the window. */
  canceledFromStart: number;
  /** (membersAtEnd − newMembers) / membersAtStart. */
  retention: Ratio;
  /** canceledFromStart / membersAtStart (= 1 − retention). */
  cancellationChurn: Ratio;
  /** Members that cannot be placed in time (no signup day, or canceled without a date): left out. */
  undated: number;
}

/**
 * Membership retention over a window (clipped to before the as-of day): (members at end − new members) /
 * members at start, and cancellation churn = members at start who canceled in the window / members at start.
 */
export function membershipRetention(
  data: MetricsData,
  options: KpiOptions & { window: DayWindow },
): MembershipRetention {
  const { customers, asOfDay } = data;
  const { cut } = options;
  assertCut(cut, customers);
  const { start, end } = clipToAsOf(options.window, asOfDay);
  let atStart = 0;
  let atEnd = 0;
  let joined = 0;
  let cancellations = 0;
  let canceledFromStart = 0;
  let undated = 0;
  const empty = start > end;
  for (let i = 0; i < customers.count; i++) {
    if (cut && !cut[i]) continue;
    const status = customers.memberStatus[i] as number;
    if (status === MemberStatus.none) continue;
    const from = customers.signupDay[i] as number;
    const canceled = status === MemberStatus.canceled;
    const until = canceled ? (customers.canceledDay[i] as number) : NO_DAY;
    if (from === NO_DAY || (canceled && until === NO_DAY)) {
      undated++;
      continue;
    }
    if (empty) continue;
    // Member on day d's end: from ≤ d and (no cancellation or it comes after d).
    const memberAtStart = from < start && (!canceled || until >= start);
    const memberAtEnd = from <= end && (!canceled || until > end);
    const cancelsInWindow = canceled && until >= start && until <= end && from <= until;
    if (memberAtStart) atStart++;
    if (memberAtEnd) atEnd++;
    if (memberAtEnd && from >= start) joined++;
    if (cancelsInWindow) cancellations++;
    if (cancelsInWindow && memberAtStart) canceledFromStart++;
  }
  return {
    startDay: start,
    endDay: end,
    membersAtStart: atStart,
    membersAtEnd: atEnd,
    newMembers: joined,
    cancellations,
    canceledFromStart,
    retention: ratio(atEnd - joined, atStart),
    cancellationChurn: ratio(canceledFromStart, atStart),
    undated,
  };
}

export interface MembershipPoint extends MembershipRetention {
  period: string;
  /** False for the running period (cut short by the as-of day). */
  complete: boolean;
}

/**
 * Membership retention per calendar period, from the period containing fromDay (default: the earliest
 * signup of a member) to the one containing the day before the as-of day.
 */
export function membershipRetentionSeries(
  data: MetricsData,
  options: KpiOptions & { period: PeriodKind; fromDay?: number },
): MembershipPoint[] {
  const { customers, asOfDay } = data;
  let fromDay = options.fromDay ?? Infinity;
  if (options.fromDay === undefined) {
    for (let i = 0; i < customers.count; i++) {
      if (options.cut && !options.cut[i]) continue;
      const s = customers.signupDay[i] as number;
      if (customers.memberStatus[i] !== MemberStatus.none && s !== NO_DAY) fromDay = Math.min(fromDay, s);
    }
  }
  if (!Number.isFinite(fromDay) || fromDay >= asOfDay) return [];
  const points: MembershipPoint[] = [];
  const last = periodIndex(options.period, asOfDay - 1);
  for (let p = periodIndex(options.period, fromDay); p <= last; p++) {
    const window = { start: periodStartDay(options.period, p), end: periodEndDay(options.period, p) };
    points.push({
      ...membershipRetention(data, { window, cut: options.cut }),
      period: periodLabel(options.period, p),
      complete: window.end <= asOfDay - 1,
    });
  }
  return points;
}
