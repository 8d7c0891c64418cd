// segments.preview / explain / fields / templates on a demo workspace: every number checked against the
// compiled SQL run by SQLite, personal data masked by role.
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, segmentTemplates, type RuleNode, type SegmentRule } from '@kizuna/segments';
import type { KizunaDb } from '@kizuna/db';
import { callerAs } from '../../testing';
import { allOf, anyOf, asNode, boughtLast90, demoDb, eitherOf, failure, emailReachable, greaterTokyo, highValue, ruleOf, sqlMemberIds, women } from './testing';

type Caller = Awaited<ReturnType<typeof callerAs>>['caller'];

const favoritedLowStock: RuleNode = {
  kind: 'behaviour',
  source: 'events',
  eventType: 'favorite',
  aggregate: 'count',
  op: 'gte',
  value: 1,
  window: { type: 'ever' },
  filters: { lowStockBelow: 10 },
};
const notRecentlyActive: RuleNode = {
  kind: 'group',
  combinator: 'or',
  negate: true,
  children: [
    { kind: 'behaviour', source: 'events', eventType: 'app_open', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 60 } },
    { kind: 'computed', field: 'recency_days', op: 'lte', value: 30 },
  ],
};
const bigSpender: RuleNode = {
  kind: 'behaviour',
  source: 'orders',
  aggregate: 'sum',
  measure: 'amount',
  op: 'between',
  value: [20_000, 200_000],
  window: { type: 'between', from: '2025-01-01', to: '2026-06-30' },
  filters: { channels: ['online', 'app'] },
};

const rules: Record<string, SegmentRule> = {
  attributes: ruleOf(women, greaterTokyo, { kind: 'computed', field: 'age', op: 'between', value: [25, 45] }, { kind: 'attribute', field: 'interests', op: 'contains', value: 'beauty' }),
  twoOrders90: ruleOf(boughtLast90),
  nested: ruleOf(eitherOf(highValue, allOf(women, bigSpender)), notRecentlyActive),
  behaviour: anyOf(favoritedLowStock, allOf(emailReachable, { kind: 'attribute', field: 'custom:skin_type', op: 'in', value: ['乾燥肌', '敏感肌'] })),
};

