// Formatting at the edge: money from minor units, counts, calendar dates and timestamps, in the UI locale.

/** Digits after the decimal point of a currency's minor unit (JPY 0, USD 2, KWD 3), as the team defines it. */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 0;
}

/** `minor` is an integer amount in minor units of `currency`. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const value = minor / 10 ** currencyExponent(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar date `YYYY-MM-DD` to a Date at UTC midnight, so formatting in UTC never shifts the day. */
function calendarDate(iso: string): Date | null {
  const match = isoDate.exec(iso);
  if (!match) return null;
  const [, y, m, d] = match;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/** A workspace calendar date (`YYYY-MM-DD`); anything unparseable is shown as given rather than hidden. */
export function formatDate(iso: string, locale: string): string {
  const date = calendarDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An inclusive range of calendar dates; null when either end is missing (no data yet). */
export function formatDateRange(from: string | null, to: string | null, locale: string): string | null {
  if (from === null || to === null) return null;
  const start = calendarDate(from);
  const end = calendarDate(to);
  if (!start || !end) return `${from} – ${to}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(start, end);
}

/** An instant (ISO timestamp) shown as a date and time in the workspace's time zone. */
export function formatDateTime(isoTimestamp: string, locale: string, timeZone: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    // An unknown time zone name must not blank the page; fall back to the browser's zone.
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** File sizes in decimal units (1 MB = 1,000,000 bytes), as browsers and operating systems show them. */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: byteUnits[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
