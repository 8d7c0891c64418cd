// Previews, per-node counts, explanations and the node cache, on the hand-made customers A–E.
import { describe, expect, it } from 'vitest';
import { dayToIso } from '../dates';
import type { RuleNode, SegmentRule } from '../schema';
import { segmentDataFromDataset } from '../testing/buildData';
import { TEST_AS_OF_DAY } from '../testing/dataset';
import { fixtureDataset } from '../testing/fixture';
import { createEvaluator } from './evaluator';

const data = segmentDataFromDataset(fixtureDataset());
const idx = (id: string): number => data.customerIds.indexOf(id);
const rule = (...children: RuleNode[]): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });
const women: SegmentRule = rule({ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' });
const evaluatorFor = (cacheEntries?: number) =>
  createEvaluator(data, { resolveSegment: (id) => (id === 'women' ? women : undefined), ...(cacheEntries ? { cacheEntries } : {}) });

const genderIn: RuleNode = { id: 'g', kind: 'attribute', field: 'gender', op: 'in', value: ['female', 'other'] };
const frequent: RuleNode = { kind: 'computed', field: 'frequency', op: 'gte', value: 2 };
const recent: RuleNode = { kind: 'computed', field: 'recency_days', op: 'lte', value: 30 };
const boughtIn90: RuleNode = { kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 90 } };

describe('preview', () => {
  it('counts, shares, reach per channel, a sample and the waterfall of each condition', () => {
    const p = evaluatorFor().preview(rule(genderIn, frequent, recent), { smallThreshold: 100, sampleSize: 5 });
    expect(p).toMatchObject({ total: 5, count: 2, share: 0.4, small: true, smallThreshold: 100, reachableAny: 2 });
    expect(p.reachable).toEqual({ email: 2, sms: 0, push: 1, line: 1 });
    expect(p.sample).toEqual([
      { index: idx('A'), customerId: 'A' },
      { index: idx('D'), customerId: 'D' },
    ]);
    expect(p.nodes).toEqual([
      { path: [], kind: 'group', count: 2, cumulative: null },
      { path: ['children', 0], id: 'g', kind: 'attribute', count: 3, cumulative: 3 },
      { path: ['children', 1], kind: 'computed', count: 3, cumulative: 3 },
      { path: ['children', 2], kind: 'computed', count: 2, cumulative: 2 },
    ]);
  });

  it('flags a segment below the small-segment threshold only', () => {
    const e = evaluatorFor();
    expect(e.preview(rule(genderIn), { smallThreshold: 3 }).small).toBe(false);
    expect(e.preview(rule(genderIn), { smallThreshold: 4 }).small).toBe(true);
  });

  it('shows an or-group growing child by child and a negated group after negation', () => {
    const or: RuleNode = { kind: 'group', combinator: 'or', negate: true, children: [recent, boughtIn90] };
    const counts = evaluatorFor().nodeCounts(rule(or));
    // recent: A, D · bought in 90 days: A, B, D, E · union 4 · negated: C
    expect(counts.map((c) => [c.path.join('.'), c.count, c.cumulative])).toEqual([
      ['', 1, null],
      ['children.0', 1, 1],
      ['children.0.children.0', 2, 2],
      ['children.0.children.1', 4, 4],
    ]);
  });
});

describe('explain', () => {
  it('says which conditions held for a customer, with the actual values', () => {
    const r = rule(
      { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' },
      boughtIn90,
      { kind: 'reachability', channel: 'email' },
      { kind: 'segment', op: 'in', segmentId: 'women' },
    );
    const x = evaluatorFor().explain(r, idx('B'));
    expect(x.held).toBe(false);
    expect(x.children?.map((c) => [c.held, c.detail])).toEqual([
      [false, { kind: 'field', field: 'gender', value: 'male' }],
      [true, { kind: 'behaviour', value: 1, rows: 1 }],
      [false, { kind: 'reachability', channel: 'email', optedIn: true, hasAddress: false }],
      [false, { kind: 'segment', segmentId: 'women', member: false }],
    ]);
    expect(x.children?.[3]?.children?.[0]?.path).toEqual(['children', 3, 'segment']);
  });

  it('decodes dates, tags, numeric custom values and NULLs', () => {
    const r = rule(
      { kind: 'attribute', field: 'signup_date', op: 'is_set' },
      { kind: 'attribute', field: 'interests', op: 'contains', value: 'beauty' },
      { kind: 'attribute', field: 'custom:score', op: 'gt', value: 0 },
      { kind: 'computed', field: 'aov', op: 'gt', value: 0 },
      { kind: 'behaviour', source: 'orders', aggregate: 'avg', measure: 'amount', op: 'gt', value: 0, window: { type: 'ever' } },
    );
    const e = evaluatorFor();
    const a = e.explain(r, idx('A'));
    expect(a.held).toBe(true);
    expect(a.children?.map((c) => c.detail)).toEqual([
      { kind: 'field', field: 'signup_date', value: dayToIso(TEST_AS_OF_DAY - 400) },
      { kind: 'field', field: 'interests', value: ['beauty', 'fashion'] },
      { kind: 'field', field: 'custom:score', value: 12 },
      { kind: 'field', field: 'aov', value: 3000 },
      { kind: 'behaviour', value: 3000, rows: 3 },
    ]);
    const c = e.explain(r, idx('C'));
    expect(c.children?.map((n) => [n.held, (n.detail as { value?: unknown }).value])).toEqual([
      [true, dayToIso(TEST_AS_OF_DAY - 30)],
      [false, []],
      [false, null],
      [false, null],
      [false, null],
    ]);
  });

  it('rejects an index outside the customers', () => {
    expect(() => evaluatorFor().explain(rule(frequent), 5)).toThrow(RangeError);
  });
});

describe('node cache', () => {
  it('re-evaluates only the edited condition and the groups above it', () => {
    const e = evaluatorFor();
    const nested: RuleNode = { kind: 'group', combinator: 'or', children: [recent, boughtIn90] };
    e.evaluate(rule(genderIn, frequent, nested));
    expect(e.cacheStats().misses).toBe(6); // 4 conditions, 2 groups
    const before = e.cacheStats();
    const edited = e.evaluate(rule(genderIn, { ...frequent, value: 3 } as RuleNode, nested));
    expect(e.cacheStats().misses - before.misses).toBe(2); // the edited condition and the root
    expect(edited.toIndexes().map((i) => data.customerIds[i])).toEqual(['A', 'E']);
  });

  it('ignores node ids and key order when matching cached nodes', () => {
    const e = evaluatorFor();
    e.evaluate(rule(genderIn));
    const misses = e.cacheStats().misses;
    e.evaluate(rule({ value: ['female', 'other'], op: 'in', field: 'gender', kind: 'attribute', id: 'other-id' }));
    expect(e.cacheStats().misses).toBe(misses);
  });

  it('stays correct when the cache evicts entries', () => {
    const small = evaluatorFor(2);
    const big = evaluatorFor();
    const rules = [rule(genderIn, frequent), rule(recent), rule(genderIn, boughtIn90), rule(frequent, recent), rule(genderIn, frequent)];
    for (const r of [...rules, ...rules]) expect(small.evaluate(r).equals(big.evaluate(r))).toBe(true);
    expect(small.cacheStats().entries).toBeLessThanOrEqual(2);
  });

  it('sees an edit to a referenced saved segment', () => {
    let saved = women;
    const e = createEvaluator(data, { resolveSegment: () => saved });
    const r = rule({ kind: 'segment', op: 'in', segmentId: 'x' });
    expect(e.count(r)).toBe(2);
    saved = rule({ kind: 'attribute', field: 'gender', op: 'eq', value: 'male' });
    expect(e.count(r)).toBe(1);
  });
});
