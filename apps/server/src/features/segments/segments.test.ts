// segments.* CRUD through the router on a demo workspace: versions, diff, restore, duplicate, cycles,
// delete protection, audit entries and who may change what.
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit, readSegmentMemberIds, type KizunaDb } from '@kizuna/db';
import type { SegmentRule } from '@kizuna/segments';
import { callerAs } from '../../testing';
import { getSegmentEngine } from './engine';
import { boughtLast90, demoDb, failure, emailReachable, greaterTokyo, memoryMemberIds, ruleOf, sqlMemberIds, women } from './testing';

type Caller = Awaited<ReturnType<typeof callerAs>>['caller'];

describe('segments CRUD', () => {
  let db: KizunaDb;
  let marketer: Caller;
  let marketerId: string;
  let manager: Caller;

  beforeAll(async () => {
    db = await demoDb();
    const m = await callerAs(db, 'marketer');
    marketer = m.caller;
    marketerId = m.user!.id;
    manager = (await callerAs(db, 'manager')).caller;
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates a segment, materializes its members with SQL and reports the in-memory size', async () => {
    const rule = ruleOf(women, greaterTokyo);
    const created = await marketer.segments.create({ name: 'Tokyo women', description: 'Kanto', tags: ['geo', 'geo', 'gender'], rule });
    expect(created).toMatchObject({ name: 'Tokyo women', description: 'Kanto', tags: ['geo', 'gender'], version: 1, errors: null, membersStale: false });
    expect(created.createdBy).toMatchObject({ id: marketerId });
    const expected = await sqlMemberIds(db, rule);
    expect(expected.length).toBeGreaterThan(10);
    expect(created.size).toBe(expected.length);
    expect(created.share).toBeCloseTo(expected.length / 500, 10);
    expect(await readSegmentMemberIds(db, created.id)).toEqual(expected);
    expect(created.trend).toEqual([{ date: created.membersAsOfDate, size: expected.length }]);

    const list = await manager.segments.list();
    expect(list.total).toBe(500);
    expect(list.items.map((s) => s.name)).toContain('Tokyo women');
    expect((await manager.segments.get({ id: created.id })).rule).toEqual(rule);
    expect((await manager.segments.list({ search: 'KANTO' })).items.map((s) => s.id)).toEqual([created.id]);
    expect((await manager.segments.list({ tag: 'nope' })).items).toEqual([]);
  });

  it('saves every update as a new version, diffs versions and restores an old one', async () => {
    const s = await marketer.segments.create({ name: 'Buyers', rule: ruleOf(boughtLast90) });
    const v2 = await marketer.segments.update({ id: s.id, expectedVersion: 1, rule: ruleOf(boughtLast90, emailReachable), tags: ['crm'] });
    expect(v2).toMatchObject({ version: 2, name: 'Buyers', tags: ['crm'] });
    expect(v2.size).toBe((await sqlMemberIds(db, ruleOf(boughtLast90, emailReachable))).length);
    const v3 = await marketer.segments.update({ id: s.id, name: 'Reachable buyers' });
    expect(v3.version).toBe(3);

    const stale = await failure(marketer.segments.update({ id: s.id, expectedVersion: 2, description: 'late edit' }));
    expect(stale.code).toBe('CONFLICT');

    const versions = await manager.segments.versions({ id: s.id });
    expect(versions.map((v) => [v.version, v.name, v.current])).toEqual([
      [3, 'Reachable buyers', true],
      [2, 'Buyers', false],
      [1, 'Buyers', false],
    ]);

    const diff = await manager.segments.diff({ id: s.id, from: 1, to: 3 });
    expect(diff.name).toEqual({ from: 'Buyers', to: 'Reachable buyers' });
    expect(diff.tags).toEqual({ added: ['crm'], removed: [] });
    expect(diff.rule).toEqual({ added: [{ path: ['children', 1], node: emailReachable }], removed: [], changed: [] });
    expect((await failure(manager.segments.diff({ id: s.id, from: 1, to: 9 }))).code).toBe('NOT_FOUND');

    const restored = await marketer.segments.restore({ id: s.id, version: 1 });
    expect(restored).toMatchObject({ version: 4, name: 'Buyers', tags: [], rule: ruleOf(boughtLast90) });
    expect(restored.size).toBe((await sqlMemberIds(db, ruleOf(boughtLast90))).length);
    expect((await manager.segments.versions({ id: s.id }))[0]).toMatchObject({ version: 4, note: 'restored version 1' });

    const actions = (await listAudit(db, { limit: 50 })).items.filter((i) => i.entityId === s.id).map((i) => i.action);
    expect(actions).toEqual(['segment.restore', 'segment.update', 'segment.update', 'segment.create']);
  });

  it('refuses invalid rules with the path of each bad node, and taken names', async () => {
    const bad: SegmentRule = ruleOf(women, { kind: 'attribute', field: 'shoe_size', op: 'eq', value: 3 }, { kind: 'group', combinator: 'or', children: [] });
    const err = await failure(marketer.segments.create({ name: 'Bad', rule: bad }));
    expect(err.code).toBe('BAD_REQUEST');
    const cause = err.cause as { fieldErrors?: Record<string, string[]> };
    expect(Object.keys(cause.fieldErrors ?? {}).sort()).toEqual(['rule.children.1', 'rule.children.2']);
    const dup = await failure(marketer.segments.create({ name: 'tokyo WOMEN', rule: ruleOf(women) }));
    expect(dup.code).toBe('CONFLICT');
    expect((await manager.segments.list()).items.map((s) => s.name)).not.toContain('Bad');
  });

  it('refuses reference cycles, direct and through other segments', async () => {
    const a = await marketer.segments.create({ name: 'Cycle A', rule: ruleOf(women) });
    const b = await marketer.segments.create({ name: 'Cycle B', rule: ruleOf({ kind: 'segment', op: 'in', segmentId: a.id }, emailReachable) });
    expect(b.size).toBe((await sqlMemberIds(db, ruleOf(women, emailReachable))).length);
    const self = await failure(marketer.segments.update({ id: a.id, rule: ruleOf({ kind: 'segment', op: 'not_in', segmentId: a.id }) }));
    expect(self.code).toBe('BAD_REQUEST');
    expect(self.message).toMatch(/cycle/);
    const loop = await failure(marketer.segments.update({ id: a.id, rule: ruleOf({ kind: 'segment', op: 'in', segmentId: b.id }) }));
    expect(loop.message).toMatch(/cycle/);
    expect((await manager.segments.get({ id: a.id })).version).toBe(1);
  });

  it('never lets two concurrent saves close a cycle', async () => {
    const a = await marketer.segments.create({ name: 'Race A', rule: ruleOf(women) });
    const b = await marketer.segments.create({ name: 'Race B', rule: ruleOf(greaterTokyo) });
    const results = await Promise.allSettled([
      marketer.segments.update({ id: a.id, rule: ruleOf({ kind: 'segment', op: 'in', segmentId: b.id }) }),
      marketer.segments.update({ id: b.id, rule: ruleOf({ kind: 'segment', op: 'in', segmentId: a.id }) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected')!;
    expect(String(rejected.reason)).toMatch(/cycle/);
    // Both still evaluate: no cycle was saved.
    expect((await manager.segments.get({ id: a.id })).errors).toBeNull();
    expect((await manager.segments.get({ id: b.id })).errors).toBeNull();
  });

  it('checks the rule again inside the transaction, against the rules it sees there', async () => {
    const a = await marketer.segments.create({ name: 'Recheck A', rule: ruleOf(women) });
    const b = await marketer.segments.create({ name: 'Recheck B', rule: ruleOf({ kind: 'segment', op: 'in', segmentId: a.id }) });
    // As if B's reference to A had been saved just after this request's first check.
    const engine = await getSegmentEngine(db);
    const spy = vi.spyOn(engine, 'validate').mockResolvedValue([]);
    try {
      const err = await failure(marketer.segments.update({ id: a.id, rule: ruleOf({ kind: 'segment', op: 'in', segmentId: b.id }) }));
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.message).toMatch(/cycle/);
    } finally {
      spy.mockRestore();
    }
    expect((await manager.segments.get({ id: a.id })).version).toBe(1);
  });

  it('re-materializes segments that reference a changed one, and reports where a segment is used', async () => {
    const base = await marketer.segments.create({ name: 'Base', rule: ruleOf(women) });
    const mid = await marketer.segments.create({ name: 'Mid', rule: ruleOf({ kind: 'segment', op: 'in', segmentId: base.id }, greaterTokyo) });
    const top = await marketer.segments.create({ name: 'Top', rule: ruleOf({ kind: 'segment', op: 'in', segmentId: mid.id }, emailReachable) });
    expect((await manager.segments.get({ id: base.id })).usedBy.segments).toEqual([{ id: mid.id, name: 'Mid' }]);
    expect((await manager.segments.get({ id: top.id })).references).toEqual([{ id: mid.id, name: 'Mid' }]);

    const men = ruleOf({ ...women, value: 'male' } as typeof women);
    await marketer.segments.update({ id: base.id, rule: men });
    const expectedTop = await sqlMemberIds(db, ruleOf({ ...women, value: 'male' } as typeof women, greaterTokyo, emailReachable));
    expect(await readSegmentMemberIds(db, top.id)).toEqual(expectedTop);
    expect(await memoryMemberIds(db, ruleOf({ kind: 'segment', op: 'in', segmentId: top.id }))).toEqual(expectedTop);
    expect((await manager.segments.get({ id: top.id })).size).toBe(expectedTop.length);
  });

  it('duplicates a segment under a free name', async () => {
    const src = await marketer.segments.create({ name: 'Dup me', description: 'd', tags: ['x'], rule: ruleOf(greaterTokyo) });
    const copy = await marketer.segments.duplicate({ id: src.id });
    expect(copy).toMatchObject({ name: 'Dup me (copy)', description: 'd', tags: ['x'], version: 1, rule: src.rule, size: src.size });
    expect((await marketer.segments.duplicate({ id: src.id })).name).toBe('Dup me (copy 2)');
    expect((await marketer.segments.duplicate({ id: src.id, name: 'Named copy' })).name).toBe('Named copy');
    expect((await manager.segments.versions({ id: copy.id }))[0]?.note).toBe('duplicated from "Dup me" version 1');
  });

  it('protects segments in use from deletion; force overrides campaigns only', async () => {
    const used = await marketer.segments.create({ name: 'In use', rule: ruleOf(women) });
    const user = await marketer.segments.create({ name: 'User of it', rule: ruleOf({ kind: 'segment', op: 'in', segmentId: used.id }) });
    const byRule = await failure(marketer.segments.delete({ id: used.id, force: true }));
    expect(byRule.code).toBe('CONFLICT');
    expect(byRule.message).toContain('"User of it"');
    await marketer.segments.delete({ id: user.id });

    const exec = (text: string) => db.kysely.executeQuery(CompiledQuery.raw(text));
    // The campaigns feature's tables (migration 0004): a matrix cell assigns the segment to a campaign.
    await exec(
      'INSERT INTO campaigns (id, name, goal, channel, start_day, holdout_percent, segmentation, personalization, offers, content, priority, created_at, updated_at) ' +
        `VALUES ('k1', 'Spring sale', 'loyalty', 'email', 20000, 10, 1, 0, '[]', '{}', 1, 'x', 'x')`,
    );
    await exec(`INSERT INTO matrix_cells (campaign_id, segment_id, offer_id, priority) VALUES ('k1', '${used.id}', 'o1', 1)`);
    expect((await manager.segments.get({ id: used.id })).usedBy.campaigns).toEqual([{ id: 'k1', name: 'Spring sale' }]);
    const byCampaign = await failure(marketer.segments.delete({ id: used.id }));
    expect(byCampaign.code).toBe('CONFLICT');
    expect(byCampaign.message).toContain('"Spring sale"');

    expect(await marketer.segments.delete({ id: used.id, force: true })).toEqual({ id: used.id, deleted: true });
    expect((await failure(manager.segments.get({ id: used.id }))).code).toBe('NOT_FOUND');
    expect(await readSegmentMemberIds(db, used.id)).toEqual([]);
    const entry = (await listAudit(db, { limit: 5 })).items.find((i) => i.action === 'segment.delete' && i.entityId === used.id);
    expect(entry?.details).toMatchObject({ force: true, campaigns: [{ id: 'k1', name: 'Spring sale' }] });
    // The name is free again.
    expect((await marketer.segments.create({ name: 'In use', rule: ruleOf(women) })).version).toBe(1);
  });

  it('lets only marketers and admins change segments', async () => {
    const planner = (await callerAs(db, 'planner')).caller;
    expect((await failure(planner.segments.create({ name: 'Nope', rule: ruleOf(women) }))).code).toBe('FORBIDDEN');
    expect((await failure(manager.segments.refresh({}))).code).toBe('FORBIDDEN');
    const admin = (await callerAs(db, 'admin')).caller;
    const s = await admin.segments.create({ name: 'By admin', rule: ruleOf(women) });
    const refreshed = await marketer.segments.refresh({ ids: [s.id] });
    expect(refreshed.segments).toEqual([{ id: s.id, name: 'By admin', size: s.size, error: null }]);
  });
});
