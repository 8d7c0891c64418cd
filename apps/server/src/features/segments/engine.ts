// One in-memory segment engine per database handle: the columnar SegmentData, its field registry and a
// caching evaluator. Loaded lazily, dropped after imports, demo data and as-of changes
// (invalidateSegmentEngine) or when another process changed the data; saved rules are re-read on every
// use, so a save is seen at once and segment references always resolve to current rules.
import { loadSegmentData, readPredictionFit, recordSegmentSize, resolveAsOf, segmentsKysely, type KizunaDb } from '@kizuna/db';
import {
  type Bitset,
  createEvaluator,
  createRegistry,
  RuleError,
  segmentColumns,
  validateRule,
  type Evaluator,
  type FieldRegistry,
  type SegmentData,
  type SegmentRule,
} from '@kizuna/segments';
import { NotFoundError } from '../../errors';
import { ruleValidationError } from './ruleErrors';

/** The contract the matrix and campaigns features code against. */
export interface SegmentEngine {
  readonly data: SegmentData;
  /** index → customer_id */
  readonly customerIds: readonly string[];
  /**
   * The current rule of a saved segment, evaluated in memory: a fresh copy the caller may change.
   * NotFoundError for an unknown or deleted id; ValidationError when the rule no longer validates.
   */
  membersOf(segmentId: string): Promise<Bitset>;
}

export interface LoadedSegmentEngine extends SegmentEngine {
  readonly registry: FieldRegistry;
  /** Synchronous evaluation; call savedRules() first so segment references see current rules. */
  readonly evaluator: Evaluator;
  readonly asOfDay: number;
  readonly asOfDate: string;
  readonly loadedAt: string;
  readonly loadMs: number;
  /** What the data was loaded from; a different value later means the engine is stale. */
  readonly fingerprint: string;
  /** Live saved rules by segment id, re-read from the database (and used by the evaluator from now on). */
  savedRules(): Promise<ReadonlyMap<string, SegmentRule>>;
  /** Every problem of a rule (empty when valid), with saved segments resolved; `segmentId` = the one being edited. */
  validate(rule: unknown, segmentId?: string): Promise<RuleError[]>;
  /** validate() against the saved rules last read (by savedRules, validate or evaluate). */
  check(rule: unknown, segmentId?: string): RuleError[];
  /** The members of a rule (shared with the cache: never mutate). Throws ValidationError when invalid. */
  evaluate(rule: unknown, segmentId?: string): Promise<Bitset>;
  /** The index of a customer, or -1. */
  indexOf(customerId: string): number;
}

interface Slot {
  engine: Promise<LoadedSegmentEngine>;
  checkedAt: number;
}

const slots = new WeakMap<KizunaDb, Slot>();

/** How often (ms) a cached engine checks the database for data changed by another process (the CLI). */
const RECHECK_MS = 2000;

/**
 * The engine of this database handle (the root handle, never a transaction's: on SQLite the engine reads
 * through the root connection, which a transaction holds until it commits). The first call loads the data.
 */
export function getSegmentEngine(db: KizunaDb): Promise<LoadedSegmentEngine> {
  const slot = slots.get(db);
  if (!slot) return startLoad(db).engine;
  if (Date.now() - slot.checkedAt < RECHECK_MS) return slot.engine;
  slot.checkedAt = Date.now();
  return recheck(db, slot);
}

/** Forgets the loaded engine; the next getSegmentEngine loads the data again. */
export function invalidateSegmentEngine(db: KizunaDb): void {
  slots.delete(db);
}

async function recheck(db: KizunaDb, slot: Slot): Promise<LoadedSegmentEngine> {
  const engine = await slot.engine;
  if ((await dataFingerprint(db)) === engine.fingerprint) return engine;
  if (slots.get(db) === slot) slots.delete(db);
  return getSegmentEngine(db);
}

function startLoad(db: KizunaDb): Slot {
  const slot: Slot = { engine: loadEngine(db), checkedAt: Date.now() };
  slots.set(db, slot);
  // A failed load is not cached: the next call tries again.
  slot.engine.catch(() => {
    if (slots.get(db) === slot) slots.delete(db);
  });
  return slot;
}

/**
 * Cheap signs that the data changed: the as-of and zone settings, the newest import, the newest order day
 * (indexed) and the last prediction fit. Imports and as-of changes in this process invalidate explicitly;
 * this catches other processes and predictions refreshed after the engine loaded.
 */
