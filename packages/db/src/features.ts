// Rebuilds customer_features, one row per customer computed as of the as-of day, with one set-based
// INSERT … SELECT that runs unchanged on SQLite and PostgreSQL (only day-from-date differs).
import { sql } from 'kysely';
import { withTransaction } from './bulk';
import type { KizunaDb } from './client';
import { civilFromDay } from './days';
import { resolveAsOf, type AsOf } from './settings';

export interface RebuildFeaturesOptions {
  /** Use this as-of instead of resolving it from the settings and data. */
  asOf?: Pick<AsOf, 'asOfDay'>;
}

export interface RebuildFeaturesResult {
  customers: number;
  asOfDay: number;
  durationMs: number;
}

/** Day number of a `YYYY-MM-DD…` text column (its first ten characters), per dialect. */
function dayOf(db: KizunaDb, column: string): string {
  return db.dialect === 'sqlite'
    ? `CAST(julianday(substr(${column}, 1, 10)) - 2440587.5 AS INTEGER)`
    : `(CAST(substr(${column}, 1, 10) AS DATE) - DATE '1970-01-01')`;
}

function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`Expected an integer, got ${n}`);
  return String(n);
}

/**
 * The SELECT producing every customer_features row. Orders on or after the as-of day are ignored; R/F/M
 * score = 1 + floor(5 × below / n) over customers with ≥ 1 order, where below = RANK() − 1 in the order from
 * worst to best (ties share a rank, so they share a score). Integer division truncates in both dialects and
 * every operand is non-negative, so it is the floor.
 */
export function featuresSelectSql(db: KizunaDb, asOfDay: number): string {
  const asOf = int(asOfDay);
  const d = civilFromDay(asOfDay);
  const asOfDate = `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const birthMonthDay = `(CAST(substr(c.birth_date, 6, 2) AS INTEGER) * 100 + CAST(substr(c.birth_date, 9, 2) AS INTEGER))`;
  const signupDay = dayOf(db, 'c.signup_date');
  const double = 'DOUBLE PRECISION';
  return `
SELECT
  c.customer_id, c.gender, substr(c.birth_date, 1, 10),
  CASE WHEN c.birth_date IS NULL OR substr(c.birth_date, 1, 10) > '${asOfDate}' THEN NULL
    ELSE ${int(d.year)} - CAST(substr(c.birth_date, 1, 4) AS INTEGER)
      - CASE WHEN ${int(d.month * 100 + d.day)} < ${birthMonthDay} THEN 1 ELSE 0 END END,
  c.country, c.region, c.city, c.postal_code, c.annual_income, c.occupation, c.interests, c.lifestyle,
  c.signup_date, ${signupDay},
  c.membership_plan, c.membership_status, ${dayOf(db, 'c.canceled_at')},
  COALESCE(c.email_opt_in, 0), COALESCE(c.sms_opt_in, 0), COALESCE(c.push_opt_in, 0), COALESCE(c.line_opt_in, 0),
  CASE WHEN c.email IS NOT NULL AND c.email <> '' THEN 1 ELSE 0 END,
  c.preferred_channel, c.acquisition_channel, c.primary_device, c.locale, c.custom_attributes,
  CASE WHEN c.signup_date IS NULL THEN ${asOf} - o.first_order_day
    WHEN ${signupDay} < ${asOf} THEN ${asOf} - ${signupDay} ELSE NULL END,
  o.first_order_day, o.last_order_day, ${asOf} - o.last_order_day,
  COALESCE(o.frequency, 0), COALESCE(o.purchase_days, 0), COALESCE(o.monetary, 0),
  CAST(o.monetary AS ${double}) / CAST(o.frequency AS ${double}),
  o.r_score, o.f_score, o.m_score
FROM customers c
LEFT JOIN (
  SELECT a.customer_id, a.frequency, a.purchase_days, a.monetary, a.first_order_day, a.last_order_day,
    1 + (5 * (RANK() OVER (ORDER BY a.last_order_day) - 1)) / COUNT(*) OVER () AS r_score,
    1 + (5 * (RANK() OVER (ORDER BY a.frequency) - 1)) / COUNT(*) OVER () AS f_score,
    1 + (5 * (RANK() OVER (ORDER BY a.monetary) - 1)) / COUNT(*) OVER () AS m_score
  FROM (
    -- One pass over the covering index (customer_id, ordered_day, amount) in its order.
    SELECT customer_id, COUNT(*) AS frequency, COUNT(DISTINCT ordered_day) AS purchase_days,
      SUM(amount) AS monetary, MIN(ordered_day) AS first_order_day, MAX(ordered_day) AS last_order_day
    FROM orders WHERE ordered_day < ${asOf}
    GROUP BY customer_id
  ) a
) o ON o.customer_id = c.customer_id`;
}

const featureColumns = [
  'customer_id', 'gender', 'birth_date', 'age', 'country', 'region', 'city', 'postal_code', 'annual_income',
  'occupation', 'interests', 'lifestyle', 'signup_date', 'signup_day', 'membership_plan', 'membership_status',
  'canceled_day', 'email_opt_in', 'sms_opt_in', 'push_opt_in', 'line_opt_in', 'has_email', 'preferred_channel',
  'acquisition_channel', 'primary_device', 'locale', 'custom_attributes', 'tenure_days', 'first_order_day',
  'last_order_day', 'recency_days', 'frequency', 'purchase_days', 'monetary', 'aov', 'r_score', 'f_score',
  'm_score',
] as const;

/**
 * Replaces every row of customer_features with values computed as of the as-of day, in one transaction
 * (joins the caller's when db comes from withTransaction). Call it after imports and whenever the as-of
 * date changes.
 */
export async function rebuildFeatures(db: KizunaDb, opts: RebuildFeaturesOptions = {}): Promise<RebuildFeaturesResult> {
  const started = performance.now();
  return withTransaction(db, async (tx) => {
    const asOfDay = opts.asOf?.asOfDay ?? (await resolveAsOf(tx)).asOfDay;
    const insert = `INSERT INTO customer_features (${featureColumns.join(', ')}) ${featuresSelectSql(tx, asOfDay)}`;
    let customers: number;
    if (tx.sqlite) {
      tx.sqlite.exec('DELETE FROM customer_features');
      customers = tx.sqlite.prepare(insert).run().changes;
    } else {
      await sql`DELETE FROM customer_features`.execute(tx.kysely);
      const res = await sql.raw(insert).execute(tx.kysely);
      customers = Number(res.numAffectedRows ?? 0);
    }
    return { customers, asOfDay, durationMs: Math.round(performance.now() - started) };
  });
}

/**
 * The R/F/M score of each value among `values` (higher is better; negate recency first): 1 + floor(5 ×
 * below / n) with below = how many values are strictly worse. The JS twin of the SQL above.
 */
export function scoreQuintiles(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = values.length;
  return values.map((v) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return 1 + Math.floor((5 * lo) / n);
  });
}
