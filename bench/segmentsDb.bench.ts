// The segments feature on the benchmark database (1M customers, ~10M orders): the server's in-memory
// engine (loaded from SQLite, saved rules and references resolved) beside the same questions answered by
// the compiled SQL on SQLite, with the ratio, and the memory the loaded columns hold.
// Run alone: node --import tsx bench/segmentsDb.bench.ts (KIZUNA_BENCH_CUSTOMERS=N for another size).
import { pathToFileURL } from 'node:url';
import { countWhere, createSavedSegment, findLiveSegmentByName, type KizunaDb } from '@kizuna/db';
import { dataFootprintBytes, type GroupNode, type RuleNode, type SegmentRule } from '@kizuna/segments';
import { computeOverlaps } from '../apps/server/src/features/overlaps/service';
import { getSegmentEngine, type LoadedSegmentEngine } from '../apps/server/src/features/segments/engine';
import { previewRule } from '../apps/server/src/features/segments/preview';
import { compileWhereFor } from '../apps/server/src/features/segments/sqlPath';
import { benchCustomers, openBenchDb } from './benchDb';
import { ms, printTable, time, type Timing } from './stats';

const rule = (...children: RuleNode[]): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });
const all = (...children: RuleNode[]): GroupNode => ({ kind: 'group', combinator: 'and', children });
const any = (...children: RuleNode[]): GroupNode => ({ kind: 'group', combinator: 'or', children });

