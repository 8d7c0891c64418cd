// Calendar math on day numbers (whole days since 1970-01-01 in the workspace time zone): ISO dates,
// calendar months, quarters and Monday-start weeks. Pure integer arithmetic (Hinnant's civil-date
// algorithms), so results never depend on the host's time zone and stay fast over millions of orders.

export type PeriodKind = 'week' | 'month' | 'quarter';

export interface CivilDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** The calendar date of a day number. */
export function civilFromDay(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The day number of a calendar date (month 1–12). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a day number. */
export function dayToIso(dayNumber: number): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Day number of a `YYYY-MM-DD` date; throws RangeError on anything else, including 2024-02-30. */
export function isoToDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const n = dayFromCivil(year, month, day);
  const back = civilFromDay(n);
  if (month < 1 || month > 12 || back.month !== month || back.day !== day) {
    throw new RangeError(`no such date: ${iso}`);
  }
  return n;
}

/** Months since January 1970 (0 = 1970-01); negative before. */
export function monthIndex(dayNumber: number): number {
  const { year, month } = civilFromDay(dayNumber);
  return (year - 1970) * 12 + month - 1;
}

/** Day number of the first day of a month index. */
export function monthStartDay(index: number): number {
  const year = 1970 + Math.floor(index / 12);
  return dayFromCivil(year, index - (year - 1970) * 12 + 1, 1);
}

/** Index of the period containing a day. Weeks start on Monday; week 0 starts on Monday 1969-12-29. */
export function periodIndex(kind: PeriodKind, dayNumber: number): number {
  switch (kind) {
    case 'week':
      return Math.floor((dayNumber + 3) / 7);
    case 'month':
      return monthIndex(dayNumber);
    case 'quarter':
      return Math.floor(monthIndex(dayNumber) / 3);
  }
}

/** First day of a period. */
export function periodStartDay(kind: PeriodKind, index: number): number {
  switch (kind) {
    case 'week':
      return index * 7 - 3;
    case 'month':
      return monthStartDay(index);
    case 'quarter':
      return monthStartDay(index * 3);
  }
}

/** Last day of a period (inclusive). */
export function periodEndDay(kind: PeriodKind, index: number): number {
  return periodStartDay(kind, index + 1) - 1;
}

/** `2024-03` for a month, `2024-Q1` for a quarter, the Monday's date `2024-03-04` for a week. */
export function periodLabel(kind: PeriodKind, index: number): string {
  switch (kind) {
    case 'week':
      return dayToIso(periodStartDay('week', index));
    case 'month':
      return dayToIso(monthStartDay(index)).slice(0, 7);
    case 'quarter': {
      const year = 1970 + Math.floor(index / 4);
      return `${year}-Q${index - (year - 1970) * 4 + 1}`;
    }
  }
}

/**
 * Slot of every day in [fromDay, toDay] (inclusive), counted from the period holding fromDay: a lookup table
 * for loops over millions of orders, where computing each month from its day number would dominate.
 */
export function periodSlots(kind: PeriodKind, fromDay: number, toDay: number): Int32Array {
  const table = new Int32Array(Math.max(0, toDay - fromDay + 1));
  let slot = 0;
  let end = periodEndDay(kind, periodIndex(kind, fromDay));
  for (let d = fromDay; d <= toDay; d++) {
    if (d > end) {
      slot++;
      end = periodEndDay(kind, periodIndex(kind, d));
    }
    table[d - fromDay] = slot;
  }
  return table;
}
