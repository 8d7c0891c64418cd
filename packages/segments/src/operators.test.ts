// Table-driven: every operator, window and filter on the hand-made customers A–E, with the expected members
// worked out by hand; each case runs through the in-memory evaluator and through SQL on SQLite.
import { createTestDb, type KizunaDb } from '@kizuna/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayToIso } from './dates';
import { createEvaluator, type Evaluator } from './eval/evaluator';
import { createRegistry, type FieldRegistry } from './registry';
import type { RuleNode, SegmentRule } from './schema';
import { compileRule } from './sql/compile';
import { segmentDataFromDataset } from './testing/buildData';
import { TEST_AS_OF_DAY } from './testing/dataset';
import { fixtureDataset } from './testing/fixture';
import { fillDatabase, memberIds, sqlMembers } from './testing/harness';

const D = TEST_AS_OF_DAY;
const iso = (offset: number): string => dayToIso(D - offset);
const attr = (field: string, op: string, value?: unknown): RuleNode => ({ kind: 'attribute', field, op, value }) as RuleNode;
const comp = (field: string, op: string, value?: unknown): RuleNode => ({ kind: 'computed', field, op, value }) as RuleNode;
const orders = (rest: Partial<Extract<RuleNode, { kind: 'behaviour' }>>): RuleNode =>
  ({ kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'ever' }, ...rest }) as RuleNode;
const events = (eventType: string, rest: Partial<Extract<RuleNode, { kind: 'behaviour' }>>): RuleNode =>
  ({ kind: 'behaviour', source: 'events', eventType, aggregate: 'count', op: 'gte', value: 1, window: { type: 'ever' }, ...rest }) as RuleNode;

