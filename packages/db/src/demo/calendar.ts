// The demo's three-year window and its rhythms: when people sign up (growth, new-year and spring peaks),
// when they shop (December, the July summer sale, Black Friday, New Year's lucky bags, weekends) and at
// what time of day. Dates and timestamps are precomputed per day so the hot loops only index arrays.
import { civilFromDay, dateFromDay, dayFromDate, daysInMonth } from '../days';
import { WeightedTable, type Rng } from './prng';

/** Timestamps carry Tokyo's offset, so each converts back to the same calendar day in the default zone. */
export const demoUtcOffset = '+09:00';

const monthOrderWeight = [1.05, 0.85, 1.0, 0.95, 1.0, 0.95, 1.25, 1.1, 0.9, 0.95, 1.1, 1.45];
const monthSignupWeight = [1.25, 0.9, 1.15, 1.15, 1.0, 0.9, 1.1, 1.0, 0.9, 0.95, 1.15, 1.2];
/** Sunday first, as Date.getUTCDay counts. */
const weekdayOrderWeight = [1.15, 0.92, 0.95, 0.95, 0.97, 1.0, 1.12];
/** Online orders by hour in Japan: a lunch bump and a late-evening peak. */
const onlineHourWeight = [3, 1.5, 0.8, 0.4, 0.3, 0.4, 1, 2, 3, 3.5, 4, 4.5, 6, 5, 4.5, 4.5, 4.5, 5, 5.5, 6, 7, 8.5, 8.5, 6];
const storeHourWeight = onlineHourWeight.map((_, h) => (h >= 10 && h <= 20 ? (h >= 13 && h <= 18 ? 2 : 1) : 0));
const twoDigits = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** Lucky-bag days, the summer sale and Black Friday week lift orders above their month's level. */
function specialDayWeight(month: number, dayOfMonth: number): number {
  if (month === 1 && dayOfMonth <= 3) return 1.6;
  if (month === 7 && dayOfMonth <= 14) return 1.3;
  if (month === 11 && dayOfMonth >= 21) return 1.4;
  if (month === 12 && dayOfMonth >= 10 && dayOfMonth <= 25) return 1.25;
  return 1;
}

export class DemoCalendar {
  /** First and last day of data (inclusive), as day numbers. */
  readonly startDay: number;
  readonly endDay: number;
  readonly length: number;
  /** Order-rate multiplier per day, normalized to average 1 over the window. */
  readonly orderWeight: Float64Array;
  readonly maxOrderWeight: number;
  private readonly dates: string[];
  private readonly months: Uint8Array;
  private readonly signupTable: WeightedTable<number>;
  private readonly onlineHours = new WeightedTable(onlineHourWeight.map((w, h) => [h, w] as const));
  private readonly storeHours = new WeightedTable(storeHourWeight.map((w, h) => [h, w] as const));

  /** Three years of data ending on endDate (`YYYY-MM-DD`, inclusive). */
  constructor(endDate: string, years = 3) {
    this.endDay = dayFromDate(endDate);
    const end = civilFromDay(this.endDay);
    const startYear = end.year - years;
    // The day after the same date `years` earlier (29 February falls back to the 28th).
    const sameDay = Math.min(end.day, daysInMonth(startYear, end.month));
    this.startDay = dayFromDate(`${String(startYear).padStart(4, '0')}-${twoDigits[end.month]}-${twoDigits[sameDay]}`) + 1;
    this.length = this.endDay - this.startDay + 1;
    this.dates = new Array<string>(this.length);
    this.months = new Uint8Array(this.length);
    this.orderWeight = new Float64Array(this.length);
    const signup: [number, number][] = [];
    let sum = 0;
    for (let i = 0; i < this.length; i++) {
      const day = this.startDay + i;
      const civil = civilFromDay(day);
      this.dates[i] = dateFromDay(day);
      this.months[i] = civil.month;
      const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
      const w = (monthOrderWeight[civil.month - 1] as number) * (weekdayOrderWeight[weekday] as number) * specialDayWeight(civil.month, civil.day);
      this.orderWeight[i] = w;
      sum += w;
      // Membership grows about 50% a year, with new-year and spring (new school and work year) peaks.
      signup.push([day, Math.pow(1.5, i / 365) * (monthSignupWeight[civil.month - 1] as number)]);
    }
    let max = 0;
    for (let i = 0; i < this.length; i++) {
      const w = ((this.orderWeight[i] as number) * this.length) / sum;
      this.orderWeight[i] = w;
      if (w > max) max = w;
    }
    this.maxOrderWeight = max;
    this.signupTable = new WeightedTable(signup);
  }

  contains(day: number): boolean {
    return day >= this.startDay && day <= this.endDay;
  }

  /** `YYYY-MM-DD` of a day inside the window. */
  date(day: number): string {
    return this.dates[day - this.startDay] ?? dateFromDay(day);
  }

  /** Month 1–12 of a day inside the window. */
  month(day: number): number {
    return this.months[day - this.startDay] ?? civilFromDay(day).month;
  }

  weightOf(day: number): number {
    return this.orderWeight[day - this.startDay] ?? 0;
  }

  sampleSignupDay(rng: Rng): number {
    return this.signupTable.sample(rng);
  }

  /** Seconds since midnight: online orders follow the evening peak, store orders opening hours. */
  sampleSecondOfDay(rng: Rng, store = false): number {
    const hour = (store ? this.storeHours : this.onlineHours).sample(rng);
    return hour * 3600 + Math.floor(rng.next() * 3600);
  }

  /** ISO timestamp with the Tokyo offset, e.g. `2025-07-03T21:14:05+09:00`. */
  timestamp(day: number, secondOfDay: number): string {
    const h = Math.floor(secondOfDay / 3600);
    const m = Math.floor((secondOfDay % 3600) / 60);
    const s = secondOfDay % 60;
    return `${this.date(day)}T${twoDigits[h]}:${twoDigits[m]}:${twoDigits[s]}${demoUtcOffset}`;
  }
}
