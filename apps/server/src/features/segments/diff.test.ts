import { describe, expect, it } from 'vitest';
import type { RuleNode, SegmentRule } from '@kizuna/segments';
import { alignChildren, diffRules } from './diff';

const female: RuleNode = { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' };
const tokyo: RuleNode = { kind: 'attribute', field: 'region', op: 'in', value: ['東京都'] };
const recent: RuleNode = { kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 30 } };
const email: RuleNode = { kind: 'reachability', channel: 'email' };
const root = (children: RuleNode[], combinator: 'and' | 'or' = 'and'): SegmentRule => ({ version: 1, kind: 'group', combinator, children });

describe('diffRules', () => {
  it('finds nothing between equal rules, whatever the node ids or sibling order', () => {
    const a = root([female, tokyo, { kind: 'group', combinator: 'or', children: [recent, email] }]);
    const b = root([{ ...tokyo, id: 'n1' }, { kind: 'group', combinator: 'or', children: [email, recent] }, female]);
    expect(diffRules(a, b)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('reports one insertion as one addition, not every sibling as changed', () => {
    const d = diffRules(root([female, tokyo]), root([recent, female, tokyo]));
    expect(d).toEqual({ added: [{ path: ['children', 0], node: recent }], removed: [], changed: [] });
  });

  it('reports a changed value with its old and new path', () => {
    const d = diffRules(root([female, tokyo, recent]), root([{ ...tokyo, value: ['大阪府'] }, female, recent]));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([{ path: ['children', 0], fromPath: ['children', 1], before: tokyo, after: { ...tokyo, value: ['大阪府'] } }]);
  });

  it('reports removed groups whole and changes inside nested groups', () => {
    const inner: RuleNode = { kind: 'group', combinator: 'or', children: [recent, email] };
    const a = root([female, { kind: 'group', combinator: 'and', children: [tokyo, { ...inner }] }, { kind: 'group', combinator: 'or', children: [email] }]);
    const b = root([female, { kind: 'group', combinator: 'and', children: [tokyo, { ...inner, children: [{ ...recent, value: 3 }, email] }] }]);
    const d = diffRules(a, b);
    expect(d.removed).toEqual([{ path: ['children', 2], node: { kind: 'group', combinator: 'or', children: [email] } }]);
    expect(d.added).toEqual([]);
    expect(d.changed).toEqual([
      { path: ['children', 1, 'children', 1, 'children', 0], fromPath: ['children', 1, 'children', 1, 'children', 0], before: recent, after: { ...recent, value: 3 } },
    ]);
  });

  it('reports a combinator or negation change on the group itself, without its children', () => {
    const d = diffRules(root([female, tokyo]), { ...root([female, tokyo], 'or'), negate: true });
    expect(d.changed).toEqual([
      { path: [], fromPath: [], before: { kind: 'group', combinator: 'and', childCount: 2 }, after: { kind: 'group', combinator: 'or', negate: true, childCount: 2 } },
    ]);
  });

  it('follows node ids across moves and turns a change of kind into removal plus addition', () => {
    const a = root([{ ...female, id: 'x' }, tokyo]);
    const b = root([{ kind: 'group', combinator: 'or', children: [{ ...female, id: 'x', value: 'male' }] }, tokyo]);
    const d = diffRules(a, b);
    // The id-matched node moved into a new group: the old position lost a condition, the new group is added.
    expect(d.removed).toEqual([{ path: ['children', 0], node: { ...female, id: 'x' } }]);
    expect(d.added).toEqual([{ path: ['children', 0], node: b.children[0] }]);
    expect(d.changed).toEqual([]);
    const kindChange = diffRules(root([female]), root([email]));
    expect(kindChange.removed).toEqual([{ path: ['children', 0], node: female }]);
    expect(kindChange.added).toEqual([{ path: ['children', 0], node: email }]);
  });
});

describe('alignChildren', () => {
  it('pairs by id, then identical content, then the same field, then the same kind', () => {
    const a: RuleNode[] = [{ ...female, id: 'k' }, tokyo, recent, { kind: 'computed', field: 'age', op: 'gte', value: 30 }];
    const b: RuleNode[] = [recent, { ...female, id: 'k', value: 'male' }, { kind: 'computed', field: 'age', op: 'lt', value: 20 }, { ...tokyo, value: ['京都府'] }, email];
    expect(alignChildren(a, b)).toEqual({ pairs: [[2, 0], [0, 1], [3, 2], [1, 3]], removed: [], added: [4] });
  });
});
