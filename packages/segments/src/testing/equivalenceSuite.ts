// The dialect suite shared by equivalence.test.ts (SQLite) and equivalence.pg.test.ts (PostgreSQL): the
// in-memory evaluator and the compiled SQL must select exactly the same customers for random rule trees.
import type { KizunaDb } from '@kizuna/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentData } from '../data';
import { createEvaluator, type Evaluator } from '../eval/evaluator';
import { createRegistry, type FieldRegistry } from '../registry';
import type { SegmentRule } from '../schema';
import { compileRule, type RuleContext } from '../sql/compile';
import type { SqlDialect } from '../sql/writer';
import { decodedView, segmentDataFromDataset } from './buildData';
import { generateDataset, type TestDataset } from './dataset';
import { fillDatabase, loadTestData, memberIds, sqlMembers } from './harness';
import { ruleArbitrary, savedSegments } from './ruleArbitrary';

export const EQUIVALENCE_SEED = 20_261_101;
export const EQUIVALENCE_RUNS = 600;

export function equivalenceSuite(dialect: SqlDialect, createDb: () => Promise<KizunaDb>): void {
  describe(`segment rules: in-memory evaluator ≡ ${dialect} SQL`, () => {
    const ds: TestDataset = generateDataset(EQUIVALENCE_SEED);
    const saved = savedSegments();
    let db: KizunaDb;
    let data: SegmentData;
    let registry: FieldRegistry;
    let evaluator: Evaluator;
    let ctx: RuleContext;

    beforeAll(async () => {
      db = await createDb();
      await fillDatabase(db, ds);
      data = await loadTestData(db, ds);
      registry = createRegistry({ data });
      const resolveSegment = (id: string): SegmentRule | undefined => saved[id];
      evaluator = createEvaluator(data, { registry, resolveSegment });
      ctx = { registry, asOfDay: ds.asOfDay, resolveSegment };
    });

    afterAll(async () => {
      await db?.close();
    });

    it('loads the same columns the pure builder makes from the rows', () => {
      const direct = decodedView(segmentDataFromDataset(ds));
      const loaded = decodedView(data);
      for (const key of Object.keys(direct)) expect({ key, value: loaded[key] }).toEqual({ key, value: direct[key] });
    });

    it('registers the custom attributes of the data with inferred types', () => {
      expect(registry.get('custom:tier')?.type).toBe('enum');
      expect(registry.get('custom:score')?.type).toBe('number');
    });

    it(`selects the same customers for ${EQUIVALENCE_RUNS} random rule trees`, async () => {
      let nonTrivial = 0;
      await fc.assert(
        fc.asyncProperty(ruleArbitrary(registry, ds), async (rule) => {
          const inMemory = memberIds(data, evaluator.evaluate(rule).toIndexes());
          const viaSql = await sqlMembers(db, compileRule(rule, dialect, ctx));
          expect(viaSql).toEqual(inMemory);
          if (inMemory.length > 0 && inMemory.length < data.size) nonTrivial++;
        }),
        { seed: EQUIVALENCE_SEED, numRuns: EQUIVALENCE_RUNS },
      );
      // The generator must produce rules that split the customers, not only all-or-nothing ones.
      expect(nonTrivial).toBeGreaterThan(EQUIVALENCE_RUNS / 3);
    });
  });
}
