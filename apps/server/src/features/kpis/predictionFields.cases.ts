// p_alive and predicted_clv as segment fields, end to end: the predictions written by the KPI refresh are
// what both the in-memory evaluator (through the loader's join) and the compiled SQL (through its subquery)
// filter on, and the two agree. Run on SQLite (predictionFields.test.ts) and PostgreSQL (.pg.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, loadSegmentData, readCustomerPredictions, resolveAsOf, type KizunaDb } from '@kizuna/db';
import { compileRule, createEvaluator, createRegistry, segmentColumns, type SegmentRule } from '@kizuna/segments';
import { selectRows } from './rows';
import { invalidateKpiCache } from './cache';

const rule = (...children: SegmentRule['children']): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });

export function predictionFieldCases(createDb: () => Promise<KizunaDb>): void {
  describe('prediction fields in segment rules', () => {
    let db: KizunaDb;
    beforeAll(async () => {
      db = await createDb();
      await generateDemo(db, { customers: 300, seed: 9 });
      await invalidateKpiCache(db);
    });
    afterAll(async () => {
      await db.close();
    });

    const cases: [string, SegmentRule, (p: { pAlive: number; predictedClv: number }) => boolean][] = [
      ['at risk: probability alive < 0.3', rule({ kind: 'computed', field: 'p_alive', op: 'lt', value: 0.3 }), (p) => p.pAlive < 0.3],
      ['predicted CLV of 50,000 or more', rule({ kind: 'computed', field: 'predicted_clv', op: 'gte', value: 50_000 }), (p) => p.predictedClv >= 50_000],
      ['no prediction', rule({ kind: 'computed', field: 'p_alive', op: 'is_not_set' }), () => false],
    ];

    it.each(cases)('%s: evaluator and SQL select the customers the predictions table says', async (_name, segmentRule, expected) => {
      const predictions = await readCustomerPredictions(db);
      expect(predictions.length).toBeGreaterThan(100);
      const { asOfDay } = await resolveAsOf(db);
      const data = await loadSegmentData(db, { asOfDay, columns: segmentColumns() });
      const registry = createRegistry({ data });
      expect(registry.get('p_alive')).toBeDefined();
      const inMemory = createEvaluator(data, { registry }).evaluate(segmentRule).toIndexes().map((i) => data.customerIds[i]!).sort();
      const compiled = compileRule(segmentRule, db.dialect, { registry, asOfDay });
      const viaSql = (await selectRows(db, compiled.sql, compiled.params)).map((r) => String(r[0])).sort();
      const predicted = new Set(predictions.map((p) => p.customerId));
      const want =
        segmentRule.children[0]!.kind === 'computed' && segmentRule.children[0]!.op === 'is_not_set'
          ? data.customerIds.filter((id) => !predicted.has(id)).sort()
          : predictions.filter(expected).map((p) => p.customerId).sort();
      expect(inMemory).toEqual(want);
      expect(viaSql).toEqual(want);
      expect(want.length).toBeGreaterThan(0);
    });
  });
}
