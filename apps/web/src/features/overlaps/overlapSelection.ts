// What is being compared, as the URL holds it (?segments=a,b&rule=…&label=…), and the rules that open an
// intersection in the builder: "in A and in B" for a heatmap cell, the server's exact rule for a region.
import type { GroupNode, RuleNode, SegmentRule } from '@kizuna/segments';
import { MAX_OVERLAP_SETS, MIN_OVERLAP_SETS } from '@kizuna/segments';
import { parseRuleParam, ruleParamValue } from '../segments/ruleParam';
import { stripIds } from '../segments/ruleTree';
import type { CsvCell } from '../../ui/csv';

export interface UnsavedSet {
  label: string;
  rule: SegmentRule;
}

export interface Selection {
  segmentIds: string[];
  rules: UnsavedSet[];
}

export function readSelection(params: URLSearchParams): Selection {
  const segmentIds = [...new Set((params.get('segments') ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
  const labels = params.getAll('label');
  const rules: UnsavedSet[] = [];
  params.getAll('rule').forEach((text, i) => {
    const parsed = parseRuleParam(text);
    if (parsed.ok) rules.push({ label: labels[i] || `#${i + 1}`, rule: stripIds(parsed.rule) });
  });
  return { segmentIds: segmentIds.slice(0, MAX_OVERLAP_SETS), rules: rules.slice(0, Math.max(0, MAX_OVERLAP_SETS - segmentIds.length)) };
}

export function writeSelection(selection: Selection): URLSearchParams {
  const params = new URLSearchParams();
  if (selection.segmentIds.length > 0) params.set('segments', selection.segmentIds.join(','));
  for (const r of selection.rules) {
    params.append('rule', ruleParamValue(r.rule));
    params.append('label', r.label);
  }
  return params;
}

export function setCount(selection: Selection): number {
  return selection.segmentIds.length + selection.rules.length;
}

export function canCompare(selection: Selection): boolean {
  const n = setCount(selection);
  return n >= MIN_OVERLAP_SETS && n <= MAX_OVERLAP_SETS;
}

/** "In set i": a reference to a saved segment, or an unsaved rule's root group. Sets are ordered as the API orders them: saved ones first. */
export function memberNode(selection: Selection, index: number): RuleNode {
  const id = selection.segmentIds[index];
  if (id !== undefined) return { kind: 'segment', op: 'in', segmentId: id };
  const unsaved = selection.rules[index - selection.segmentIds.length];
  if (!unsaved) throw new RangeError(`No set ${index}`);
  const { version: _version, ...group } = unsaved.rule;
  const root: GroupNode = group;
  return root;
}

/** Customers in both set a and set b (whatever else they are in): a heatmap cell as a rule. */
export function pairRule(selection: Selection, a: number, b: number): SegmentRule {
  const children = a === b ? [memberNode(selection, a)] : [memberNode(selection, a), memberNode(selection, b)];
  return { version: 1, kind: 'group', combinator: 'and', children };
}

/** A table as CSV rows: a header, then one row per item. */
export function heatmapCsv(labels: readonly string[], values: readonly { row: number; col: number; value: number }[], corner: string): CsvCell[][] {
  const k = labels.length;
  const grid: CsvCell[][] = [[corner, ...labels]];
  for (let r = 0; r < k; r++) {
    const row: CsvCell[] = [labels[r]];
    for (let c = 0; c < k; c++) {
      const v = values.find((x) => x.row === r && x.col === c)?.value ?? 0;
      row.push(Number.isInteger(v) ? v : Number(v.toFixed(4)));
    }
    grid.push(row);
  }
  return grid;
}
