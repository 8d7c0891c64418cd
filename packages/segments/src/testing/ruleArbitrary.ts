// fast-check arbitraries of valid random rule trees over a TestDataset: every node kind, every operator a
// field allows, values drawn from the data (so conditions match some customers) and from window edges.
import fc from 'fast-check';
import { dayToIso } from '../dates';
import type { FieldDef, FieldRegistry } from '../registry';
import type { BehaviourCondition, BehaviourFilters, FieldOperator, RuleNode, SegmentRule, Window } from '../schema';
import { comparisonOperators } from '../schema';
import { pools, type TestDataset } from './dataset';

/** Saved segments the generated rules may reference (b references a; c references b). */
export function savedSegments(): Record<string, SegmentRule> {
  return {
    seg_a: { version: 1, kind: 'group', combinator: 'and', children: [{ kind: 'computed', field: 'frequency', op: 'gte', value: 2 }] },
    seg_b: {
      version: 1,
      kind: 'group',
      combinator: 'or',
      children: [
        { kind: 'segment', op: 'in', segmentId: 'seg_a' },
        { kind: 'attribute', field: 'region', op: 'eq', value: '東京都' },
      ],
    },
    seg_c: {
      version: 1,
      kind: 'group',
      combinator: 'and',
      negate: true,
      children: [
        { kind: 'segment', op: 'not_in', segmentId: 'seg_b' },
        { kind: 'reachability', channel: 'email' },
      ],
    },
  };
}

const sorted2 = <T extends number | string>(a: T, b: T): [T, T] => (a <= b ? [a, b] : [b, a]);

export function ruleArbitrary(registry: FieldRegistry, ds: TestDataset): fc.Arbitrary<SegmentRule> {
  const leaf = fc.oneof(
    { weight: 5, arbitrary: fieldConditionArb(registry, ds) },
    { weight: 3, arbitrary: behaviourArb(ds) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('segment' as const), op: fc.constantFrom('in' as const, 'not_in' as const), segmentId: fc.constantFrom(...Object.keys(savedSegments())) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reachability' as const), channel: fc.constantFrom('email' as const, 'sms' as const, 'push' as const, 'line' as const) }) },
  );
  const { node } = fc.letrec<{ node: RuleNode; group: RuleNode }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthSize: 'small' }, leaf, tie('group')),
    group: fc.record({
      kind: fc.constant('group' as const),
      combinator: fc.constantFrom('and' as const, 'or' as const),
      negate: fc.boolean(),
      children: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
    }),
  }));
  return fc.record({
    version: fc.constant(1 as const),
    kind: fc.constant('group' as const),
    combinator: fc.constantFrom('and' as const, 'or' as const),
    negate: fc.boolean(),
    children: fc.array(node, { minLength: 1, maxLength: 4 }),
  });
}

function fieldConditionArb(registry: FieldRegistry, ds: TestDataset): fc.Arbitrary<RuleNode> {
  const fields = registry.fields;
  return fc.constantFrom(...fields).chain((field) =>
    fc.constantFrom(...field.operators).chain((op) =>
      valueArb(field, op, ds).map((value): RuleNode => {
        const node = { kind: field.kind, field: field.id, op } as Extract<RuleNode, { kind: 'attribute' }> | Extract<RuleNode, { kind: 'computed' }>;
        return value === undefined ? node : { ...node, value };
      }),
    ),
  );
}

type Value = string | number | (string | number)[] | undefined;

function valueArb(field: FieldDef, op: FieldOperator, ds: TestDataset): fc.Arbitrary<Value> {
  if (op === 'is_set' || op === 'is_not_set' || op === 'is_true' || op === 'is_false') return fc.constant(undefined);
  const list = <T extends string | number>(xs: readonly T[]): fc.Arbitrary<Value> =>
    fc.uniqueArray(fc.constantFrom(...xs), { minLength: 1, maxLength: 3 });
  switch (field.type) {
    case 'number':
    case 'money': {
      const pool = numberPool(field, ds);
      if (op === 'between') return fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool)).map(([a, b]) => sorted2(a, b));
      if (op === 'in' || op === 'not_in') return list(pool);
      return fc.constantFrom(...pool);
    }
    case 'date': {
      const pool = datePool(field, ds);
      if (op === 'within_last_days') return fc.constantFrom(1, 7, 29, 30, 31, 90, 365);
      if (op === 'more_than_days_ago') return fc.constantFrom(0, 1, 30, 90, 365);
      if (op === 'between') return fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool)).map(([a, b]) => sorted2(a, b));
      return fc.constantFrom(...pool);
    }
    case 'tags': {
      const pool = [...pools.tags, 'none-such'];
      return op === 'contains' || op === 'not_contains' ? fc.constantFrom(...pool) : list(pool);
    }
    case 'string':
    case 'enum':
    case 'boolean': {
      const pool = [...textPool(field, ds), 'none-such'];
      return op === 'in' || op === 'not_in' ? list(pool) : fc.constantFrom(...pool);
    }
  }
}

