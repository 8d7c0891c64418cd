// Segment cuts: a member set becomes a mask over the KPI customer order once and is reused while the set is
// unchanged; an edited rule (a new member set) gives a new cut on the next dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, generateDemo, type KizunaDb } from '@kizuna/db';
import { Bitset } from '@kizuna/segments';
import { callerAs } from '../../testing';
import { cachedMemberCut, indexesToCut } from './segmentCuts';

describe('cachedMemberCut', () => {
  const engineIds = ['c', 'a', 'd', 'b'];
  const kpiIds = ['a', 'b', 'c', 'd'];

  it('equals indexesToCut, including the empty set and everyone, and reuses the mask per member set', () => {
    for (const bits of [Bitset.fromIndexes(4, [0, 3]), Bitset.empty(4), Bitset.full(4)]) {
      const cut = cachedMemberCut(bits, engineIds, kpiIds);
      expect(cut).toEqual(indexesToCut(bits.toIndexes(), engineIds, kpiIds));
      expect(cachedMemberCut(bits, engineIds, kpiIds)).toBe(cut);
    }
    expect(cachedMemberCut(Bitset.fromIndexes(4, [0, 3]), engineIds, kpiIds)).toEqual({ cut: Uint8Array.from([0, 1, 1, 0]), members: 2 });
    expect(cachedMemberCut(Bitset.full(4), engineIds, kpiIds).members).toBe(4);
  });

  it('maps the same member set anew for another KPI customer order', () => {
    const bits = Bitset.fromIndexes(4, [1]);
    expect(cachedMemberCut(bits, engineIds, kpiIds).cut).toEqual(Uint8Array.from([1, 0, 0, 0]));
    expect(cachedMemberCut(bits, engineIds, ['b', 'a', 'c', 'd']).cut).toEqual(Uint8Array.from([0, 1, 0, 0]));
  });
});

describe('kpis.dashboard segment cuts over time', () => {
  let db: KizunaDb;
  beforeAll(async () => {
    db = await createTestDb();
    await generateDemo(db, { customers: 200, seed: 5 });
  });
  afterAll(async () => {
    await db.close();
  });

  it('follows an edited rule, and gives the same cut tiles on a repeated request', async () => {
    const { caller: marketer } = await callerAs(db, 'marketer');
    const { caller: manager } = await callerAs(db, 'manager');
    const rule = (value: number) => ({ version: 1, kind: 'group', combinator: 'and', children: [{ kind: 'computed', field: 'frequency', op: 'gte', value }] });
    const seg = await marketer.segments.create({ name: 'Buyers', rule: rule(1) });
    const first = await manager.kpis.dashboard({ period: 'month', segmentIds: [seg.id] });
    const again = await manager.kpis.dashboard({ period: 'month', segmentIds: [seg.id] });
    expect(again.segments).toEqual(first.segments);
    const frequencies = await db.kysely.selectFrom('customer_features').select('frequency').execute();
    expect(first.segments[0]!.members).toBe(frequencies.filter((f) => f.frequency >= 1).length);

    await marketer.segments.update({ id: seg.id, rule: rule(4) });
    const edited = await manager.kpis.dashboard({ period: 'month', segmentIds: [seg.id] });
    expect(edited.segments[0]!.members).toBe(frequencies.filter((f) => f.frequency >= 4).length);
    expect(edited.segments[0]!.members).toBeLessThan(first.segments[0]!.members);
    await marketer.segments.delete({ id: seg.id });
    expect((await manager.kpis.dashboard({ period: 'month', segmentIds: [seg.id] })).missingSegmentIds).toEqual([seg.id]);
  });
});
