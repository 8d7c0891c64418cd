import { describe, expect, it } from 'vitest';
import { cutFromIndexes } from './cut';
import { buildCustomerColumns, buildOrderColumns, type CustomerRow, type MetricsData } from './data';
import { membershipRetention, membershipRetentionSeries } from './membership';
import { d } from './testing/handData';
import { betweenDays } from './window';

const members: (CustomerRow & { note: string })[] = [
  { note: 'm0 long-standing', memberStatus: 'active', signupDay: d('2023-06-01') },
  { note: 'm1 cancels in March', memberStatus: 'canceled', signupDay: d('2023-01-01'), canceledDay: d('2024-03-10') },
  { note: 'm2 joins and cancels in March', memberStatus: 'canceled', signupDay: d('2024-03-05'), canceledDay: d('2024-03-20') },
  { note: 'm3 joins in March', memberStatus: 'active', signupDay: d('2024-03-15') },
  { note: 'm4 paused is still a member', memberStatus: 'paused', signupDay: d('2023-12-31') },
  { note: 'm5 canceled before March', memberStatus: 'canceled', signupDay: d('2023-05-01'), canceledDay: d('2024-02-29') },
  { note: 'm6 cancels on the first day', memberStatus: 'canceled', signupDay: d('2023-05-01'), canceledDay: d('2024-03-01') },
  { note: 'm7 cancels on the last day', memberStatus: 'canceled', signupDay: d('2023-05-01'), canceledDay: d('2024-03-31') },
  { note: 'm8 cancels on the as-of day', memberStatus: 'canceled', signupDay: d('2023-05-01'), canceledDay: d('2024-04-01') },
  { note: 'm9 no signup date', memberStatus: 'active' },
  { note: 'm10 canceled without a date', memberStatus: 'canceled', signupDay: d('2023-05-01') },
  { note: 'm11 not a member', signupDay: d('2023-01-01') },
  { note: 'm12 joins on the first day', memberStatus: 'active', signupDay: d('2024-03-01') },
  { note: 'm13 joined the day before', memberStatus: 'active', signupDay: d('2024-02-29') },
];

const data: MetricsData = {
  customers: buildCustomerColumns(members),
  orders: buildOrderColumns(members.length, []),
  asOfDay: d('2024-04-01'),
};
const march = betweenDays(d('2024-03-01'), d('2024-03-31'));

describe('membershipRetention', () => {
  it('March, worked out member by member', () => {
    // Start (members at the start of 03-01): m0, m1, m4, m6, m7, m8, m13 = 7.
    // End (members at the end of 03-31): m0, m3, m4, m8, m12, m13 = 6; of them new: m3, m12 = 2.
    // Cancellations dated in March: m1, m2, m6, m7 = 4; of starting members: m1, m6, m7 = 3.
    const r = membershipRetention(data, { window: march });
    expect(r).toMatchObject({
      membersAtStart: 7,
      membersAtEnd: 6,
      newMembers: 2,
      cancellations: 4,
      canceledFromStart: 3,
      undated: 2,
    });
    expect(r.retention.value).toBeCloseTo(4 / 7, 15);
    expect(r.cancellationChurn.value).toBeCloseTo(3 / 7, 15);
    expect((r.retention.value as number) + (r.cancellationChurn.value as number)).toBeCloseTo(1, 15);
  });

  it('clips the window to the day before the as-of date', () => {
    const r = membershipRetention({ ...data, asOfDay: d('2024-03-16') }, { window: march });
    // End is 03-15: members m0, m2, m3, m4, m7, m8, m12, m13 = 8, of whom m2, m3 (joined 03-15) and m12 are new;
    // only m1 and m6 have canceled by then.
    expect(r.endDay).toBe(d('2024-03-15'));
    expect(r).toMatchObject({ membersAtStart: 7, membersAtEnd: 8, newMembers: 3, cancellations: 2, canceledFromStart: 2 });
  });

  it('has no rate without members at the start', () => {
    const r = membershipRetention(data, { window: march, cut: cutFromIndexes(members.length, [3, 11, 12]) });
    expect(r).toMatchObject({ membersAtStart: 0, membersAtEnd: 2, newMembers: 2 });
    expect(r.retention.value).toBeNull();
    expect(r.cancellationChurn.value).toBeNull();
  });
});

describe('membershipRetentionSeries', () => {
  it('runs month by month from the earliest signup, and its March equals the window result', () => {
    const series = membershipRetentionSeries(data, { period: 'month' });
    expect(series[0]?.period).toBe('2023-01');
    expect(series).toHaveLength(15);
    const last = series.at(-1);
    expect(last?.period).toBe('2024-03');
    expect(last?.complete).toBe(true);
    const { period: _p, complete: _c, ...rest } = last as NonNullable<typeof last>;
    expect(rest).toEqual(membershipRetention(data, { window: march }));
  });

  it('is empty without membership data', () => {
    expect(membershipRetentionSeries(data, { period: 'quarter', cut: cutFromIndexes(members.length, [11]) })).toEqual([]);
  });
});
