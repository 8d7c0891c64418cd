// createEvaluator: the in-memory engine behind live previews. Rules are validated first (invalid ones
// throw a RuleError); results are bitsets over customer indexes of the SegmentData.
import type { SegmentData } from '../data';
import { createRegistry, type FieldRegistry } from '../registry';
import { channels, type Channel, type NodeKind, type NodePath, type RuleNode, type SegmentRule } from '../schema';
import { assertValidRule, type SegmentResolver } from '../validate';
import { runningCounts, type Bitset } from './bitset';
import { EvalEngine, type CacheStats } from './engine';
import { explainRule, type ExplainNode } from './explain';

export interface EvaluatorOptions {
  /** Defaults to createRegistry({ data }). */
  registry?: FieldRegistry;
  /** Saved segments for `segment` conditions; read on every evaluation, so it may return current rules. */
  resolveSegment?: SegmentResolver;
  /** Node results kept (each is size/8 bytes: 125 kB at 1M customers). Default 256. */
  cacheEntries?: number;
}

export interface EvalOptions {
  /** The id of the segment being edited: a reference back to it is a cycle. */
  segmentId?: string;
}

export interface NodeCount {
  path: NodePath;
  id?: string;
  kind: NodeKind;
  /** Customers this node alone matches (a group: after its combinator and negation). */
  count: number;
  /**
   * For a child of a group: customers matching this child combined with all earlier siblings by the group's
   * combinator (before the group's own negation): the waterfall of what each condition keeps. Null for the root.
   */
  cumulative: number | null;
}

export interface PreviewOptions extends EvalOptions {
  /** How many member indexes to return as a sample (default 20). */
  sampleSize?: number;
  /** Segments smaller than this are flagged (the workspace's small-segment threshold; default 100). */
  smallThreshold?: number;
}

export interface Preview {
  total: number;
  count: number;
  /** count / total (0 when there are no customers). */
  share: number;
  /** count is below smallThreshold: too small to be worth a campaign. */
  small: boolean;
  smallThreshold: number;
  /** Members reachable on each channel (consent; email also needs an address). */
  reachable: Record<Channel, number>;
  /** Members reachable on at least one channel. */
  reachableAny: number;
  /** Evenly spread member indexes (deterministic for a given result) and their customer ids. */
  sample: { index: number; customerId: string }[];
  nodes: NodeCount[];
}

export interface Evaluator {
  readonly data: SegmentData;
  readonly registry: FieldRegistry;
  /** The members of a rule. The set may be shared with the cache: clone it before changing it. */
  evaluate(rule: unknown, options?: EvalOptions): Bitset;
  count(rule: unknown, options?: EvalOptions): number;
  /** Per-node counts in depth-first order (the root first). */
  nodeCounts(rule: unknown, options?: EvalOptions): NodeCount[];
  preview(rule: unknown, options?: PreviewOptions): Preview;
  /** Why customer `index` is or is not in the segment, node by node, with its actual values. */
  explain(rule: unknown, index: number, options?: EvalOptions): ExplainNode;
  /** Customers reachable on a channel. */
  reachable(channel: Channel): Bitset;
  /** Builds every column's bitmap index now (after loading data) instead of on the first rule using it. */
  warmIndexes(): void;
  cacheStats(): CacheStats;
  clearCache(): void;
}

export function createEvaluator(data: SegmentData, options: EvaluatorOptions = {}): Evaluator {
  const registry = options.registry ?? createRegistry({ data });
  const engine = new EvalEngine(data, registry, options.resolveSegment, options.cacheEntries ?? 256);
  const ctx = (o?: EvalOptions) => ({ asOfDay: data.asOfDay, resolveSegment: options.resolveSegment, segmentId: o?.segmentId });
  const valid = (rule: unknown, o?: EvalOptions): SegmentRule => assertValidRule(rule, registry, ctx(o));

  const nodeCounts = (rule: SegmentRule): NodeCount[] => {
    const keys = new Map<RuleNode, string>();
    const out: NodeCount[] = [];
    const walk = (node: RuleNode, path: NodePath, cumulative: number | null): void => {
      const entry: NodeCount = { path, kind: node.kind, count: engine.bitsOf(node, keys).count(), cumulative };
      if (node.id !== undefined) entry.id = node.id;
      out.push(entry);
      if (node.kind !== 'group') return;
      const running = runningCounts(node.children.map((c) => engine.bitsOf(c, keys)), node.combinator);
      node.children.forEach((child, i) => walk(child, [...path, 'children', i], running[i]!));
    };
    walk(rule, [], null);
    return out;
  };

  return {
    data,
    registry,
    evaluate: (rule, o) => engine.bitsOf(valid(rule, o), new Map()),
    count: (rule, o) => engine.bitsOf(valid(rule, o), new Map()).count(),
    nodeCounts: (rule, o) => nodeCounts(valid(rule, o)),
    preview: (rule, o = {}) => {
      const parsed = valid(rule, o);
      const members = engine.bitsOf(parsed, new Map());
      const count = members.count();
      const reachable = {} as Record<Channel, number>;
      for (const c of channels) reachable[c] = members.andCount(engine.channel(c));
      const threshold = o.smallThreshold ?? 100;
      return {
        total: data.size,
        count,
        share: data.size === 0 ? 0 : count / data.size,
        small: count < threshold,
        smallThreshold: threshold,
        reachable,
        reachableAny: members.andCount(engine.anyChannel()),
        sample: members.sampleEvenly(o.sampleSize ?? 20).map((index) => ({ index, customerId: data.customerIds[index] ?? '' })),
        nodes: nodeCounts(parsed),
      };
    },
    explain: (rule, index, o) => {
      if (!Number.isInteger(index) || index < 0 || index >= data.size) {
        throw new RangeError(`Customer index ${index} is outside 0..${data.size - 1}`);
      }
      return explainRule(engine, valid(rule, o), index);
    },
    reachable: (c) => engine.channel(c),
    warmIndexes: () => engine.warmIndexes(),
    cacheStats: () => engine.stats(),
    clearCache: () => engine.clear(),
  };
}
