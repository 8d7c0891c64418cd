// overlaps.compute on a demo workspace: every number against a brute-force count over the members the
// compiled SQL selects, and every region's rule against the region it names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KizunaDb } from '@kizuna/db';
import type { SegmentRule } from '@kizuna/segments';
import { callerAs } from '../../testing';
import { boughtLast90, demoDb, failure, emailReachable, greaterTokyo, highValue, ruleOf, sqlMemberIds, women } from '../segments/testing';

type Caller = Awaited<ReturnType<typeof callerAs>>['caller'];

describe('overlaps.compute', () => {
  let db: KizunaDb;
  let marketer: Caller;
  let manager: Caller;
  let everyone: string[];

  beforeAll(async () => {
    db = await demoDb(500, 23);
    marketer = (await callerAs(db, 'marketer')).caller;
    manager = (await callerAs(db, 'manager')).caller;
    everyone = (await db.kysely.selectFrom('customers').select('customer_id').execute()).map((r) => r.customer_id);
  });
  afterAll(async () => {
    await db.close();
  });

  /** Brute force: each customer's membership mask from the SQL member lists. */
  async function bruteForce(rules: SegmentRule[]) {
    const sets = await Promise.all(rules.map(async (r) => new Set(await sqlMemberIds(db, r))));
    const regions = new Map<number, number>();
    for (const id of everyone) {
      let mask = 0;
      sets.forEach((s, i) => s.has(id) && (mask |= 1 << i));
      regions.set(mask, (regions.get(mask) ?? 0) + 1);
    }
    const pair = (a: number, b: number) => [...sets[a]!].filter((id) => sets[b]!.has(id)).length;
    return { sets, regions, pair };
  }

  it('matches brute force for saved segments and unsaved rules together, and each region rule selects its region', async () => {
    const saved = [
      await marketer.segments.create({ name: 'Women', rule: ruleOf(women) }),
      await marketer.segments.create({ name: 'Recent', rule: ruleOf(boughtLast90) }),
      await marketer.segments.create({ name: 'Kanto', rule: ruleOf(greaterTokyo) }),
    ];
    const adHoc = [ruleOf(highValue), ruleOf(emailReachable, { kind: 'computed', field: 'age', op: 'lt', value: 40 })];
    const result = await manager.overlaps.compute({ segmentIds: saved.map((s) => s.id), rules: [{ label: 'High value', rule: adHoc[0]! }, { rule: adHoc[1]! }] });
    const all = [...saved.map((s) => s.rule), ...adHoc];
    const truth = await bruteForce(all);

    expect(result.total).toBe(everyone.length);
    expect(result.sets.map((s) => [s.label, s.segmentId])).toEqual([
      ['Women', saved[0]!.id],
      ['Recent', saved[1]!.id],
      ['Kanto', saved[2]!.id],
      ['High value', null],
      ['Rule 2', null],
    ]);
    expect(result.sets.map((s) => s.size)).toEqual(truth.sets.map((s) => s.size));
    expect(result.pairs).toHaveLength(10);
    for (const p of result.pairs) {
      const count = truth.pair(p.a, p.b);
      const sa = truth.sets[p.a]!.size;
      const sb = truth.sets[p.b]!.size;
      expect(p.count).toBe(count);
      expect(p.shareOfA).toBeCloseTo(sa ? count / sa : 0, 12);
      expect(p.shareOfB).toBeCloseTo(sb ? count / sb : 0, 12);
      expect(p.jaccard).toBeCloseTo(count / (sa + sb - count), 12);
    }
    const expectedRegions = [...truth.regions].filter(([mask]) => mask !== 0);
    expect(result.regions.map((r) => [r.mask, r.count]).sort((x, y) => x[0]! - y[0]!)).toEqual(expectedRegions.sort((x, y) => x[0]! - y[0]!));
    expect(result.none).toBe(truth.regions.get(0) ?? 0);
    expect(result.union).toBe(everyone.length - result.none);

    const members = (mask: number) => everyone.filter((id) => truth.sets.every((s, i) => s.has(id) === ((mask & (1 << i)) !== 0))).sort();
    for (const region of result.regions.slice(0, 6)) {
      expect(await sqlMemberIds(db, region.rule), `mask ${region.mask}`).toEqual(members(region.mask));
    }
    expect(await sqlMemberIds(db, result.noneRule)).toEqual(members(0));

    // A region opens as a new segment as it is.
    const region = result.regions[0]!;
    const created = await marketer.segments.create({ name: 'From a region', rule: region.rule });
    expect(created.size).toBe(region.count);
  });

  it('compares 2 to 12 sets and refuses unknown segments and invalid rules with their paths', async () => {
    const s = await marketer.segments.create({ name: 'Men', rule: ruleOf({ ...women, value: 'male' } as typeof women) });
    const tooFew = await failure(manager.overlaps.compute({ segmentIds: [s.id] }));
    expect(tooFew.code).toBe('BAD_REQUEST');
    const tooMany = await failure(manager.overlaps.compute({ rules: Array.from({ length: 13 }, () => ({ rule: ruleOf(women) })) }));
    expect(tooMany.code).toBe('BAD_REQUEST');
    const twice = await failure(manager.overlaps.compute({ segmentIds: [s.id, s.id] }));
    expect(twice.code).toBe('BAD_REQUEST');
    const unknown = await failure(manager.overlaps.compute({ segmentIds: [s.id, 'missing'] }));
    expect(unknown.code).toBe('NOT_FOUND');
    const invalid = await failure(
      manager.overlaps.compute({ segmentIds: [s.id], rules: [{ rule: ruleOf(women) }, { rule: ruleOf(women, { kind: 'attribute', field: 'gender', op: 'gt', value: 1 }) }] }),
    );
    expect(invalid.code).toBe('BAD_REQUEST');
    expect(Object.keys((invalid.cause as unknown as { fieldErrors: Record<string, string[]> }).fieldErrors)).toEqual(['rules.1.rule.children.1']);

    const twelve = await manager.overlaps.compute({
      segmentIds: [s.id],
      rules: Array.from({ length: 11 }, (_, i) => ({ rule: ruleOf({ kind: 'computed', field: 'age', op: 'gte', value: 20 + 3 * i }) })),
    });
    expect(twelve.sets).toHaveLength(12);
    expect(twelve.regions.reduce((sum, r) => sum + r.count, 0) + twelve.none).toBe(everyone.length);
  });
});