describe('segment previews', () => {
  let db: KizunaDb;
  let marketer: Caller;
  let planner: Caller;

  beforeAll(async () => {
    db = await demoDb();
    marketer = (await callerAs(db, 'marketer')).caller;
    planner = (await callerAs(db, 'planner')).caller;
  });
  afterAll(async () => {
    await db.close();
  });

  it.each(Object.entries(rules))('%s: count, per-node counts and reach match the compiled SQL', async (_name, rule) => {
    const p = await marketer.segments.preview({ rule });
    if (!p.valid) throw new Error(JSON.stringify(p.errors));
    const members = await sqlMemberIds(db, rule);
    // A rule matching nobody or everybody would prove little.
    expect(members.length).toBeGreaterThan(0);
    expect(members.length).toBeLessThan(500);
    expect(p.count).toBe(members.length);
    expect(p.total).toBe(500);
    expect(p.share).toBeCloseTo(members.length / 500, 12);
    for (const channel of channels) {
      expect(p.reachable[channel], channel).toBe((await sqlMemberIds(db, ruleOf(asNode(rule), { kind: 'reachability', channel }))).length);
    }
    expect(p.nodes[0]).toMatchObject({ path: [], count: members.length, cumulative: null });
    // Every child of the root: alone, and combined with the siblings before it (the waterfall).
    for (const [i, child] of rule.children.entries()) {
      const node = p.nodes.find((n) => JSON.stringify(n.path) === JSON.stringify(['children', i]))!;
      expect(node.count).toBe((await sqlMemberIds(db, ruleOf(child))).length);
      const upTo = { ...rule, negate: false, children: rule.children.slice(0, i + 1) };
      expect(node.cumulative).toBe((await sqlMemberIds(db, upTo)).length);
    }
    expect(p.sample.length).toBe(Math.min(20, members.length));
    for (const m of p.sample) expect(members).toContain(m.customerId);
  });

  it('flags segments below the workspace threshold and reports the saved size of the segment being edited', async () => {
    const admin = (await callerAs(db, 'admin')).caller;
    const rule = rules.attributes!;
    const count = (await sqlMemberIds(db, rule)).length;
    await admin.settings.update({ smallSegmentThreshold: count + 1 });
    expect(await marketer.segments.preview({ rule })).toMatchObject({ small: true, smallThreshold: count + 1 });
    await admin.settings.update({ smallSegmentThreshold: count });
    expect(await marketer.segments.preview({ rule })).toMatchObject({ small: false, smallThreshold: count });

    const saved = await marketer.segments.create({ name: 'Preview base', rule: ruleOf(women) });
    const edited = await marketer.segments.preview({ rule: ruleOf(women, emailReachable), segmentId: saved.id, sampleSize: 3 });
    expect(edited).toMatchObject({ valid: true, savedCount: saved.size, count: (await sqlMemberIds(db, ruleOf(women, emailReachable))).length });
    expect(edited.valid && edited.sample.length).toBe(3);
    const cyclic = await marketer.segments.preview({ rule: ruleOf({ kind: 'segment', op: 'in', segmentId: saved.id }), segmentId: saved.id });
    expect(cyclic).toMatchObject({ valid: false, errors: [{ code: 'segment_cycle', path: ['children', 0] }] });
  });

  it('returns every problem with its node path instead of a count', async () => {
    const p = await marketer.segments.preview({
      rule: <SegmentRule>{
        version: 1,
        kind: 'group',
        combinator: 'and',
        children: [
          { kind: 'attribute', field: 'gender', op: 'gt', value: 3 },
          { kind: 'group', combinator: 'or', children: [{ kind: 'segment', op: 'in', segmentId: 'no-such-segment' }, { kind: 'group', combinator: 'and', children: [] }] },
        ],
      },
    });
    expect(p.valid).toBe(false);
    if (p.valid) return;
    expect(p.errors.map((e) => [e.code, e.path])).toEqual([
      ['operator_not_allowed', ['children', 0]],
      ['unknown_segment', ['children', 1, 'children', 0]],
      ['empty_group', ['children', 1, 'children', 1]],
    ]);
    // What a client may send in spite of the types.
    expect((await marketer.segments.preview({ rule: { version: 2 } as unknown as SegmentRule })).valid).toBe(false);
  });

  it('masks personal data in the sample for roles that may not see it', async () => {
    const rule = ruleOf(women, emailReachable);
    const asMarketer = await marketer.segments.preview({ rule, sampleSize: 5 });
    const asPlanner = await planner.segments.preview({ rule, sampleSize: 5 });
    if (!asMarketer.valid || !asPlanner.valid) throw new Error('invalid');
    expect(asMarketer.piiMasked).toBe(true);
    expect(asPlanner.piiMasked).toBe(false);
    const ids = asPlanner.sample.map((m) => m.customerId);
    expect(asMarketer.sample.map((m) => m.customerId)).toEqual(ids);
    const res = await db.kysely.selectFrom('customers').select(['customer_id', 'email', 'last_name']).where('customer_id', 'in', ids).execute();
    const truth = new Map(res.map((r) => [r.customer_id, r]));
    for (const [i, m] of asPlanner.sample.entries()) {
      expect(m.email).toBe(truth.get(m.customerId)?.email);
      expect(m.lastName).toBe(truth.get(m.customerId)?.last_name);
      const masked = asMarketer.sample[i]!;
      expect(masked.email).toMatch(/^.\*\*\*@.\*\*\*\.[a-z]+$/);
      expect(masked.email).not.toBe(m.email);
      if (m.lastName) expect(masked.lastName).toBe(`${Array.from(m.lastName)[0]}***`);
      expect(masked.age).toBe(m.age);
    }
  });

  it('explains membership node by node, agreeing with the compiled SQL', async () => {
    const rule = rules.nested!;
    const members = new Set(await sqlMemberIds(db, rule));
    const all = (await db.kysely.selectFrom('customers').select('customer_id').orderBy('customer_id').execute()).map((r) => r.customer_id);
    const inside = all.find((id) => members.has(id))!;
    const outside = all.find((id) => !members.has(id))!;
    for (const customerId of [inside, outside]) {
      const e = await planner.segments.explain({ rule, customerId });
      expect(e.member).toBe(members.has(customerId));
      expect(e.tree.held).toBe(e.member);
      expect(e.tree.children?.length).toBe(2);
      const firstChild = e.tree.children![0]!;
      expect(firstChild.held).toBe((await sqlMemberIds(db, ruleOf(rule.children[0]!))).includes(customerId));
    }
    const saved = await marketer.segments.create({ name: 'Explained', rule: ruleOf(highValue) });
    const bySegment = await marketer.segments.explain({ segmentId: saved.id, customerId: inside });
    expect(bySegment.segment).toEqual({ id: saved.id, name: 'Explained', version: 1 });
    const row = await db.kysely.selectFrom('customer_features').select('m_score').where('customer_id', '=', inside).executeTakeFirstOrThrow();
    expect(bySegment.tree.children?.[0]?.detail).toEqual({ kind: 'field', field: 'm_score', value: row.m_score });
    expect(bySegment.member).toBe((row.m_score ?? 0) >= 4);

    expect((await failure(planner.segments.explain({ rule, customerId: 'nobody' }))).code).toBe('NOT_FOUND');
    const bad = await failure(planner.segments.explain({ rule: ruleOf({ kind: 'attribute', field: 'nope', op: 'eq', value: 1 }), customerId: inside }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect((await failure(planner.segments.explain({ rule, segmentId: saved.id, customerId: inside }))).code).toBe('BAD_REQUEST');
  });

  it('describes the fields with the values present in the data', async () => {
    const manager = (await callerAs(db, 'manager')).caller;
    const f = await manager.segments.fields();
    expect(f.total).toBe(500);
    const gender = f.fields.find((x) => x.id === 'gender')!;
    expect(gender).toMatchObject({ kind: 'attribute', category: 'demographic', type: 'enum', hasValues: true, moreValues: 0 });
    const byGender = await db.kysely.executeQuery<{ gender: string; n: number }>(
      CompiledQuery.raw("SELECT gender, COUNT(*) AS n FROM customer_features WHERE gender IS NOT NULL AND gender <> '' GROUP BY gender ORDER BY n DESC, gender"),
    );
    expect(gender.values).toEqual(byGender.rows.map((r) => ({ value: r.gender, count: Number(r.n) })));
    expect(f.fields.find((x) => x.id === 'recency_days')).toMatchObject({ kind: 'computed', values: null, unit: 'days' });
    expect(f.fields.find((x) => x.id === 'custom:skin_type')).toMatchObject({ category: 'custom', type: 'enum' });
    const favorites = await db.kysely.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).where('event_type', '=', 'favorite').executeTakeFirstOrThrow();
    expect(f.eventTypes.find((t) => t.value === 'favorite')?.count).toBe(Number(favorites.n));
    const orderTotal = f.orderCategories.reduce((sum, c) => sum + c.count, 0);
    const orders = await db.kysely.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('category', 'is not', null).executeTakeFirstOrThrow();
    expect(orderTotal).toBe(Number(orders.n));
    expect(f.channels).toEqual(['email', 'sms', 'push', 'line']);
  });

  it('lists the ready-made templates with their size in this workspace', async () => {
    const list = await marketer.segments.templates();
    expect(list.map((t) => t.id)).toEqual(segmentTemplates.map((t) => t.id));
    for (const t of list.slice(0, 6)) {
      expect(t.errors, t.id).toBeNull();
      expect(t.count, t.id).toBe((await sqlMemberIds(db, t.rule)).length);
    }
  });
});
