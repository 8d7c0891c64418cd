// Segment references between saved rules: which segments a rule uses, and which saved segments depend on
// a given one (directly or through others), for "where used", delete protection and re-materialization.
import type { RuleNode, SegmentRule } from '@kizuna/segments';

/** Ids of the segments a rule references directly, in first-use order. */
export function referencedSegmentIds(rule: RuleNode): string[] {
  const out = new Set<string>();
  const walk = (node: RuleNode): void => {
    if (node.kind === 'segment') out.add(node.segmentId);
    else if (node.kind === 'group') node.children.forEach(walk);
  };
  walk(rule);
  return [...out];
}

/** Saved segments whose rule references `segmentId` directly. */
export function directReferrers(rules: ReadonlyMap<string, SegmentRule>, segmentId: string): string[] {
  return [...rules].filter(([id, rule]) => id !== segmentId && referencedSegmentIds(rule).includes(segmentId)).map(([id]) => id);
}

/**
 * Saved segments whose members depend on `segmentId` through any chain of references, nearest first.
 * (Materialization inlines referenced rules, so the order does not affect correctness.)
 */
export function dependentSegmentIds(rules: ReadonlyMap<string, SegmentRule>, segmentId: string): string[] {
  const referrers = new Map<string, string[]>();
  for (const [id, rule] of rules) {
    for (const ref of referencedSegmentIds(rule)) {
      let list = referrers.get(ref);
      if (!list) referrers.set(ref, (list = []));
      list.push(id);
    }
  }
  const seen = new Set<string>([segmentId]);
  const order: string[] = [];
  let frontier = [segmentId];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const r of referrers.get(id) ?? []) {
        if (seen.has(r)) continue;
        seen.add(r);
        order.push(r);
        next.push(r);
      }
    }
    frontier = next;
  }
  return order;
}
