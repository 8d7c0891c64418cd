// Pure operations on the rule tree the builder edits: node ids, paths, and the structural edits (insert,
// remove, duplicate, move between groups) that undo/redo and drag and drop apply as whole-tree snapshots.
import type { GroupNode, NodePath, RuleNode, SegmentRule } from '@kizuna/segments';

/** A short random id; crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newNodeId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `n${[...bytes].map((b) => b.toString(36).padStart(2, '0')).join('')}`;
}

/** Gives every node an id (keeping unique existing ones), so widgets, drag handles and counts can follow it. */
export function withIds(rule: SegmentRule): SegmentRule {
  const seen = new Set<string>();
  const visit = <T extends RuleNode>(node: T): T => {
    const id = node.id !== undefined && !seen.has(node.id) ? node.id : newNodeId();
    seen.add(id);
    if (node.kind === 'group') return { ...node, id, children: node.children.map(visit) };
    return { ...node, id };
  };
  return visit(rule);
}

/** A deep copy with fresh ids throughout (duplicating must never share an id with the original). */
export function cloneWithNewIds<T extends RuleNode>(node: T): T {
  const copy = { ...node, id: newNodeId() };
  if (copy.kind === 'group') return { ...copy, children: copy.children.map(cloneWithNewIds) };
  return copy;
}

/** react-hook-form's name of the node at `path` inside the form value `rule`: `rule.children.0.children.2`. */
export function formName(path: NodePath): string {
  return ['rule', ...path].join('.');
}

export function pathKey(path: NodePath): string {
  return path.join('.');
}

export function samePath(a: NodePath, b: NodePath): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/** True when `path` is `ancestor` or lies beneath it. */
export function isWithin(path: NodePath, ancestor: NodePath): boolean {
  return ancestor.length <= path.length && ancestor.every((p, i) => p === path[i]);
}

export function getNode(rule: SegmentRule, path: NodePath): RuleNode | undefined {
  let node: RuleNode | undefined = rule;
  for (let i = 0; i < path.length; i += 2) {
    if (!node || node.kind !== 'group' || path[i] !== 'children') return undefined;
    node = node.children[Number(path[i + 1])];
  }
  return node;
}

export function findPathById(rule: SegmentRule, id: string): NodePath | null {
  const walk = (node: RuleNode, path: NodePath): NodePath | null => {
    if (node.id === id) return path;
    if (node.kind !== 'group') return null;
    for (let i = 0; i < node.children.length; i++) {
      const found = walk(node.children[i]!, [...path, 'children', i]);
      if (found) return found;
    }
    return null;
  };
  return walk(rule, []);
}

/** Applies `change` to the node at `path`, copying only the nodes on the way down. */
export function updateAt(rule: SegmentRule, path: NodePath, change: (node: RuleNode) => RuleNode): SegmentRule {
  const walk = (node: RuleNode, depth: number): RuleNode => {
    if (depth >= path.length) return change(node);
    if (node.kind !== 'group') throw new Error(`No node at ${pathKey(path)}`);
    const index = Number(path[depth + 1]);
    if (!(index in node.children)) throw new Error(`No node at ${pathKey(path)}`);
    const children = node.children.slice();
    children[index] = walk(children[index]!, depth + 2);
    return { ...node, children };
  };
  return walk(rule, 0) as SegmentRule;
}

function updateGroup(rule: SegmentRule, groupPath: NodePath, change: (group: GroupNode) => GroupNode): SegmentRule {
  return updateAt(rule, groupPath, (node) => {
    if (node.kind !== 'group') throw new Error(`${pathKey(groupPath)} is not a group`);
    return change(node);
  });
}

export function parentOf(path: NodePath): { group: NodePath; index: number } {
  if (path.length < 2) throw new Error('The root has no parent');
  return { group: path.slice(0, -2), index: Number(path[path.length - 1]) };
}

