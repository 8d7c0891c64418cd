// Workspace settings (as-of date, currency, time zone, thresholds) kept as key/value rows, and the effective
// as-of day every window, age, recency and tenure is computed from.
import { z } from 'zod';
import { withTransaction } from './bulk';
import type { KizunaDb } from './client';
import { dateFromDay, isValidTimeZone, todayDay, tryDayFromDate } from './days';

export interface Settings {
  /** `YYYY-MM-DD`, or null for automatic (the day after the newest order or event). */
  asOfDate: string | null;
  /** ISO 4217 code; money is kept in its minor units. */
  currency: string;
  /** IANA zone that *_day columns and dates are computed in. */
  timeZone: string;
  /** Segments smaller than this get a hyper-segmentation warning. */
  smallSegmentThreshold: number;
  /** At most this many campaign messages per customer per week. */
  frequencyCapPerWeek: number;
}

export const defaultSettings: Readonly<Settings> = Object.freeze({
  asOfDate: null,
  currency: 'JPY',
  timeZone: 'Asia/Tokyo',
  smallSegmentThreshold: 100,
  frequencyCapPerWeek: 3,
});

/** Row keys of the settings table, per field. */
const keys = {
  asOfDate: 'as_of_date',
  currency: 'currency',
  timeZone: 'time_zone',
  smallSegmentThreshold: 'small_segment_threshold',
  frequencyCapPerWeek: 'frequency_cap_per_week',
} as const satisfies Record<keyof Settings, string>;

let currencies: Set<string> | undefined;

export function isValidCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

/** Digits after the decimal point in the currency's minor unit: 0 for JPY, 2 for USD, 3 for KWD. */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export const isoDateString = z
  .string()
  .refine((s) => tryDayFromDate(s) !== null, { message: 'Expected a date as YYYY-MM-DD' });

/** A change to some settings; omitted fields stay as they are, asOfDate null means automatic. */
export const settingsPatch = z
  .object({
    asOfDate: isoDateString.nullable(),
    currency: z.string().refine(isValidCurrency, { message: 'Expected an ISO 4217 currency code such as JPY' }),
    timeZone: z.string().refine(isValidTimeZone, { message: 'Expected an IANA time zone such as Asia/Tokyo' }),
    smallSegmentThreshold: z.number().int().min(0).max(1_000_000_000),
    frequencyCapPerWeek: z.number().int().min(1).max(100),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

function decode(rows: { key: string; value: string }[]): Settings {
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const int = (key: string, fallback: number): number => {
    const v = Number(byKey.get(key));
    return byKey.has(key) && Number.isInteger(v) ? v : fallback;
  };
  const asOf = byKey.get(keys.asOfDate);
  const currency = byKey.get(keys.currency);
  const timeZone = byKey.get(keys.timeZone);
  return {
    // Values are validated on write; a hand-edited bad row falls back to the default rather than crash.
    asOfDate: asOf !== undefined && tryDayFromDate(asOf) !== null ? asOf : null,
    currency: currency !== undefined && isValidCurrency(currency) ? currency : defaultSettings.currency,
    timeZone: timeZone !== undefined && isValidTimeZone(timeZone) ? timeZone : defaultSettings.timeZone,
    smallSegmentThreshold: int(keys.smallSegmentThreshold, defaultSettings.smallSegmentThreshold),
    frequencyCapPerWeek: int(keys.frequencyCapPerWeek, defaultSettings.frequencyCapPerWeek),
  };
}

export async function getSettings(db: KizunaDb): Promise<Settings> {
  return decode(await db.kysely.selectFrom('settings').select(['key', 'value']).execute());
}

/**
 * Validates and applies a patch; returns the settings after it. Changing asOfDate (or timeZone) changes
 * every computed feature: the caller rebuilds them (rebuildFeatures). A new timeZone applies to dates
 * imported afterwards; *_day columns already stored keep the zone they were imported in.
 */
export async function updateSettings(db: KizunaDb, patch: SettingsPatch): Promise<Settings> {
  const valid = settingsPatch.parse(patch);
  const writes: { key: string; value: string | null }[] = [];
  for (const field of Object.keys(valid) as (keyof Settings)[]) {
    const value = valid[field];
    if (value === undefined) continue;
    writes.push({ key: keys[field], value: value === null ? null : String(value) });
  }
  return withTransaction(db, async (tx) => {
    for (const w of writes) {
      if (w.value === null) {
        await tx.kysely.deleteFrom('settings').where('key', '=', w.key).execute();
      } else {
        await tx.kysely
          .insertInto('settings')
          .values({ key: w.key, value: w.value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: w.value! }))
          .execute();
      }
    }
    return getSettings(tx);
  });
}

export interface AsOf {
  /** The effective as-of day: everything is computed from data strictly before it. */
  asOfDay: number;
  asOfDate: string;
  /** The newest day with an order or event, or null when there is no data. */
  dataThroughDate: string | null;
  /** True when set explicitly in the settings, false when automatic. */
  explicit: boolean;
}

/** The newest ordered_day or occurred_day, or null without data. */
export async function newestDataDay(db: KizunaDb): Promise<number | null> {
  const orders = await db.kysely.selectFrom('orders').select((eb) => eb.fn.max('ordered_day').as('d')).executeTakeFirst();
  const events = await db.kysely.selectFrom('events').select((eb) => eb.fn.max('occurred_day').as('d')).executeTakeFirst();
  const days = [orders?.d, events?.d].filter((d): d is number => d !== null && d !== undefined).map(Number);
  return days.length === 0 ? null : Math.max(...days);
}

/**
 * The explicit as-of date when set; else the day after the newest order or event; else today in the
 * workspace time zone.
 */
export async function resolveAsOf(db: KizunaDb, settings?: Settings, now: Date = new Date()): Promise<AsOf> {
  const s = settings ?? (await getSettings(db));
  const newest = await newestDataDay(db);
  const dataThroughDate = newest === null ? null : dateFromDay(newest);
  if (s.asOfDate !== null) {
    return { asOfDay: tryDayFromDate(s.asOfDate)!, asOfDate: s.asOfDate, dataThroughDate, explicit: true };
  }
  const asOfDay = newest === null ? todayDay(s.timeZone, now) : newest + 1;
  return { asOfDay, asOfDate: dateFromDay(asOfDay), dataThroughDate, explicit: false };
}
