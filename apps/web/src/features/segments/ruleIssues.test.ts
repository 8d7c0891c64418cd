import { describe, expect, it } from 'vitest';
import type { SegmentRule } from '@kizuna/segments';
import { clientRegistry } from './fieldCatalog';
import { browserIssues, issuesByPath } from './ruleIssues';
import { builtInFields } from './testing';

const registry = clientRegistry(builtInFields, ['favorite', 'page_view']);
const options = { asOfDate: '2026-11-01', knownSegmentIds: new Set(['vip']), segmentId: 'me' };

describe('browserIssues', () => {
  it('accepts a valid rule with a reference to a known segment', () => {
    const rule: SegmentRule = {
      version: 1,
      kind: 'group',
      combinator: 'and',
      children: [
        { kind: 'attribute', field: 'gender', op: 'in', value: ['female'] },
        { kind: 'segment', op: 'in', segmentId: 'vip' },
        { kind: 'behaviour', source: 'events', eventType: 'favorite', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 30 } },
      ],
    };
    expect(browserIssues(rule, registry, options)).toEqual([]);
  });

  it('marks each bad node by its path: empty group, missing value, unknown and self references', () => {
    const rule: SegmentRule = {
      version: 1,
      kind: 'group',
      combinator: 'and',
      children: [
        { kind: 'group', combinator: 'or', children: [] },
        { kind: 'attribute', field: 'gender', op: 'in', value: [] },
        { kind: 'segment', op: 'in', segmentId: 'nope' },
        { kind: 'segment', op: 'not_in', segmentId: 'me' },
        { kind: 'computed', field: 'age', op: 'gte', value: '' },
      ],
    };
    const byPath = issuesByPath(browserIssues(rule, registry, options));
    expect([...byPath.keys()].sort()).toEqual(['children.0', 'children.1', 'children.2', 'children.3', 'children.4']);
    expect(byPath.get('children.0')![0]!.code).toBe('empty_group');
    expect(byPath.get('children.1')![0]!.code).toBe('bad_value');
    expect(byPath.get('children.2')![0]!.code).toBe('unknown_segment');
    expect(byPath.get('children.3')![0]!.code).toBe('segment_cycle');
  });

  it('refuses a window that starts after the as-of date', () => {
    const rule: SegmentRule = {
      version: 1,
      kind: 'group',
      combinator: 'and',
      children: [{ kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'between', from: '2026-12-01', to: '2026-12-31' } }],
    };
    expect(browserIssues(rule, registry, options).map((i) => i.code)).toEqual(['window_in_future']);
  });

  it('lists each message once per node', () => {
    const issue = { code: 'bad_value', message: 'x', path: ['children', 0] };
    expect(issuesByPath([issue, issue]).get('children.0')).toHaveLength(1);
  });
});
