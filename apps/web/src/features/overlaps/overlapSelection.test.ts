import { describe, expect, it } from 'vitest';
import type { SegmentRule } from '@kizuna/segments';
import { canCompare, heatmapCsv, memberNode, pairRule, readSelection, setCount, writeSelection } from './overlapSelection';

const draft: SegmentRule = { version: 1, kind: 'group', combinator: 'or', children: [{ kind: 'reachability', channel: 'line' }] };

describe('selection in the URL', () => {
  it('round-trips saved ids and unsaved rules with their labels', () => {
    const params = writeSelection({ segmentIds: ['a', 'b'], rules: [{ label: 'Draft', rule: draft }] });
    const back = readSelection(new URLSearchParams(params.toString()));
    expect(back).toEqual({ segmentIds: ['a', 'b'], rules: [{ label: 'Draft', rule: draft }] });
    expect(setCount(back)).toBe(3);
    expect(canCompare(back)).toBe(true);
  });

  it('drops duplicates, unreadable rules and anything past 12 sets', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `s${i}`);
    const params = new URLSearchParams({ segments: ['a', 'a', ...ids].join(',') });
    params.append('rule', '{oops');
    expect(readSelection(params).segmentIds).toHaveLength(12);
    expect(readSelection(params).rules).toEqual([]);
    expect(canCompare({ segmentIds: ['a'], rules: [] })).toBe(false);
  });
});

describe('intersection rules', () => {
  const selection = { segmentIds: ['a'], rules: [{ label: 'Draft', rule: draft }] };

  it('refers to saved segments and inlines unsaved rules, in the API order', () => {
    expect(memberNode(selection, 0)).toEqual({ kind: 'segment', op: 'in', segmentId: 'a' });
    expect(memberNode(selection, 1)).toEqual({ kind: 'group', combinator: 'or', children: [{ kind: 'reachability', channel: 'line' }] });
    expect(() => memberNode(selection, 2)).toThrow(RangeError);
  });

  it('builds "in both" for a heatmap cell and "in it" on the diagonal', () => {
    expect(pairRule(selection, 0, 1).children).toHaveLength(2);
    expect(pairRule(selection, 1, 1).children).toEqual([memberNode(selection, 1)]);
  });
});

describe('heatmapCsv', () => {
  it('writes a labelled grid, fractions rounded', () => {
    const cells = [
      { row: 0, col: 0, value: 1 },
      { row: 0, col: 1, value: 1 / 3 },
      { row: 1, col: 0, value: 0.5 },
      { row: 1, col: 1, value: 1 },
    ];
    expect(heatmapCsv(['A', 'B'], cells, '')).toEqual([
      ['', 'A', 'B'],
      ['A', 1, 0.3333],
      ['B', 0.5, 1],
    ]);
  });
});
