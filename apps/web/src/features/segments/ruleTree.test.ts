import { describe, expect, it } from 'vitest';
import type { RuleNode, SegmentRule } from '@kizuna/segments';
import {
  cloneWithNewIds,
  countConditions,
  duplicateNode,
  findPathById,
  formName,
  getNode,
  insertNode,
  listGroups,
  moveNode,
  removeNode,
  stripIds,
  updateAt,
  withIds,
  wrapInGroup,
} from './ruleTree';

const reach = (id: string): RuleNode => ({ kind: 'reachability', id, channel: 'email' });

/** root(and): a, g1(or: b, c), d */
function sample(): SegmentRule {
  return {
    version: 1,
    kind: 'group',
    id: 'root',
    combinator: 'and',
    children: [reach('a'), { kind: 'group', id: 'g1', combinator: 'or', children: [reach('b'), reach('c')] }, reach('d')],
  };
}

/** The ids in reading order with group nesting shown as brackets. */
function shape(node: RuleNode): string {
  return node.kind === 'group' ? `${node.id}(${node.children.map(shape).join(' ')})` : String(node.id);
}

describe('ids', () => {
  it('gives every node a distinct id and keeps unique existing ones', () => {
    const rule = withIds({
      version: 1,
      kind: 'group',
      combinator: 'and',
      children: [reach('x'), reach('x'), { kind: 'group', combinator: 'or', children: [{ kind: 'reachability', channel: 'sms' }] }],
    });
    const ids: string[] = [];
    const walk = (n: RuleNode) => {
      ids.push(String(n.id));
      if (n.kind === 'group') n.children.forEach(walk);
    };
    walk(rule);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(ids[1]).toBe('x');
    expect(ids[2]).not.toBe('x');
  });

  it('clones a subtree with fresh ids only', () => {
    const group = sample().children[1]!;
    const copy = cloneWithNewIds(group);
    expect(stripIds({ version: 1, kind: 'group', combinator: 'and', children: [copy] })).toEqual(
      stripIds({ version: 1, kind: 'group', combinator: 'and', children: [group] }),
    );
    expect(copy.id).not.toBe(group.id);
    expect(copy.kind === 'group' && copy.children[0]!.id).not.toBe('b');
  });
});

describe('paths', () => {
  it('names form fields and finds nodes', () => {
    expect(formName([])).toBe('rule');
    expect(formName(['children', 1, 'children', 0])).toBe('rule.children.1.children.0');
    const rule = sample();
    expect(getNode(rule, ['children', 1, 'children', 1])?.id).toBe('c');
    expect(getNode(rule, ['children', 7])).toBeUndefined();
    expect(getNode(rule, ['children', 0, 'children', 0])).toBeUndefined();
    expect(findPathById(rule, 'c')).toEqual(['children', 1, 'children', 1]);
    expect(findPathById(rule, 'zzz')).toBeNull();
  });

  it('lists groups in reading order with their depth', () => {
    expect(listGroups(sample()).map((g) => [g.id, g.depth, g.number])).toEqual([
      ['root', 0, 1],
      ['g1', 1, 2],
    ]);
  });
});

describe('edits', () => {
  it('inserts, removes and updates without touching the input', () => {
    const rule = sample();
    const before = JSON.stringify(rule);
    expect(shape(insertNode(rule, ['children', 1], 1, reach('n')))).toBe('root(a g1(b n c) d)');
    expect(shape(removeNode(rule, ['children', 1, 'children', 0]))).toBe('root(a g1(c) d)');
    const negated = updateAt(rule, ['children', 1], (n) => ({ ...n, negate: true }) as RuleNode);
    expect(getNode(negated, ['children', 1])).toMatchObject({ negate: true });
    expect(JSON.stringify(rule)).toBe(before);
    expect(() => updateAt(rule, ['children', 9], (n) => n)).toThrow();
  });

  it('duplicates right after the original with fresh ids', () => {
    const { rule, path } = duplicateNode(sample(), ['children', 1]);
    expect(path).toEqual(['children', 2]);
    expect(rule.children).toHaveLength(4);
    expect(stripIds({ ...rule, children: [rule.children[2]!] })).toEqual(stripIds({ ...rule, children: [rule.children[1]!] }));
    expect(rule.children[2]!.id).not.toBe('g1');
  });

  it('wraps a condition in a group of its own', () => {
    const rule = wrapInGroup(sample(), ['children', 0], 'or');
    expect(getNode(rule, ['children', 0])).toMatchObject({ kind: 'group', combinator: 'or', children: [{ id: 'a' }] });
  });

  it('counts conditions', () => {
    expect(countConditions(sample())).toBe(4);
  });
});

describe('moveNode', () => {
  it('reorders within a group (index counted before the move)', () => {
    expect(shape(moveNode(sample(), ['children', 0], [], 3)!.rule)).toBe('root(g1(b c) d a)');
    expect(shape(moveNode(sample(), ['children', 2], [], 0)!.rule)).toBe('root(d a g1(b c))');
    expect(moveNode(sample(), ['children', 0], [], 1)).toBeNull();
  });

  it('moves between groups in both directions', () => {
    const into = moveNode(sample(), ['children', 0], ['children', 1], 1)!;
    // a sat before g1, so g1 is now the first child.
    expect(shape(into.rule)).toBe('root(g1(b a c) d)');
    expect(into.path).toEqual(['children', 0, 'children', 1]);
    const out = moveNode(sample(), ['children', 1, 'children', 1], [], 0)!;
    expect(shape(out.rule)).toBe('root(c a g1(b) d)');
    expect(out.path).toEqual(['children', 0]);
  });

  it('refuses to move a group into itself or the root anywhere', () => {
    expect(moveNode(sample(), ['children', 1], ['children', 1], 0)).toBeNull();
    expect(moveNode(sample(), [], ['children', 1], 0)).toBeNull();
    expect(moveNode(sample(), ['children', 0], ['children', 0], 0)).toBeNull();
  });
});
