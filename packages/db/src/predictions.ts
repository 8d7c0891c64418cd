// Per-customer BG/NBD + Gamma-Gamma predictions (see migrations/0005_create_customer_predictions.sql): the
// table segment rules read p_alive and predicted_clv from, replaced wholesale with the fit it came from.
import type { Kysely } from 'kysely';
import { createUpserter, withTransaction } from './bulk';
import type { KizunaDb } from './client';
import type { Database } from './tables';

export interface CustomerPredictionsTable {
  customer_id: string;
  p_alive: number;
  expected_purchases_90d: number;
  /** Minor units of the workspace currency, rounded. */
  predicted_clv: number;
}

export interface CustomerPredictionFitTable {
  id: string;
  as_of_date: string;
  data_stamp: string;
  horizon_days: number;
  customers: number;
  /** JSON. */
  model: string;
  fitted_at: string;
}

// A type alias, not an interface: Kysely's withTables needs an index-signature-compatible record.
export type PredictionTables = {
  customer_predictions: CustomerPredictionsTable;
  customer_prediction_fit: CustomerPredictionFitTable;
};

/** The query builder with the prediction tables known (tables.ts's Database lists the core tables only). */
export function predictionsKysely(db: Pick<KizunaDb, 'kysely'>): Kysely<Database & PredictionTables> {
  return db.kysely.withTables<PredictionTables>();
}

/** Column-wise predictions, one entry per customer id; NaN in pAlive = no prediction (no row is written). */
export interface PredictionColumns {
  customerIds: readonly string[];
  pAlive: ArrayLike<number>;
  expectedPurchases90d: ArrayLike<number>;
  /** Minor units; rounded when written. */
  predictedClv: ArrayLike<number>;
}

export interface PredictionFit {
  /** `YYYY-MM-DD`: the as-of date the predictions are for. */
  asOfDate: string;
  dataStamp: string;
  horizonDays: number;
  /** Customers with a row. */
  customers: number;
  /** Fitted parameters (or why there are none), stored as JSON. */
  model: unknown;
  fittedAt: string;
}

const FIT_ID = 'current';
const columns = ['customer_id', 'p_alive', 'expected_purchases_90d', 'predicted_clv'];
/** SQLite: give the event loop a turn every this many rows so a 1M-row write does not stall the server. */
const YIELD_EVERY = 20_000;

/**
 * Replaces every prediction row and the fit record in one transaction. Customers whose pAlive is NaN (no
 * purchase before the as-of date) or whose values are not finite get no row. Returns the rows written.
 */
export async function replaceCustomerPredictions(
  db: KizunaDb,
  predictions: PredictionColumns | null,
  fit: Omit<PredictionFit, 'customers'>,
): Promise<number> {
  const n = predictions?.customerIds.length ?? 0;
  if (predictions) {
    for (const [name, col] of [['pAlive', predictions.pAlive], ['expectedPurchases90d', predictions.expectedPurchases90d], ['predictedClv', predictions.predictedClv]] as const) {
      if (col.length !== n) throw new RangeError(`${name} has ${col.length} entries for ${n} customers`);
    }
  }
  return withTransaction(db, async (tx) => {
    const k = predictionsKysely(tx);
    await k.deleteFrom('customer_predictions').execute();
    // createUpserter only checks the table name is a plain identifier; the table is ours, not tables.ts's.
    const up = createUpserter(tx, 'customer_predictions' as keyof Database, columns, ['customer_id']);
    for (let i = 0; predictions && i < n; i++) {
      const p = predictions.pAlive[i] as number;
      const e = predictions.expectedPurchases90d[i] as number;
      const clv = predictions.predictedClv[i] as number;
      if (!Number.isFinite(p) || !Number.isFinite(e) || !Number.isFinite(clv)) continue;
      const pending = up.add([predictions.customerIds[i], p, e, Math.round(clv)]);
      if (pending) await pending;
      if (tx.sqlite && i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    await up.flush();
    const values = {
      as_of_date: fit.asOfDate,
      data_stamp: fit.dataStamp,
      horizon_days: fit.horizonDays,
      customers: up.written,
      model: JSON.stringify(fit.model ?? null),
      fitted_at: fit.fittedAt,
    };
    await k
      .insertInto('customer_prediction_fit')
      .values({ id: FIT_ID, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    return up.written;
  });
}

/** The fit the stored predictions came from, or null when predictions were never written. */
export async function readPredictionFit(db: KizunaDb): Promise<PredictionFit | null> {
  const row = await predictionsKysely(db).selectFrom('customer_prediction_fit').selectAll().where('id', '=', FIT_ID).executeTakeFirst();
  if (!row) return null;
  let model: unknown = null;
  try {
    model = JSON.parse(row.model);
  } catch {
    // A hand-edited row: the predictions are still usable without the parameters.
  }
  return {
    asOfDate: row.as_of_date,
    dataStamp: row.data_stamp,
    horizonDays: Number(row.horizon_days),
    customers: Number(row.customers),
    model,
    fittedAt: row.fitted_at,
  };
}

export interface CustomerPrediction {
  customerId: string;
  pAlive: number;
  expectedPurchases90d: number;
  predictedClv: number;
}

/** Stored predictions of some customers (all when ids are omitted), in customer id order. */
export async function readCustomerPredictions(db: KizunaDb, customerIds?: readonly string[]): Promise<CustomerPrediction[]> {
  let query = predictionsKysely(db).selectFrom('customer_predictions').selectAll().orderBy('customer_id');
  if (customerIds) {
    if (customerIds.length === 0) return [];
    query = query.where('customer_id', 'in', [...customerIds]);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    customerId: r.customer_id,
    pAlive: Number(r.p_alive),
    expectedPurchases90d: Number(r.expected_purchases_90d),
    predictedClv: Number(r.predicted_clv),
  }));
}
