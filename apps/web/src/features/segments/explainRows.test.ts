import { describe, expect, it } from 'vitest';
import type { ExplainNode, SegmentRule } from '@kizuna/segments';
import { explainRows, explainValueText } from './explainRows';

const rule: SegmentRule = {
  version: 1,
  kind: 'group',
  combinator: 'and',
  children: [
    { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' },
    { kind: 'segment', op: 'in', segmentId: 'vip' },
  ],
};

const tree: ExplainNode = {
  path: [],
  kind: 'group',
  held: false,
  detail: { kind: 'group', combinator: 'and', negate: false },
  children: [
    { path: ['children', 0], kind: 'attribute', held: true, detail: { kind: 'field', field: 'gender', value: 'female' } },
    {
      path: ['children', 1],
      kind: 'segment',
      held: false,
      detail: { kind: 'segment', segmentId: 'vip', member: false },
      children: [{ path: ['children', 1, 'segment'], kind: 'group', held: false, detail: { kind: 'group', combinator: 'or', negate: false } }],
    },
  ],
};

describe('explainRows', () => {
  it('flattens the tree with depths and pairs rows with their rule nodes', () => {
    const rows = explainRows(tree, rule);
    expect(rows.map((r) => [r.key, r.depth, r.held, r.node?.kind ?? null])).toEqual([
      ['root', 0, false, 'group'],
      ['children.0', 1, true, 'attribute'],
      ['children.1', 1, false, 'segment'],
      ['children.1.segment', 2, false, null],
    ]);
  });

  it('words values', () => {
    const fmt = (n: number) => n.toFixed(1);
    expect(explainValueText(['a', 'b'], fmt)).toBe('a, b');
    expect(explainValueText([], fmt)).toBeNull();
    expect(explainValueText(null, fmt)).toBeNull();
    expect(explainValueText(3, fmt)).toBe('3.0');
    expect(explainValueText(true, fmt)).toBe('true');
  });
});