function columnValues(field: FieldDef, ds: TestDataset): unknown[] {
  const s = field.storage;
  if (s.kind === 'custom') return ds.customers.map((c) => (JSON.parse(c.custom_attributes) as Record<string, unknown>)[s.key]);
  return ds.customers.map((c) => (c as unknown as Record<string, unknown>)[s.column]);
}

function numberPool(field: FieldDef, ds: TestDataset): number[] {
  const seen = columnValues(field, ds)
    .map((v) => (typeof v === 'string' ? Number(v) : v))
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return [...new Set([...seen.slice(0, 12), 0, 1, 2.5, -1])];
}

function datePool(field: FieldDef, ds: TestDataset): string[] {
  const s = field.storage;
  const days = columnValues(field, ds)
    .map((v) => (s.kind === 'isoDate' ? (typeof v === 'string' && v ? Date.parse(v) / 86_400_000 : null) : v))
    .filter((v): v is number => typeof v === 'number');
  const around = pools.dayOffsets.map((o) => ds.asOfDay - o);
  return [...new Set([...days.slice(0, 8), ...around, ds.asOfDay, ds.asOfDay + 10].map(dayToIso))];
}

function textPool(field: FieldDef, ds: TestDataset): string[] {
  const seen = columnValues(field, ds).filter((v): v is string => typeof v === 'string' && v !== '');
  return [...new Set(seen)].slice(0, 6);
}

function behaviourArb(ds: TestDataset): fc.Arbitrary<RuleNode> {
  const orders = fc.record({
    source: fc.constant('orders' as const),
    pick: fc.constantFrom<[BehaviourCondition['aggregate'], BehaviourCondition['measure']]>(
      ['count', undefined], ['distinct_days', undefined], ['sum', 'amount'], ['avg', 'amount'], ['max', 'amount'], ['sum', 'quantity'], ['avg', 'quantity'], ['max', 'quantity'],
    ),
    filters: fc.record(
      {
        categories: fc.uniqueArray(fc.constantFrom(...pools.orderCategories, 'Nothing'), { minLength: 1, maxLength: 2 }),
        channels: fc.uniqueArray(fc.constantFrom(...pools.orderChannels), { minLength: 1, maxLength: 2 }),
        couponUsed: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  });
  const events = fc.record({
    source: fc.constant('events' as const),
    eventType: fc.constantFrom(...pools.eventTypes, 'cart_add'),
    pick: fc.constantFrom<[BehaviourCondition['aggregate'], BehaviourCondition['measure']]>(
      ['count', undefined], ['distinct_days', undefined], ['sum', 'value'], ['avg', 'value'], ['max', 'value'],
    ),
    filters: fc.record(
      {
        productIds: fc.uniqueArray(fc.constantFrom(...pools.productIds), { minLength: 1, maxLength: 2 }),
        categories: fc.uniqueArray(fc.constantFrom(...pools.productCategories), { minLength: 1, maxLength: 2 }),
        lowStockBelow: fc.constantFrom(1, 4, 5, 10),
      },
      { requiredKeys: [] },
    ),
  });
  const window: fc.Arbitrary<Window> = fc.oneof(
    fc.constant({ type: 'ever' as const }),
    fc.constantFrom(1, 7, 29, 30, 31, 89, 90, 91, 365).map((days) => ({ type: 'last_days' as const, days })),
    fc.constantFrom(0, 1, 30, 90, 365).map((days) => ({ type: 'more_than_days_ago' as const, days })),
    fc
      .tuple(fc.constantFrom(...pools.dayOffsets, 3), fc.constantFrom(...pools.dayOffsets, 0, -5))
      .map(([a, b]) => {
        const [from, to] = sorted2(ds.asOfDay - a, ds.asOfDay - b);
        return { type: 'between' as const, from: dayToIso(from), to: dayToIso(to) };
      }),
  );
  const thresholds = [0, 1, 2, 3, 0.5, 1.5, 5, 500, 1200, 1250.5, 3000, 9800, 25000];
  const value = fc.oneof(
    fc.constantFrom(...thresholds),
    fc.tuple(fc.constantFrom(...thresholds), fc.constantFrom(...thresholds)).map(([a, b]) => sorted2(a, b)),
  );
  return fc
    .tuple(fc.oneof(orders, events), fc.constantFrom(...comparisonOperators), value, window)
    .map(([src, op, v, w]): RuleNode => {
      const [aggregate, measure] = src.pick;
      const num = Array.isArray(v) ? v[0] : v;
      const node: BehaviourCondition = {
        kind: 'behaviour',
        source: src.source,
        aggregate,
        op,
        value: op === 'between' ? (Array.isArray(v) ? v : [v, v]) : num,
        window: w,
      };
      if (measure) node.measure = measure;
      if (src.source === 'events') node.eventType = src.eventType;
      if (Object.keys(src.filters).length > 0) node.filters = src.filters as BehaviourFilters;
      return node;
    });
}
