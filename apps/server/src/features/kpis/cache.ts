// The KPI cache, per database handle: the loaded MetricsData (once per state of the data), and per as-of day
// what is costly to derive from it (the model fits, the calibration check, R/F/M scores). The workspace's
// own as-of day also keeps the customer_predictions table in step. invalidateKpiCache(db) is called after
// imports and as-of changes; a data stamp (imports, newest data day) also catches writes by other processes.
import { readPredictionFit, replaceCustomerPredictions, resolveAsOf, type KizunaDb } from '@kizuna/db';
import { customerTotals, dayToIso, rfmScores, type CustomerTotals, type MetricsData, type RfmScores } from '@kizuna/metrics';
import { loadMetricsData, type LoadedMetrics } from './loader';
import { clvAt, CLV_HORIZON_DAYS, fitModels, modelCheck, type ModelCheckOutcome, type ModelOutcome } from './models';
import { yieldToEventLoop } from './rows';

/** Everything the dashboard reads for one as-of day. */
export interface KpiState {
  asOfDay: number;
  /** The loaded columns with this as-of day. */
  data: MetricsData;
  customerIds: readonly string[];
  stamp: string;
  models: ModelOutcome;
  check: ModelCheckOutcome;
  totals: CustomerTotals;
  scores: RfmScores;
  /** Predicted CLV per customer from the histories before `boundaryDay`, with this day's fit; null without a model. */
  clvAt(boundaryDay: number): Float64Array | null;
  loadMs: number;
  deriveMs: number;
}

interface Base {
  stamp: string;
  loaded: Promise<LoadedMetrics>;
  derived: Map<number, Promise<KpiState>>;
}

interface DbCache {
  generation: number;
  base: Base | null;
  /** Prediction writes run one after another, so an older refresh never overwrites a newer one. */
  writes: Promise<unknown>;
}

/** As-of days whose derived state is kept; each holds a few arrays per customer. */
const MAX_DERIVED = 4;
const MAX_CLV_BOUNDARIES = 4;

const caches = new WeakMap<KizunaDb, DbCache>();

function cacheOf(db: KizunaDb): DbCache {
  let c = caches.get(db);
  if (!c) {
    c = { generation: 0, base: null, writes: Promise.resolve() };
    caches.set(db, c);
  }
  return c;
}

/** Identifies the state of the data: a new import or newer orders/events change it. */
export async function dataStamp(db: KizunaDb, dataThroughDate: string | null): Promise<string> {
  const row = await db.kysely
    .selectFrom('imports')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('finished_at').as('last')])
    .executeTakeFirstOrThrow();
  return `${Number(row.count)}|${row.last ?? '-'}|${dataThroughDate ?? '-'}`;
}

/**
 * The models and per-customer figures for one as-of day: seconds of work at 1M customers, so requests get
 * a turn of the event loop between the steps (each step itself still runs in one go).
 */
async function derive(loaded: LoadedMetrics, stamp: string, asOfDay: number): Promise<KpiState> {
  const started = performance.now();
  const data: MetricsData = { ...loaded.data, asOfDay };
  const models = fitModels(data);
  await yieldToEventLoop();
  const check = modelCheck(data);
  await yieldToEventLoop();
  const totals = customerTotals(data);
  await yieldToEventLoop();
  const scores = rfmScores(data, totals);
  const boundaries = new Map<number, Float64Array>();
  return {
    asOfDay,
    data,
    customerIds: loaded.customerIds,
    stamp,
    models,
    check,
    totals,
    scores,
    clvAt(boundaryDay) {
      if (!models.ok) return null;
      if (boundaryDay >= asOfDay) return models.models.clv;
      let clv = boundaries.get(boundaryDay);
      if (!clv) {
        clv = clvAt(data, models.models.params, boundaryDay);
        if (boundaries.size >= MAX_CLV_BOUNDARIES) boundaries.delete(boundaries.keys().next().value!);
        boundaries.set(boundaryDay, clv);
      }
      return clv;
    },
    loadMs: loaded.loadMs,
    deriveMs: Math.round(performance.now() - started),
  };
}

/** The state for an as-of day, loading the data and fitting the models when needed. */
export async function getKpiState(db: KizunaDb, asOfDay: number, stamp: string): Promise<KpiState> {
  const cache = cacheOf(db);
  if (!cache.base || cache.base.stamp !== stamp) {
    const loaded = loadMetricsData(db, asOfDay);
    // A failed load must not stay cached: the next request tries again.
    loaded.catch(() => {
      if (cache.base?.loaded === loaded) cache.base = null;
    });
    cache.base = { stamp, loaded, derived: new Map() };
  }
  const base = cache.base;
  let state = base.derived.get(asOfDay);
  if (!state) {
    state = base.loaded.then(async (loaded) => {
      // Let requests queued behind the load run before fitting, which holds the thread for a while.
      await yieldToEventLoop();
      return derive(loaded, stamp, asOfDay);
    });
    state.catch(() => base.derived.delete(asOfDay));
    if (base.derived.size >= MAX_DERIVED) base.derived.delete(base.derived.keys().next().value!);
    base.derived.set(asOfDay, state);
  } else {
    // Most recently used last, so eviction drops the oldest.
    base.derived.delete(asOfDay);
    base.derived.set(asOfDay, state);
  }
  return state;
}

/**
 * Writes the state's predictions to customer_predictions unless the stored ones are already for this as-of
 * date and data. Returns whether it wrote.
 */
export async function persistPredictions(db: KizunaDb, state: KpiState): Promise<boolean> {
  const cache = cacheOf(db);
  const generation = cache.generation;
  const run = cache.writes.then(async () => {
    if (generation !== cache.generation) return false;
    const asOfDate = dayToIso(state.asOfDay);
    const stored = await readPredictionFit(db);
    if (stored && stored.asOfDate === asOfDate && stored.dataStamp === state.stamp) return false;
    const fit = {
      asOfDate,
      dataStamp: state.stamp,
      horizonDays: CLV_HORIZON_DAYS,
      model: state.models.ok ? state.models.models.params : { error: state.models.reason },
      fittedAt: new Date().toISOString(),
    };
    const m = state.models.ok ? state.models.models : null;
    await replaceCustomerPredictions(
      db,
      m ? { customerIds: state.customerIds, pAlive: m.pAlive, expectedPurchases90d: m.expectedPurchases90d, predictedClv: m.clv } : null,
      fit,
    );
    return true;
  });
  cache.writes = run.catch(() => undefined);
  return run;
}

/** The state for the workspace's effective as-of day, with the predictions table brought in step. */
export async function refreshWorkspaceKpis(db: KizunaDb): Promise<KpiState> {
  const asOf = await resolveAsOf(db);
  const state = await getKpiState(db, asOf.asOfDay, await dataStamp(db, asOf.dataThroughDate));
  await persistPredictions(db, state);
  return state;
}

/**
 * Drops everything cached for this database and refits the predictions for the workspace's as-of date.
 * Call it after an import and after the as-of date (or time zone) changed. Never throws: a failed refresh
 * is logged and retried by the next KPI request, and must not fail the import that triggered it.
 */
export async function invalidateKpiCache(db: KizunaDb): Promise<void> {
  const cache = cacheOf(db);
  cache.generation++;
  cache.base = null;
  try {
    await refreshWorkspaceKpis(db);
  } catch (err) {
    console.error('Refreshing KPIs and predictions failed:', err);
  }
}