/** A different age bound each call, so no two runs share a cached node. */
const attributes = (ageFrom: number): SegmentRule =>
  rule(
    { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' },
    { kind: 'computed', field: 'age', op: 'between', value: [ageFrom, 60] },
    { kind: 'attribute', field: 'region', op: 'in', value: ['東京都', '神奈川県', '大阪府'] },
    { kind: 'attribute', field: 'interests', op: 'contains', value: 'beauty' },
    { kind: 'attribute', field: 'line_opt_in', op: 'is_true' },
  );

const twoOrders90 = (days: number): SegmentRule =>
  rule({ kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 2, window: { type: 'last_days', days } });

const loyalRule: SegmentRule = rule(
  { kind: 'computed', field: 'frequency', op: 'gte', value: 3 },
  { kind: 'computed', field: 'm_score', op: 'gte', value: 4 },
);

const nested = (segmentId: string, recencyMax: number): SegmentRule =>
  rule(
    any(all({ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }, { kind: 'computed', field: 'recency_days', op: 'lte', value: recencyMax }), { kind: 'segment', op: 'in', segmentId }),
    { kind: 'group', combinator: 'or', negate: true, children: [all({ kind: 'attribute', field: 'membership_status', op: 'eq', value: 'canceled' }), { kind: 'reachability', channel: 'email' }] },
  );

/** Eight plain segments over different columns (the overlap case; the matrix bench assigns them too). */
export const eight: SegmentRule[] = [
  rule({ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }),
  rule({ kind: 'computed', field: 'recency_days', op: 'lte', value: 90 }),
  rule({ kind: 'computed', field: 'm_score', op: 'gte', value: 4 }),
  rule({ kind: 'attribute', field: 'region', op: 'in', value: ['東京都', '神奈川県', '千葉県', '埼玉県'] }),
  rule({ kind: 'reachability', channel: 'line' }),
  rule({ kind: 'computed', field: 'age', op: 'between', value: [25, 39] }),
  rule({ kind: 'attribute', field: 'membership_plan', op: 'eq', value: 'premium' }),
  rule({ kind: 'computed', field: 'frequency', op: 'gte', value: 5 }),
];

interface Row {
  name: string;
  memory: Timing;
  sql: Timing;
  note: string;
}

async function sqlCount(db: KizunaDb, engine: LoadedSegmentEngine, r: SegmentRule): Promise<number> {
  return countWhere(db, compileWhereFor(db, engine, await engine.savedRules(), r));
}

/** All regions of the sets in one scan: each customer's membership mask, grouped (SQLite, as benchmarked). */
async function sqlRegions(db: KizunaDb, engine: LoadedSegmentEngine, rules: SegmentRule[]): Promise<number> {
  const saved = await engine.savedRules();
  const parts: string[] = [];
  const params: unknown[] = [];
  rules.forEach((r, i) => {
    const c = compileWhereFor(db, engine, saved, r)(params.length);
    parts.push(`(CASE WHEN (${c.where}) THEN ${1 << i} ELSE 0 END)`);
    params.push(...c.params);
  });
  return db.sqlite!.prepare(`SELECT ${parts.join(' + ')} AS mask, COUNT(*) AS n FROM customer_features cf GROUP BY 1`).all(...params).length;
}

const ratio = (x: number): string => `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×`;

async function benchSegment(db: KizunaDb): Promise<string> {
  const name = 'bench: loyal high spenders';
  const found = await findLiveSegmentByName(db, name);
  if (found) return found.id;
  return (await createSavedSegment(db, { name, description: 'Created by bench/segmentsDb.bench.ts', tags: ['bench'], rule: loyalRule }, { userId: null })).id;
}

export async function benchSegmentsDb(): Promise<void> {
  const db = await openBenchDb();
  try {
    const segmentId = await benchSegment(db);
    const loadStart = performance.now();
    const engine = await getSegmentEngine(db);
    const loadMs = performance.now() - loadStart;
    const memRuns = 20;
    const sqlRuns = Number(process.env.KIZUNA_BENCH_SQL_RUNS ?? 3);
    const preview = (r: SegmentRule) => previewRule(db, 'marketer', { rule: r, sampleSize: 20 });
    let n = 0;
    const rows: Row[] = [];

    rows.push({
      name: '5-predicate attribute preview',
      memory: await time('memory', memRuns, () => preview(attributes(18 + (n++ % 40)))),
      sql: await time('sql', sqlRuns, () => sqlCount(db, engine, attributes(18 + (n++ % 40))), 1),
      note: 'memory: full preview (count, nodes, reach, sample) on new values · SQL: COUNT only',
    });
    rows.push({
      name: '≥ 2 orders in the last 90 days',
      memory: await time('memory', memRuns, () => {
        engine.evaluator.clearCache();
        return preview(twoOrders90(90));
      }),
      sql: await time('sql', sqlRuns, () => sqlCount(db, engine, twoOrders90(90)), 1),
      note: 'memory: cache cleared before each run',
    });
    rows.push({
      name: '3-level nested rule with a segment reference',
      memory: await time('memory', memRuns, () => {
        engine.evaluator.clearCache();
        return preview(nested(segmentId, 180));
      }),
      sql: await time('sql', sqlRuns, () => sqlCount(db, engine, nested(segmentId, 180)), 1),
      note: 'memory: cache cleared; reference resolved from the saved rule',
    });
    await preview(nested(segmentId, 180));
    rows.push({
      name: 'one-predicate edit of a cached rule',
      memory: await time('memory', memRuns, () => preview(nested(segmentId, 100 + (n++ % 200)))),
      sql: await time('sql', sqlRuns, () => sqlCount(db, engine, nested(segmentId, 100 + (n++ % 200))), 1),
      note: 'memory: only the edited condition and its groups recomputed · SQL has no such cache',
    });
    const overlapInput = { segmentIds: [], rules: eight.map((r, i) => ({ label: `s${i}`, rule: r })) };
    await computeOverlaps(db, overlapInput);
    rows.push({
      name: '8-segment overlap (sets cached)',
      memory: await time('memory', memRuns, () => computeOverlaps(db, overlapInput)),
      sql: await time('sql', sqlRuns, () => sqlRegions(db, engine, eight), 1),
      note: 'SQL: one GROUP BY over each customer’s membership mask',
    });
    rows.push({
      name: '8-segment overlap (cold)',
      memory: await time('memory', Math.min(memRuns, 10), () => {
        engine.evaluator.clearCache();
        return computeOverlaps(db, overlapInput);
      }),
      sql: rows.at(-1)!.sql,
      note: 'memory: cache cleared, all 8 rules evaluated',
    });

    const mem = process.memoryUsage();
    console.log(`\n## Segments on the database (${benchCustomers.toLocaleString('en')} customers, ${engine.data.orders.count.toLocaleString('en')} orders)\n`);
    console.log(`Engine load: ${ms(loadMs)} (from SQLite, as of ${engine.asOfDate}).`);
    console.log(
      `In-memory columns: ${(dataFootprintBytes(engine.data) / 1e6).toFixed(0)} MB typed arrays; process heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB.\n`,
    );
    printTable(
      ['case', 'memory median', 'memory p95', 'SQL median', 'SQL p95', 'SQL / memory', 'note'],
      rows.map((r) => [r.name, ms(r.memory.medianMs), ms(r.memory.p95Ms), ms(r.sql.medianMs), ms(r.sql.p95Ms), ratio(r.sql.medianMs / r.memory.medianMs), r.note]),
    );
  } finally {
    await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchSegmentsDb();
