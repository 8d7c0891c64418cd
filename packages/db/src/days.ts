// Day numbers (whole days since 1970-01-01 in the workspace time zone) and the date parsing the importer and
// every window, age, recency and tenure rely on. Plain arithmetic on the hot paths; Intl only for zones.

const msPerDay = 86_400_000;

/** Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1–12), valid for any year. */
function daysFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil: exact integer arithmetic, no Date objects.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The calendar date of a day number. */
export function civilFromDay(day: number): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` date, or null when it is not a real calendar date. */
export function tryDayFromDate(date: string): number | null {
  const m = isoDatePattern.exec(date);
  if (!m) return null;
  return checkedDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function checkedDay(y: number, mo: number, d: number): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/** Day number of a `YYYY-MM-DD` date; throws a RangeError for anything else. */
export function dayFromDate(date: string): number {
  const day = tryDayFromDate(date);
  if (day === null) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return day;
}

/** `YYYY-MM-DD` of a day number (years 0–9999). */
export function dateFromDay(day: number): string {
  const c = civilFromDay(day);
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Date, optional time (T or space), optional fraction, optional offset (Z, ±HH, ±HHMM, ±HH:MM).
const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * The workspace-local day of an ISO 8601 date or timestamp, or null when it cannot be parsed. A plain date
 * or a timestamp without offset is taken as already local; one with Z or an offset is converted to
 * timeZone's calendar date.
 */
export function parseTimestampToDay(s: string, timeZone: string): number | null {
  // Fast path: the plain dates most files carry.
  if (s.length === 10) return tryDayFromDate(s);
  const m = timestampPattern.exec(s);
  if (!m) return null;
  const day = checkedDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (day === null) return null;
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const mi = Number(m[5]);
    const sec = m[6] === undefined ? 0 : Number(m[6]);
    if (h > 23 || mi > 59 || sec > 59) return null;
    const offset = m[7];
    if (offset === undefined) return day;
    const offsetMinutes = parseOffsetMinutes(offset);
    if (offsetMinutes === null) return null;
    const instant = day * msPerDay + ((h * 60 + mi - offsetMinutes) * 60 + sec) * 1000;
    return dayOfInstant(instant, timeZone);
  }
  // A date with an offset but no time ("2024-03-01Z") has no instant to convert: keep the date.
  return m[7] === undefined || parseOffsetMinutes(m[7]) !== null ? day : null;
}

function parseOffsetMinutes(offset: string): number | null {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const mi = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (h > 23 || mi > 59) return null;
  return sign * (h * 60 + mi);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offset (ms) per zone and hour: zones change offset at most once an hour, checked at both ends. */
const offsetCache = new Map<string, Map<number, number>>();
const msPerHour = 3_600_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far timeZone's wall clock is ahead of UTC at an instant, in ms. */
function exactOffset(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const local = daysFromCivil(get('year'), get('month'), get('day')) * msPerDay +
    ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000;
  return local - Math.floor(instant / 1000) * 1000;
}

function offsetAt(instant: number, timeZone: string): number {
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(timeZone, zoneCache);
  }
  const hour = Math.floor(instant / msPerHour);
  let cached = zoneCache.get(hour);
  if (cached === undefined) {
    const start = exactOffset(hour * msPerHour, timeZone);
    const end = exactOffset(hour * msPerHour + msPerHour - 1000, timeZone);
    // NaN marks an hour with a transition inside: those instants are converted one by one.
    cached = start === end ? start : Number.NaN;
    zoneCache.set(hour, cached);
  }
  return Number.isNaN(cached) ? exactOffset(instant, timeZone) : cached;
}

/** The local day of an instant (ms since the epoch) in timeZone. */
export function dayOfInstant(instant: number, timeZone: string): number {
  return Math.floor((instant + offsetAt(instant, timeZone)) / msPerDay);
}

/** Today's day number in timeZone. */
export function todayDay(timeZone: string, now: Date = new Date()): number {
  return dayOfInstant(now.getTime(), timeZone);
}

/**
 * Whole years completed on `day` by someone born on birthDate (`YYYY-MM-DD`; a longer timestamp uses its
 * first ten characters). Someone born on 29 February gains a year on 1 March in common years. Null for an
 * unparseable date or a day before the birth. The SQL of features.ts computes the same thing.
 */
export function ageOnDay(birthDate: string, day: number): number | null {
  const birth = tryDayFromDate(birthDate.slice(0, 10));
  if (birth === null || day < birth) return null;
  const b = civilFromDay(birth);
  const on = civilFromDay(day);
  const beforeBirthday = on.month * 100 + on.day < b.month * 100 + b.day;
  return on.year - b.year - (beforeBirthday ? 1 : 0);
}
