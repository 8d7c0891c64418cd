// Day numbers (whole days since 1970-01-01) from and to ISO dates, with UTC calendar arithmetic: a
// workspace-local date maps to the same day number the database's *_day columns use.
const MS_PER_DAY = 86_400_000;

/** The day number of `YYYY-MM-DD`, or null when the text is not a real calendar date. */
export function isoToDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The day of an ISO date or the date part of an ISO timestamp (first 10 characters), as the SQL side reads it. */
export function leadingIsoToDay(text: string | null | undefined): number | null {
  if (text == null || text.length < 10) return null;
  return isoToDay(text.slice(0, 10));
}
