// Fail closed: every way a rule can be wrong gives a typed RuleError with the path of the bad node, and
// neither the compiler nor the evaluator accepts such a rule.
import { describe, expect, it } from 'vitest';
import { dayToIso } from './dates';
import { RuleError, type RuleErrorCode } from './errors';
import { createEvaluator } from './eval/evaluator';
import { createRegistry } from './registry';
import type { NodePath, RuleNode, SegmentRule } from './schema';
import { compileRule } from './sql/compile';
import { segmentDataFromDataset } from './testing/buildData';
import { TEST_AS_OF_DAY } from './testing/dataset';
import { fixtureDataset } from './testing/fixture';
import { MAX_DEPTH, validateRule } from './validate';

const asOfDay = TEST_AS_OF_DAY;
const registry = createRegistry({ customAttributes: [{ key: 'tier', numeric: false }] });
const rule = (...children: unknown[]): unknown => ({ version: 1, kind: 'group', combinator: 'and', children });
const gender: RuleNode = { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' };
const orders = (rest: Record<string, unknown>): unknown => ({
  kind: 'behaviour',
  source: 'orders',
  aggregate: 'count',
  op: 'gte',
  value: 1,
  window: { type: 'ever' },
  ...rest,
});

const saved: Record<string, unknown> = {
  loop_a: rule({ kind: 'segment', op: 'in', segmentId: 'loop_b' }),
  loop_b: rule({ kind: 'segment', op: 'not_in', segmentId: 'loop_a' }),
  broken: rule({ kind: 'attribute', field: 'shoe_size', op: 'eq', value: 'L' }),
  fine: rule(gender),
};
const resolveSegment = (id: string): SegmentRule | undefined => saved[id] as SegmentRule | undefined;
const ctx = { asOfDay, resolveSegment };

function nest(depth: number): unknown {
  let node: unknown = gender;
  for (let i = 0; i < depth; i++) node = { kind: 'group', combinator: 'or', children: [node] };
  return rule(node);
}

const cases: { name: string; rule: unknown; code: RuleErrorCode; path: NodePath; segmentId?: string }[] = [
  { name: 'not an object', rule: 'everyone', code: 'unsupported_version', path: [] },
  { name: 'unknown version', rule: { ...(rule(gender) as object), version: 2 }, code: 'unsupported_version', path: [] },
  { name: 'unknown node kind', rule: rule({ kind: 'everyone' }), code: 'invalid_shape', path: ['children', 0] },
  { name: 'unknown property on a node', rule: rule({ ...gender, extra: 1 }), code: 'invalid_shape', path: ['children', 0] },
  { name: 'bad combinator', rule: rule({ kind: 'group', combinator: 'xor', children: [gender] }), code: 'invalid_shape', path: ['children', 0] },
  { name: 'empty root group', rule: rule(), code: 'empty_group', path: [] },
  {
    name: 'empty nested group',
    rule: rule(gender, { kind: 'group', combinator: 'or', children: [{ kind: 'group', combinator: 'and', children: [] }] }),
    code: 'empty_group',
    path: ['children', 1, 'children', 0],
  },
  { name: 'too deep', rule: nest(MAX_DEPTH + 1), code: 'too_deep', path: Array.from({ length: MAX_DEPTH + 1 }, () => ['children', 0]).flat() },
  {
    name: 'too many nodes',
    rule: rule(...Array.from({ length: 3 }, () => ({ kind: 'group', combinator: 'or', children: Array.from({ length: 200 }, () => gender) }))),
    code: 'too_large',
    path: ['children', 2, 'children', 96],
  },
  { name: 'unknown field', rule: rule({ kind: 'attribute', field: 'shoe_size', op: 'eq', value: 'L' }), code: 'unknown_field', path: ['children', 0] },
  { name: 'unknown custom attribute', rule: rule({ kind: 'attribute', field: 'custom:nope', op: 'eq', value: 'x' }), code: 'unknown_field', path: ['children', 0] },
  { name: 'computed field as attribute', rule: rule({ kind: 'attribute', field: 'age', op: 'gt', value: 3 }), code: 'wrong_condition_kind', path: ['children', 0] },
  { name: 'operator not allowed', rule: rule({ kind: 'attribute', field: 'gender', op: 'gt', value: 3 }), code: 'operator_not_allowed', path: ['children', 0] },
  { name: 'contains on a number', rule: rule({ kind: 'computed', field: 'age', op: 'contains', value: '3' }), code: 'operator_not_allowed', path: ['children', 0] },
  { name: 'text for a number', rule: rule({ kind: 'computed', field: 'age', op: 'gt', value: 'thirty' }), code: 'bad_value', path: ['children', 0] },
  { name: 'number for text', rule: rule({ kind: 'attribute', field: 'gender', op: 'eq', value: 5 }), code: 'bad_value', path: ['children', 0] },
  { name: 'empty text', rule: rule({ kind: 'attribute', field: 'gender', op: 'eq', value: '' }), code: 'bad_value', path: ['children', 0] },
  { name: 'missing value', rule: rule({ kind: 'computed', field: 'age', op: 'gt' }), code: 'bad_value', path: ['children', 0] },
  { name: 'value where none is taken', rule: rule({ kind: 'attribute', field: 'gender', op: 'is_set', value: 'x' }), code: 'bad_value', path: ['children', 0] },
  { name: 'empty list', rule: rule({ kind: 'attribute', field: 'gender', op: 'in', value: [] }), code: 'bad_value', path: ['children', 0] },
  { name: 'between reversed', rule: rule({ kind: 'computed', field: 'age', op: 'between', value: [50, 20] }), code: 'bad_value', path: ['children', 0] },
  { name: 'between with one number', rule: rule({ kind: 'computed', field: 'age', op: 'between', value: 5 }), code: 'bad_value', path: ['children', 0] },
  { name: 'not a real date', rule: rule({ kind: 'attribute', field: 'birth_date', op: 'before', value: '2024-02-30' }), code: 'bad_value', path: ['children', 0] },
  { name: 'date range reversed', rule: rule({ kind: 'attribute', field: 'birth_date', op: 'between', value: ['2000-01-02', '2000-01-01'] }), code: 'bad_value', path: ['children', 0] },
  { name: 'within 0 days', rule: rule({ kind: 'attribute', field: 'signup_date', op: 'within_last_days', value: 0 }), code: 'bad_value', path: ['children', 0] },
  { name: 'fractional days', rule: rule({ kind: 'attribute', field: 'signup_date', op: 'more_than_days_ago', value: 1.5 }), code: 'bad_value', path: ['children', 0] },
  { name: 'tag with a separator', rule: rule({ kind: 'attribute', field: 'interests', op: 'contains', value: 'a;b' }), code: 'bad_value', path: ['children', 0] },
  { name: 'events without a type', rule: rule({ ...(orders({}) as object), source: 'events' }), code: 'unknown_event_type', path: ['children', 0] },
  { name: 'unknown event type', rule: rule(orders({ source: 'events', eventType: 'teleport' })), code: 'unknown_event_type', path: ['children', 0] },
  { name: 'orders with an event type', rule: rule(orders({ eventType: 'favorite' })), code: 'unknown_event_type', path: ['children', 0] },
  { name: 'sum without a measure', rule: rule(orders({ aggregate: 'sum' })), code: 'bad_measure', path: ['children', 0] },
  { name: 'count with a measure', rule: rule(orders({ measure: 'amount' })), code: 'bad_measure', path: ['children', 0] },
  { name: 'events measure on orders', rule: rule(orders({ aggregate: 'avg', measure: 'value' })), code: 'bad_measure', path: ['children', 0] },
  { name: 'product filter on orders', rule: rule(orders({ filters: { productIds: ['P1'] } })), code: 'filter_not_allowed', path: ['children', 0] },
  {
    name: 'coupon filter on events',
    rule: rule(orders({ source: 'events', eventType: 'favorite', filters: { couponUsed: true } })),
    code: 'filter_not_allowed',
    path: ['children', 0],
  },
  { name: 'window between reversed', rule: rule(orders({ window: { type: 'between', from: '2026-02-01', to: '2026-01-01' } })), code: 'bad_window', path: ['children', 0] },
  {
    name: 'window in the future',
    rule: rule(orders({ window: { type: 'between', from: dayToIso(asOfDay), to: dayToIso(asOfDay + 30) } })),
    code: 'window_in_future',
    path: ['children', 0],
  },
  { name: 'last 0 days', rule: rule(orders({ window: { type: 'last_days', days: 0 } })), code: 'bad_window', path: ['children', 0] },
  { name: 'comparison between with one number', rule: rule(orders({ op: 'between', value: 3 })), code: 'bad_value', path: ['children', 0] },
  { name: 'unknown segment', rule: rule(gender, { kind: 'segment', op: 'in', segmentId: 'nope' }), code: 'unknown_segment', path: ['children', 1] },
  { name: 'reference cycle', rule: rule({ kind: 'segment', op: 'in', segmentId: 'loop_a' }), code: 'segment_cycle', path: ['children', 0] },
  { name: 'reference to itself', rule: rule({ kind: 'segment', op: 'in', segmentId: 'fine' }), code: 'segment_cycle', path: ['children', 0], segmentId: 'fine' },
  { name: 'reference to an invalid segment', rule: rule({ kind: 'segment', op: 'in', segmentId: 'broken' }), code: 'invalid_reference', path: ['children', 0] },
];

describe('validateRule', () => {
  it.each(cases)('$name → $code', ({ rule: r, code, path, segmentId }) => {
    const errors = validateRule(r, registry, { ...ctx, segmentId });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toBeInstanceOf(RuleError);
    expect({ code: errors[0]!.code, path: errors[0]!.path }).toEqual({ code, path });
  });

  it('accepts a valid rule of every node kind', () => {
    const valid = rule(
      gender,
      { kind: 'computed', field: 'recency_days', op: 'lte', value: 30 },
      orders({ source: 'events', eventType: 'favorite', filters: { lowStockBelow: 5, categories: ['Skincare'] } }),
      { kind: 'group', combinator: 'or', negate: true, children: [{ kind: 'reachability', channel: 'line' }] },
      { kind: 'segment', op: 'not_in', segmentId: 'fine' },
      { kind: 'attribute', field: 'custom:tier', op: 'in', value: ['gold'] },
    );
    expect(validateRule(valid, registry, ctx)).toEqual([]);
  });

  it('reports every error, each at its own path', () => {
    const errors = validateRule(
      rule({ kind: 'attribute', field: 'nope', op: 'eq', value: 'x' }, gender, { kind: 'group', combinator: 'and', children: [] }),
      registry,
      ctx,
    );
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['unknown_field', ['children', 0]],
      ['empty_group', ['children', 2]],
    ]);
  });

  it('compileRule and the evaluator refuse invalid rules with the same RuleError', () => {
    const bad = rule(gender, { kind: 'attribute', field: 'gender', op: 'gt', value: 1 });
    const evaluator = createEvaluator(segmentDataFromDataset(fixtureDataset()), { registry: createRegistry() });
    for (const run of [() => compileRule(bad, 'sqlite', { ...ctx, registry }), () => evaluator.evaluate(bad), () => evaluator.preview(bad)]) {
      try {
        run();
        expect.unreachable('an invalid rule was accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(RuleError);
        expect((err as RuleError).toJSON()).toMatchObject({ code: 'operator_not_allowed', path: ['children', 1] });
        expect((err as RuleError).errors).toHaveLength(1);
      }
    }
  });

  it('never turns an empty rule into "everyone"', () => {
    const evaluator = createEvaluator(segmentDataFromDataset(fixtureDataset()));
    expect(() => evaluator.count(rule())).toThrow(RuleError);
    expect(() => compileRule(rule(), 'postgres', { ...ctx, registry })).toThrow(/at least one condition/);
  });
});