export function insertNode(rule: SegmentRule, groupPath: NodePath, index: number, node: RuleNode): SegmentRule {
  return updateGroup(rule, groupPath, (group) => {
    const children = group.children.slice();
    children.splice(Math.max(0, Math.min(index, children.length)), 0, node);
    return { ...group, children };
  });
}

export function removeNode(rule: SegmentRule, path: NodePath): SegmentRule {
  const { group, index } = parentOf(path);
  return updateGroup(rule, group, (g) => ({ ...g, children: g.children.filter((_, i) => i !== index) }));
}

/** Puts a copy (fresh ids) right after the original; returns the new tree and the copy's path. */
export function duplicateNode(rule: SegmentRule, path: NodePath): { rule: SegmentRule; path: NodePath } {
  const node = getNode(rule, path);
  if (!node) throw new Error(`No node at ${pathKey(path)}`);
  const { group, index } = parentOf(path);
  return { rule: insertNode(rule, group, index + 1, cloneWithNewIds(node)), path: [...group, 'children', index + 1] };
}

/**
 * Moves the node at `from` into the group at `toGroup`, at `toIndex` counted in the target's children as they
 * are before the move. Refuses (returns null) to move a group into itself or its own descendants.
 */
export function moveNode(rule: SegmentRule, from: NodePath, toGroup: NodePath, toIndex: number): { rule: SegmentRule; path: NodePath } | null {
  if (from.length === 0 || isWithin(toGroup, from)) return null;
  const node = getNode(rule, from);
  const target = getNode(rule, toGroup);
  if (!node || !target || target.kind !== 'group') return null;
  const { group: fromGroup, index: fromIndex } = parentOf(from);
  let index = Math.max(0, Math.min(toIndex, target.children.length));
  // The target path may shift when the removed node was an earlier sibling of one of its ancestors.
  const adjusted = toGroup.slice();
  if (isWithin(toGroup, fromGroup) && toGroup.length > fromGroup.length) {
    const siblingIndex = Number(toGroup[fromGroup.length + 1]);
    if (siblingIndex > fromIndex) adjusted[fromGroup.length + 1] = siblingIndex - 1;
  }
  if (samePath(fromGroup, toGroup)) {
    if (index > fromIndex) index -= 1;
    if (index === fromIndex) return null;
  }
  const without = removeNode(rule, from);
  return { rule: insertNode(without, adjusted, index, node), path: [...adjusted, 'children', index] };
}

/** Wraps the node at `path` in a new group of its own (keeps the meaning: a group of one child). */
export function wrapInGroup(rule: SegmentRule, path: NodePath, combinator: 'and' | 'or'): SegmentRule {
  return updateAt(rule, path, (node) => ({ kind: 'group', id: newNodeId(), combinator, children: [node] }));
}

export interface GroupTarget {
  path: NodePath;
  depth: number;
  id: string | undefined;
  /** Number in reading order, 1 = the root: how the "move to group" menu names groups. */
  number: number;
}

/** Every group in reading order, for "move to group" menus. */
export function listGroups(rule: SegmentRule): GroupTarget[] {
  const out: GroupTarget[] = [];
  const walk = (node: RuleNode, path: NodePath, depth: number): void => {
    if (node.kind !== 'group') return;
    out.push({ path, depth, id: node.id, number: out.length + 1 });
    node.children.forEach((child, i) => walk(child, [...path, 'children', i], depth + 1));
  };
  walk(rule, [], 0);
  return out;
}

/** How many conditions (non-group nodes) the tree holds. */
export function countConditions(node: RuleNode): number {
  return node.kind === 'group' ? node.children.reduce((n, c) => n + countConditions(c), 0) : 1;
}

/** The tree without builder ids: what two rules are compared on and what goes into links. */
export function stripIds(rule: SegmentRule): SegmentRule {
  const visit = (node: RuleNode): RuleNode => {
    const { id: _id, ...rest } = node;
    return rest.kind === 'group' ? { ...rest, children: rest.children.map(visit) } : rest;
  };
  return visit(rule) as SegmentRule;
}