const cases: { name: string; node: RuleNode; expected: string[] }[] = [
  // text and enum: '' is NULL, and NULL fails every test but is_not_set
  { name: 'enum eq', node: attr('gender', 'eq', 'female'), expected: ['A', 'E'] },
  { name: 'enum neq skips NULL and empty', node: attr('gender', 'neq', 'female'), expected: ['B', 'D'] },
  { name: 'enum in', node: attr('gender', 'in', ['male', 'other']), expected: ['B', 'D'] },
  { name: 'enum not_in skips NULL', node: attr('gender', 'not_in', ['male']), expected: ['A', 'D', 'E'] },
  { name: 'enum is_set', node: attr('gender', 'is_set'), expected: ['A', 'B', 'D', 'E'] },
  { name: 'enum is_not_set ("" counts as not set)', node: attr('gender', 'is_not_set'), expected: ['C'] },
  { name: 'Japanese text', node: attr('region', 'eq', '東京都'), expected: ['A'] },
  { name: 'string eq', node: attr('postal_code', 'eq', '160-0022'), expected: ['A'] },
  { name: 'string neq', node: attr('postal_code', 'neq', '160-0022'), expected: ['D'] },
  { name: 'string in', node: attr('postal_code', 'in', ['160-0022', '530-0001']), expected: ['A', 'D'] },
  { name: 'string not_in', node: attr('postal_code', 'not_in', ['160-0022']), expected: ['D'] },
  { name: 'string is_set', node: attr('postal_code', 'is_set'), expected: ['A', 'D'] },
  { name: 'string is_not_set', node: attr('postal_code', 'is_not_set'), expected: ['B', 'C', 'E'] },
  // numbers and money
  { name: 'number neq skips NULL', node: comp('age', 'neq', 36), expected: ['C', 'D', 'E'] },
  { name: 'number lt', node: comp('age', 'lt', 30), expected: ['C'] },
  { name: 'number is_not_set', node: comp('age', 'is_not_set'), expected: ['B'] },
  { name: 'money gte', node: comp('aov', 'gte', 1500), expected: ['A', 'D'] },
  { name: 'money lte', node: comp('aov', 'lte', 0), expected: ['B'] },
  { name: 'money is_set', node: comp('aov', 'is_set'), expected: ['A', 'B', 'D', 'E'] },
  { name: 'money gt', node: attr('annual_income', 'gt', 5_000_000), expected: ['A'] },
  { name: 'money between is inclusive', node: attr('annual_income', 'between', [2_500_000, 4_000_000]), expected: ['D', 'E'] },
  { name: 'money is_not_set', node: attr('annual_income', 'is_not_set'), expected: ['B', 'C'] },
  { name: 'money neq skips NULL', node: attr('annual_income', 'neq', 6_000_000), expected: ['D', 'E'] },
  { name: 'computed gte', node: comp('frequency', 'gte', 2), expected: ['A', 'D', 'E'] },
  { name: 'computed eq 0 (no orders)', node: comp('frequency', 'eq', 0), expected: ['C'] },
  { name: 'computed lte', node: comp('recency_days', 'lte', 30), expected: ['A', 'D'] },
  { name: 'computed lt on a fractional column', node: comp('aov', 'lt', 1000), expected: ['B', 'E'] },
  { name: 'computed in', node: comp('r_score', 'in', [4, 5]), expected: ['A', 'D'] },
  { name: 'computed not_in skips NULL', node: comp('r_score', 'not_in', [1]), expected: ['A', 'D', 'E'] },
  { name: 'monetary 0 includes customers without orders', node: comp('monetary', 'eq', 0), expected: ['B', 'C'] },
  // dates
  { name: 'date before', node: attr('birth_date', 'before', '1990-01-01'), expected: ['D', 'E'] },
  { name: 'date between is inclusive', node: attr('birth_date', 'between', ['1985-07-15', '1990-05-01']), expected: ['A', 'D'] },
  { name: 'within last 30 days = [asOf−30, asOf−1]', node: attr('signup_date', 'within_last_days', 30), expected: ['C', 'E'] },
  { name: 'more than 30 days ago = before asOf−30', node: attr('signup_date', 'more_than_days_ago', 30), expected: ['A', 'D'] },
  { name: 'date on', node: attr('signup_date', 'on', iso(30)), expected: ['C'] },
  { name: 'date after is exclusive', node: attr('signup_date', 'after', iso(31)), expected: ['C', 'E'] },
  { name: 'computed date is_not_set', node: comp('last_order_date', 'is_not_set'), expected: ['C'] },
  { name: 'date is_set', node: attr('canceled_date', 'is_set'), expected: ['B'] },
  // booleans and reachability
  { name: 'boolean is_true', node: attr('email_opt_in', 'is_true'), expected: ['A', 'B', 'D'] },
  { name: 'boolean is_false', node: attr('email_opt_in', 'is_false'), expected: ['C', 'E'] },
  { name: 'email reachability needs an address and consent', node: { kind: 'reachability', channel: 'email' }, expected: ['A', 'D'] },
  { name: 'LINE reachability', node: { kind: 'reachability', channel: 'line' }, expected: ['A', 'C', 'E'] },
  // tags
  { name: 'tags contains', node: attr('interests', 'contains', 'beauty'), expected: ['A', 'D'] },
  { name: 'tags not_contains skips empty lists', node: attr('interests', 'not_contains', 'beauty'), expected: ['B', 'E'] },
  { name: 'tags contains_any', node: attr('interests', 'contains_any', ['outdoor', 'pets']), expected: ['B', 'E'] },
  { name: 'tags contains_all (empty piece ignored)', node: attr('interests', 'contains_all', ['fashion', 'outdoor']), expected: ['E'] },
  { name: 'tags is_not_set', node: attr('interests', 'is_not_set'), expected: ['C'] },
  { name: 'Japanese tag', node: attr('lifestyle', 'contains', 'アニメ'), expected: ['D'] },
  { name: 'tags of separators only are not set', node: attr('lifestyle', 'is_set'), expected: ['D'] },
  // custom attributes
  { name: 'custom eq', node: attr('custom:tier', 'eq', 'gold'), expected: ['A'] },
  { name: 'custom empty or absent is not set', node: attr('custom:tier', 'is_not_set'), expected: ['B', 'C', 'D', 'E'] },
  { name: 'numeric custom gt', node: attr('custom:score', 'gt', 0), expected: ['A', 'D'] },
  { name: 'numeric custom between', node: attr('custom:score', 'between', [-5, 8]), expected: ['D', 'E'] },
  { name: 'numeric custom is_set', node: attr('custom:score', 'is_set'), expected: ['A', 'D', 'E'] },
  // order windows: the order on the as-of day (A4) never counts
  { name: 'bought in the last 30 days', node: orders({ window: { type: 'last_days', days: 30 } }), expected: ['A', 'D'] },
  { name: 'no purchase in 90 days (boundary day included)', node: orders({ op: 'eq', value: 0, window: { type: 'last_days', days: 90 } }), expected: ['C'] },
  { name: '≥ 2 orders in the last 90 days', node: orders({ value: 2, window: { type: 'last_days', days: 90 } }), expected: ['A', 'D', 'E'] },
  { name: 'more than 90 days ago', node: orders({ window: { type: 'more_than_days_ago', days: 90 } }), expected: ['A', 'E'] },
  { name: 'between two dates', node: orders({ window: { type: 'between', from: iso(31), to: iso(30) } }), expected: ['A', 'D', 'E'] },
  { name: 'between clipped at the as-of day', node: orders({ op: 'gt', value: 5000, aggregate: 'sum', measure: 'amount', window: { type: 'between', from: iso(10), to: iso(-5) } }), expected: [] },
  // aggregates
  { name: 'distinct days (same-day orders count once)', node: orders({ aggregate: 'distinct_days', op: 'eq', value: 1 }), expected: ['B', 'D'] },
  { name: 'sum of amounts', node: orders({ aggregate: 'sum', measure: 'amount', op: 'gt', value: 5000 }), expected: ['A'] },
  { name: 'avg amount', node: orders({ aggregate: 'avg', measure: 'amount', op: 'gte', value: 1500 }), expected: ['A', 'D'] },
  { name: 'max amount (no orders = NULL = false)', node: orders({ aggregate: 'max', measure: 'amount', op: 'lt', value: 1000 }), expected: ['B', 'E'] },
  { name: 'sum of quantity (no orders = 0)', node: orders({ aggregate: 'sum', measure: 'quantity', op: 'eq', value: 0 }), expected: ['B', 'C'] },
  { name: 'avg quantity skips NULL quantities', node: orders({ aggregate: 'avg', measure: 'quantity', op: 'gt', value: 1 }), expected: ['A'] },
  { name: 'count between', node: orders({ op: 'between', value: [2, 3] }), expected: ['A', 'D'] },
  { name: 'count neq', node: orders({ op: 'neq', value: 0 }), expected: ['A', 'B', 'D', 'E'] },
  // order filters
  { name: 'category filter', node: orders({ filters: { categories: ['Fashion'] } }), expected: ['A'] },
  { name: 'channel filter', node: orders({ filters: { channels: ['web'] } }), expected: ['A', 'B'] },
  { name: 'coupon used ("" is no coupon)', node: orders({ filters: { couponUsed: true } }), expected: ['A', 'B'] },
  { name: 'coupon not used', node: orders({ filters: { couponUsed: false } }), expected: ['A', 'D', 'E'] },
  { name: 'never used a coupon', node: orders({ op: 'lt', value: 1, filters: { couponUsed: true } }), expected: ['C', 'D', 'E'] },
  // events
  { name: 'favorited anything', node: events('favorite', {}), expected: ['A', 'B', 'E'] },
  { name: 'favorited a low-stock product (NULL stock is not low)', node: events('favorite', { filters: { lowStockBelow: 5 } }), expected: ['A'] },
  { name: 'favorited by product category', node: events('favorite', { filters: { categories: ['Skincare'] } }), expected: ['A', 'E'] },
  { name: 'favorited an unknown product id', node: events('favorite', { filters: { productIds: ['P9'] } }), expected: ['B'] },
  { name: 'survey avg value', node: events('survey', { aggregate: 'avg', measure: 'value', op: 'gte', value: 4 }), expected: ['A'] },
  { name: 'survey max value', node: events('survey', { aggregate: 'max', measure: 'value', op: 'lte', value: 2 }), expected: ['D'] },
  { name: 'event rows with NULL value still count', node: events('survey', { value: 2 }), expected: ['D'] },
  { name: 'events on the as-of day never count', node: events('page_view', {}), expected: [] },
  { name: 'an event type with no data: count 0 for everyone', node: events('cart_add', { op: 'eq', value: 0 }), expected: ['A', 'B', 'C', 'D', 'E'] },
  { name: 'sum of values with none (or NULL) is 0', node: events('survey', { aggregate: 'sum', measure: 'value', op: 'eq', value: 0, window: { type: 'last_days', days: 30 } }), expected: ['B', 'C', 'D', 'E'] },
  // groups and references
  {
    name: 'negated or-group is the complement',
    node: { kind: 'group', combinator: 'or', negate: true, children: [attr('gender', 'eq', 'female'), comp('frequency', 'gte', 3)] },
    expected: ['B', 'C', 'D'],
  },
  { name: 'in a saved segment', node: { kind: 'segment', op: 'in', segmentId: 'women' }, expected: ['A', 'E'] },
  { name: 'not in a saved segment (includes NULL gender)', node: { kind: 'segment', op: 'not_in', segmentId: 'women' }, expected: ['B', 'C', 'D'] },
];

