// Differences between two versions of a rule, node by node: what was added, removed or changed. Children
// are matched by node id first, then by identical content (longest common subsequence), then by kind and
// field in order, so inserting one condition reports one addition rather than every sibling as changed.
// Sibling order is ignored: and/or do not depend on it.
import { assertNever, type GroupNode, type NodePath, type RuleNode, type SegmentRule } from '@kizuna/segments';

/** A group without its children (they are diffed on their own), or a whole condition. */
export type NodeSummary = (Omit<GroupNode, 'children'> & { childCount: number }) | Exclude<RuleNode, GroupNode>;

export interface NodeEntry {
  path: NodePath;
  /** Added or removed nodes are reported whole, with their subtree. */
  node: RuleNode;
}

export interface NodeChange {
  /** Where the node sits in the newer version. */
  path: NodePath;
  /** Where it sat in the older one. */
  fromPath: NodePath;
  before: NodeSummary;
  after: NodeSummary;
}

export interface RuleDiff {
  added: NodeEntry[];
  removed: NodeEntry[];
  changed: NodeChange[];
}

export function diffRules(from: SegmentRule, to: SegmentRule): RuleDiff {
  const out: RuleDiff = { added: [], removed: [], changed: [] };
  diffGroup(from, to, [], [], out);
  return out;
}

function diffGroup(a: GroupNode, b: GroupNode, pa: NodePath, pb: NodePath, out: RuleDiff): void {
  if (a.combinator !== b.combinator || (a.negate ?? false) !== (b.negate ?? false)) {
    out.changed.push({ path: pb, fromPath: pa, before: summary(a), after: summary(b) });
  }
  const { pairs, removed, added } = alignChildren(a.children, b.children);
  for (const i of removed) out.removed.push({ path: [...pa, 'children', i], node: a.children[i]! });
  for (const j of added) out.added.push({ path: [...pb, 'children', j], node: b.children[j]! });
  for (const [i, j] of pairs) {
    const x = a.children[i]!;
    const y = b.children[j]!;
    const px: NodePath = [...pa, 'children', i];
    const py: NodePath = [...pb, 'children', j];
    if (x.kind === 'group' && y.kind === 'group') diffGroup(x, y, px, py, out);
    else if (x.kind !== y.kind) {
      out.removed.push({ path: px, node: x });
      out.added.push({ path: py, node: y });
    } else if (canonical(x) !== canonical(y)) out.changed.push({ path: py, fromPath: px, before: summary(x), after: summary(y) });
  }
}

interface Alignment {
  pairs: [number, number][];
  removed: number[];
  added: number[];
}

export function alignChildren(a: readonly RuleNode[], b: readonly RuleNode[]): Alignment {
  const matchOfB = new Array<number>(b.length).fill(-1);
  const usedA = new Array<boolean>(a.length).fill(false);
  const pair = (i: number, j: number) => {
    matchOfB[j] = i;
    usedA[i] = true;
  };
  // 1. The builder's stable node ids.
  const byId = new Map<string, number>();
  a.forEach((x, i) => x.id !== undefined && !byId.has(x.id) && byId.set(x.id, i));
  b.forEach((y, j) => {
    const i = y.id === undefined ? undefined : byId.get(y.id);
    if (i !== undefined && !usedA[i]) pair(i, j);
  });
  // 2. Identical content, in order (LCS over what is left).
  const restA = a.map((_, i) => i).filter((i) => !usedA[i]);
  const restB = b.map((_, j) => j).filter((j) => matchOfB[j] === -1);
  for (const [i, j] of lcs(restA.map((i) => canonical(a[i]!)), restB.map((j) => canonical(b[j]!)))) pair(restA[i]!, restB[j]!);
  // 3. Same kind and subject (field, source…), then same kind, first come first paired.
  for (const similar of [subjectKey, (n: RuleNode) => n.kind]) {
    b.forEach((y, j) => {
      if (matchOfB[j] !== -1) return;
      const i = a.findIndex((x, k) => !usedA[k] && similar(x) === similar(y));
      if (i >= 0) pair(i, j);
    });
  }
  const pairs: [number, number][] = [];
  matchOfB.forEach((i, j) => i >= 0 && pairs.push([i, j]));
  return {
    pairs,
    removed: a.map((_, i) => i).filter((i) => !usedA[i]),
    added: b.map((_, j) => j).filter((j) => matchOfB[j] === -1),
  };
}

function subjectKey(n: RuleNode): string {
  switch (n.kind) {
    case 'group':
      return 'group';
    case 'attribute':
    case 'computed':
      return `${n.kind}:${n.field}`;
    case 'behaviour':
      return `behaviour:${n.source}:${n.eventType ?? ''}`;
    case 'segment':
      return `segment:${n.segmentId}`;
    case 'reachability':
      return `reachability:${n.channel}`;
    default:
      return assertNever(n);
  }
}

/** Index pairs of a longest common subsequence of two string lists. */
function lcs(x: readonly string[], y: readonly string[]): [number, number][] {
  const n = x.length;
  const m = y.length;
  const len = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) len[i]![j] = x[i] === y[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!);
  }
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (x[i] === y[j]) out.push([i++, j++]);
    else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

function summary(node: RuleNode): NodeSummary {
  if (node.kind !== 'group') return node;
  const { children, ...rest } = node;
  const shallow = { ...rest, childCount: children.length } as NodeSummary & { version?: unknown };
  delete shallow.version;
  return shallow;
}

/** Content identity: sorted keys, without builder ids. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'id' && v !== undefined)
      .sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