export async function dataFingerprint(db: KizunaDb): Promise<string> {
  const settings = await db.kysely
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', ['as_of_date', 'time_zone'])
    .orderBy('key')
    .execute();
  const newestImport = await db.kysely
    .selectFrom('imports')
    .select(['id', 'status', 'finished_at'])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const orders = await db.kysely.selectFrom('orders').select((eb) => eb.fn.max('ordered_day').as('d')).executeTakeFirst();
  return JSON.stringify([settings, newestImport ?? null, orders?.d ?? null, (await readPredictionFit(db))?.fittedAt ?? null]);
}

async function loadEngine(db: KizunaDb): Promise<LoadedSegmentEngine> {
  const started = performance.now();
  const fingerprint = await dataFingerprint(db);
  const asOf = await resolveAsOf(db);
  const data = await loadSegmentData(db, { asOfDay: asOf.asOfDay, columns: segmentColumns() });
  const registry = createRegistry({ data });
  let rules: ReadonlyMap<string, SegmentRule> = new Map();
  const evaluator = createEvaluator(data, { registry, resolveSegment: (id) => rules.get(id) });

  const savedRules = async (): Promise<ReadonlyMap<string, SegmentRule>> => {
    rules = await readLiveRules(db);
    return rules;
  };
  const check = (rule: unknown, segmentId?: string): RuleError[] =>
    validateRule(rule, registry, { asOfDay: data.asOfDay, resolveSegment: (id) => rules.get(id), segmentId });
  const validate = async (rule: unknown, segmentId?: string): Promise<RuleError[]> => {
    await savedRules();
    return check(rule, segmentId);
  };
  const evaluate = async (rule: unknown, segmentId?: string): Promise<Bitset> => {
    await savedRules();
    return evaluateOrThrow(evaluator, rule, segmentId);
  };

  const engine: LoadedSegmentEngine = {
    data,
    customerIds: data.customerIds,
    registry,
    evaluator,
    asOfDay: asOf.asOfDay,
    asOfDate: asOf.asOfDate,
    loadedAt: new Date().toISOString(),
    loadMs: Math.round(performance.now() - started),
    fingerprint,
    savedRules,
    validate,
    check,
    evaluate,
    membersOf: async (segmentId) => {
      const current = await savedRules();
      const rule = current.get(segmentId);
      if (!rule) throw new NotFoundError(`No segment with id ${segmentId}`);
      return evaluateOrThrow(evaluator, rule, segmentId).clone();
    },
    indexOf: (customerId) => indexOfSorted(data.customerIds, customerId),
  };
  await recordLiveSizes(db, engine);
  return engine;
}

/**
 * New data means new sizes: on every load, each live segment's size for the as-of date goes to the size
 * history (segments whose rule no longer validates are skipped; the list shows their errors).
 */
async function recordLiveSizes(db: KizunaDb, engine: LoadedSegmentEngine): Promise<void> {
  const rules = await engine.savedRules();
  const now = new Date();
  for (const [id, rule] of rules) {
    let size: number;
    try {
      size = engine.evaluator.count(rule, { segmentId: id });
    } catch (err) {
      if (err instanceof RuleError) continue;
      throw err;
    }
    await recordSegmentSize(db, id, engine.asOfDate, size, now);
    // Each count is a full pass over the data and SQLite writes resolve without a macrotask: let requests in.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Evaluates, turning rule errors into a ValidationError that carries every bad node's path. */
export function evaluateOrThrow(evaluator: Evaluator, rule: unknown, segmentId?: string): Bitset {
  try {
    return evaluator.evaluate(rule, segmentId === undefined ? undefined : { segmentId });
  } catch (err) {
    if (err instanceof RuleError) throw ruleValidationError(err.errors);
    throw err;
  }
}

/** The current rule of every live segment. */
export async function readLiveRules(db: Pick<KizunaDb, 'kysely'>): Promise<Map<string, SegmentRule>> {
  const rows = await segmentsKysely(db)
    .selectFrom('segments as s')
    .innerJoin('segment_versions as v', (j) => j.onRef('v.segment_id', '=', 's.id').onRef('v.version', '=', 's.current_version'))
    .select(['s.id', 'v.rule'])
    .where('s.deleted_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.id, JSON.parse(r.rule) as SegmentRule]));
}

/**
 * customerIds come sorted by the database (ORDER BY customer_id): binary search, with a linear scan for
 * collations that order differently from JavaScript (PostgreSQL locales, non-ASCII ids).
 */
export function indexOfSorted(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return ids.indexOf(id);
}
