// An explanation tree (did each node hold for this customer, with their values) flattened into indented
// rows, each paired with the rule node it explains so it can be read as a sentence.
import type { ExplainDetail, ExplainNode, RuleNode, SegmentRule } from '@kizuna/segments';
import { getNode } from './ruleTree';

export interface ExplainRow {
  key: string;
  depth: number;
  held: boolean;
  /** The node of the explained rule; null inside a referenced segment, whose rule the browser lacks. */
  node: RuleNode | null;
  detail: ExplainDetail;
}

export function explainRows(tree: ExplainNode, rule: SegmentRule): ExplainRow[] {
  const rows: ExplainRow[] = [];
  const walk = (n: ExplainNode, depth: number, inside: boolean) => {
    const node = inside ? null : (getNode(rule, n.path) ?? null);
    rows.push({ key: n.path.join('.') || 'root', depth, held: n.held, node, detail: n.detail });
    for (const child of n.children ?? []) walk(child, depth + 1, inside || n.kind === 'segment');
  };
  walk(tree, 0, false);
  return rows;
}

/** A customer's value as text: lists joined, nothing as null (the caller words it). */
export function explainValueText(value: string | number | boolean | string[] | null, format: (n: number) => string): string | null {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  if (typeof value === 'number') return format(value);
  return String(value);
}
