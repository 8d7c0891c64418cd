import { describe, expect, it } from 'vitest';
import {
  civilFromDay,
  dayFromCivil,
  dayToIso,
  isoToDay,
  monthIndex,
  monthStartDay,
  periodEndDay,
  periodIndex,
  periodLabel,
  periodSlots,
  periodStartDay,
  type PeriodKind,
} from './calendar';

describe('civil dates', () => {
  it('agrees with Date.UTC every 37 days from 1900 to 2200', () => {
    for (let day = -25567; day < 84000; day += 37) {
      const date = new Date(day * 86_400_000);
      expect(civilFromDay(day)).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
      expect(dayFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
    }
  });

  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-02-29', 11016],
    ['2024-02-29', 19782],
    ['2024-04-01', 19814],
  ])('%s is day %d', (iso, day) => {
    expect(isoToDay(iso)).toBe(day);
    expect(dayToIso(day)).toBe(iso);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-4-1', '20240401', ''])('rejects %j', (iso) => {
    expect(() => isoToDay(iso)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it('months and quarters', () => {
    expect(monthIndex(isoToDay('1970-01-31'))).toBe(0);
    expect(monthIndex(isoToDay('1969-12-01'))).toBe(-1);
    expect(monthStartDay(monthIndex(isoToDay('2024-02-17')))).toBe(isoToDay('2024-02-01'));
    expect(periodEndDay('month', monthIndex(isoToDay('2024-02-17')))).toBe(isoToDay('2024-02-29'));
    expect(periodLabel('month', monthIndex(isoToDay('2024-02-17')))).toBe('2024-02');
    const q = periodIndex('quarter', isoToDay('2024-05-20'));
    expect(periodLabel('quarter', q)).toBe('2024-Q2');
    expect(dayToIso(periodStartDay('quarter', q))).toBe('2024-04-01');
    expect(dayToIso(periodEndDay('quarter', q))).toBe('2024-06-30');
    expect(periodLabel('quarter', periodIndex('quarter', isoToDay('1969-11-30')))).toBe('1969-Q4');
  });

  it('weeks run Monday to Sunday', () => {
    // 2024-03-04 is a Monday, 2024-03-10 a Sunday.
    const w = periodIndex('week', isoToDay('2024-03-04'));
    expect(periodIndex('week', isoToDay('2024-03-10'))).toBe(w);
    expect(periodIndex('week', isoToDay('2024-03-11'))).toBe(w + 1);
    expect(periodIndex('week', isoToDay('2024-03-03'))).toBe(w - 1);
    expect(periodLabel('week', w)).toBe('2024-03-04');
    expect(dayToIso(periodEndDay('week', w))).toBe('2024-03-10');
    expect(periodLabel('week', periodIndex('week', 0))).toBe('1969-12-29');
  });

  it.each(['week', 'month', 'quarter'] as PeriodKind[])('%s: every day lies in its period and periods tile the line', (kind) => {
    for (let day = -800; day < 20000; day += 3) {
      const p = periodIndex(kind, day);
      expect(periodStartDay(kind, p)).toBeLessThanOrEqual(day);
      expect(periodEndDay(kind, p)).toBeGreaterThanOrEqual(day);
      expect(periodStartDay(kind, p + 1)).toBe(periodEndDay(kind, p) + 1);
    }
  });
});

describe('periodSlots', () => {
  it.each(['week', 'month', 'quarter'] as PeriodKind[])('%s: slot of each day counted from the first period', (kind) => {
    const from = isoToDay('2023-11-17');
    const to = isoToDay('2024-07-02');
    const slots = periodSlots(kind, from, to);
    expect(slots.length).toBe(to - from + 1);
    const first = periodIndex(kind, from);
    for (let day = from; day <= to; day++) expect(slots[day - from]).toBe(periodIndex(kind, day) - first);
  });

  it('is empty for an empty range', () => {
    expect(periodSlots('month', 10, 9).length).toBe(0);
  });
});
