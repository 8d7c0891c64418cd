import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOnDay, dateFromDay, dayFromDate, dayOfInstant, parseTimestampToDay, todayDay, tryDayFromDate } from './days';

describe('dayFromDate / dateFromDay', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['2024-03-01', 19_783],
    ['1900-03-01', -25_508],
  ])('%s is day %i', (date, day) => {
    expect(dayFromDate(date)).toBe(day);
    expect(dateFromDay(day)).toBe(date);
  });

  it('agrees with Date.UTC and round-trips for every day 1600–2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (day) => {
        const date = dateFromDay(day);
        expect(Date.parse(`${date}T00:00:00Z`) / 86_400_000).toBe(day);
        expect(dayFromDate(date)).toBe(day);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '24-01-01', '', 'x'])(
    'rejects %j',
    (bad) => {
      expect(tryDayFromDate(bad)).toBeNull();
      expect(() => dayFromDate(bad)).toThrow(RangeError);
    },
  );
});

describe('parseTimestampToDay', () => {
  const tokyo = 'Asia/Tokyo';
  it.each([
    ['2024-03-01', tokyo, '2024-03-01'],
    ['2024-03-01T23:59:59', tokyo, '2024-03-01'],
    ['2024-03-01 08:15', tokyo, '2024-03-01'],
    ['2024-03-01t20:00:00z', tokyo, '2024-03-02'],
    ['2024-03-01T10:00:00.123', tokyo, '2024-03-01'],
    ['2024-03-01T14:59:59Z', tokyo, '2024-03-01'],
    ['2024-03-01T15:00:00Z', tokyo, '2024-03-02'],
    ['2024-03-01T15:00:00.000Z', tokyo, '2024-03-02'],
    ['2024-03-01T23:30:00+09:00', tokyo, '2024-03-01'],
    ['2024-03-01T23:30:00-05:00', tokyo, '2024-03-02'],
    ['2024-03-01T23:30:00-0500', tokyo, '2024-03-02'],
    ['2024-03-01T23:30:00-05', tokyo, '2024-03-02'],
    ['2024-03-01T03:00:00Z', 'America/New_York', '2024-02-29'],
    // New York springs forward at 07:00Z on 2024-03-10; both sides of the change.
    ['2024-03-10T04:59:00Z', 'America/New_York', '2024-03-09'],
    ['2024-03-10T05:00:00Z', 'America/New_York', '2024-03-10'],
    ['2024-11-03T04:30:00Z', 'America/New_York', '2024-11-03'],
    ['2024-11-03T03:59:00Z', 'America/New_York', '2024-11-02'],
    ['2024-03-01T00:00:00Z', 'UTC', '2024-03-01'],
    // Adelaide's half-hour offset moves at 16:30Z: an hour with a change inside.
    ['2024-04-06T16:29:00Z', 'Australia/Adelaide', '2024-04-07'],
  ])('%s in %s is %s', (input, zone, expected) => {
    expect(parseTimestampToDay(input, zone)).toBe(dayFromDate(expected));
  });

  it.each(['2024-02-30', '2024-03-01T24:00:00', '2024-03-01T10:60', '2024-03-01T10:00:00+25:00', '03/01/2024', '2024-03-01T', 'now', ''])(
    'rejects %j',
    (bad) => {
      expect(parseTimestampToDay(bad, tokyo)).toBeNull();
    },
  );

  it('matches Intl for random instants in zones with DST and odd offsets', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Adelaide', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.constantFrom(...zones), (sec, zone) => {
        const instant = sec * 1000;
        const iso = new Date(instant).toISOString();
        const expected = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
        expect(dateFromDay(parseTimestampToDay(iso, zone)!)).toBe(expected);
        expect(dateFromDay(dayOfInstant(instant, zone))).toBe(expected);
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

describe('todayDay', () => {
  it('is the local date of now in the zone', () => {
    const now = new Date('2024-06-30T16:00:00Z');
    expect(dateFromDay(todayDay('Asia/Tokyo', now))).toBe('2024-07-01');
    expect(dateFromDay(todayDay('UTC', now))).toBe('2024-06-30');
  });
});

describe('ageOnDay', () => {
  it.each([
    ['1990-05-10', '2024-05-09', 33],
    ['1990-05-10', '2024-05-10', 34],
    ['2000-02-29', '2023-02-28', 22],
    ['2000-02-29', '2023-03-01', 23],
    ['2000-02-29', '2024-02-29', 24],
    ['2024-01-01', '2024-01-01', 0],
    ['1990-05-10T00:00:00', '2024-05-10', 34],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOnDay(birth, dayFromDate(on))).toBe(age);
  });

  it('is null before birth or for a bad date', () => {
    expect(ageOnDay('2024-01-02', dayFromDate('2024-01-01'))).toBeNull();
    expect(ageOnDay('not a date', 0)).toBeNull();
  });
});