const saved: Record<string, SegmentRule> = {
  women: { version: 1, kind: 'group', combinator: 'and', children: [attr('gender', 'eq', 'female')] },
};

describe('operators, windows and filters on hand-computed cases', () => {
  const ds = fixtureDataset();
  const data = segmentDataFromDataset(ds);
  const registry: FieldRegistry = createRegistry({ data });
  const resolveSegment = (id: string): SegmentRule | undefined => saved[id];
  const evaluator: Evaluator = createEvaluator(data, { registry, resolveSegment });
  let db: KizunaDb;

  beforeAll(async () => {
    db = await createTestDb();
    await fillDatabase(db, ds);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(cases)('$name', async ({ node, expected }) => {
    const rule: SegmentRule = { version: 1, kind: 'group', combinator: 'and', children: [node] };
    expect(memberIds(data, evaluator.evaluate(rule).toIndexes())).toEqual(expected);
    const compiled = compileRule(rule, 'sqlite', { registry, asOfDay: D, resolveSegment });
    expect(await sqlMembers(db, compiled)).toEqual(expected);
  });

  it('covers every operator of every field type', () => {
    const used = new Set(cases.map((c) => (c.node.kind === 'attribute' || c.node.kind === 'computed' ? `${registry.get(c.node.field)?.type}:${c.node.op}` : '')));
    const missing = registry.fields.flatMap((f) => f.operators.map((op) => `${f.type}:${op}`)).filter((k) => !used.has(k));
    expect([...new Set(missing)]).toEqual([]);
  });
});
