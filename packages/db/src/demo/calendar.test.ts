import { describe, expect, it } from 'vitest';
import { dayFromDate, parseTimestampToDay } from '../days';
import { DemoCalendar } from './calendar';
import { Rng } from './prng';

describe('DemoCalendar', () => {
  it('covers the three years ending on the end date, inclusive', () => {
    const cal = new DemoCalendar('2026-10-31');
    expect(cal.date(cal.startDay)).toBe('2023-11-01');
    expect(cal.date(cal.endDay)).toBe('2026-10-31');
    expect(cal.length).toBe(dayFromDate('2026-10-31') - dayFromDate('2023-11-01') + 1);
    expect(cal.contains(cal.startDay - 1)).toBe(false);
    expect(cal.contains(cal.endDay + 1)).toBe(false);
  });

  it('handles a 29 February end date', () => {
    const cal = new DemoCalendar('2028-02-29');
    expect(cal.date(cal.startDay)).toBe('2025-03-01');
  });

  it('normalizes order weights to average 1, with December above February and lucky-bag days high', () => {
    const cal = new DemoCalendar('2026-10-31');
    const avg = cal.orderWeight.reduce((a, b) => a + b, 0) / cal.length;
    expect(avg).toBeCloseTo(1, 9);
    const monthAvg = (prefix: string): number => {
      const ws: number[] = [];
      for (let d = cal.startDay; d <= cal.endDay; d++) if (cal.date(d).startsWith(prefix)) ws.push(cal.weightOf(d));
      return ws.reduce((a, b) => a + b, 0) / ws.length;
    };
    expect(monthAvg('2025-12')).toBeGreaterThan(1.4 * monthAvg('2025-02'));
    expect(monthAvg('2025-07')).toBeGreaterThan(monthAvg('2025-06'));
    expect(cal.weightOf(dayFromDate('2026-01-02'))).toBeGreaterThan(cal.weightOf(dayFromDate('2026-01-20')));
    expect(Math.max(...cal.orderWeight)).toBe(cal.maxOrderWeight);
    expect(cal.weightOf(cal.endDay + 1)).toBe(0);
  });

  it('samples sign-ups inside the window, more in the last year than the first (growth)', () => {
    const cal = new DemoCalendar('2026-10-31');
    const rng = new Rng(1);
    let first = 0;
    let last = 0;
    for (let i = 0; i < 20_000; i++) {
      const d = cal.sampleSignupDay(rng);
      expect(cal.contains(d)).toBe(true);
      if (d < cal.startDay + 365) first++;
      if (d > cal.endDay - 365) last++;
    }
    expect(last / first).toBeGreaterThan(1.8);
    expect(last / first).toBeLessThan(2.8);
  });

  it('writes Tokyo timestamps that convert back to the same day', () => {
    const cal = new DemoCalendar('2026-10-31');
    const rng = new Rng(2);
    for (let i = 0; i < 500; i++) {
      const day = cal.startDay + rng.int(0, cal.length - 1);
      const second = cal.sampleSecondOfDay(rng);
      const ts = cal.timestamp(day, second);
      expect(ts).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      expect(parseTimestampToDay(ts, 'Asia/Tokyo')).toBe(day);
    }
    expect(cal.timestamp(dayFromDate('2025-07-03'), 21 * 3600 + 14 * 60 + 5)).toBe('2025-07-03T21:14:05+09:00');
  });

  it('keeps store orders within opening hours and puts online orders mostly in the evening', () => {
    const cal = new DemoCalendar('2026-10-31');
    const rng = new Rng(3);
    let evening = 0;
    for (let i = 0; i < 5_000; i++) {
      const hour = Math.floor(cal.sampleSecondOfDay(rng, true) / 3600);
      expect(hour).toBeGreaterThanOrEqual(10);
      expect(hour).toBeLessThanOrEqual(20);
      const online = Math.floor(cal.sampleSecondOfDay(rng) / 3600);
      if (online >= 19 && online <= 23) evening++;
      expect(online).toBeLessThan(24);
    }
    expect(evening / 5_000).toBeGreaterThan(0.3);
  });
});
