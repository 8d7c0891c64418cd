// explain: for one customer, whether each node of a rule held and the customer's actual values. "held"
// comes from the same bitsets as evaluation, so the explanation can never disagree with the result.
import { NULL_INT, type SegmentData } from '../data';
import { dayToIso } from '../dates';
import { assertNever } from '../errors';
import type { FieldStorage } from '../fields';
import { lowerBehaviour } from '../lower';
import { isNumericText } from '../registry';
import type { Channel, NodeKind, NodePath, RuleNode } from '../schema';
import { aggregateFor, behaviourSource } from './behaviourEval';
import type { EvalEngine } from './engine';

export type ExplainValue = string | number | boolean | string[] | null;

export type ExplainDetail =
  | { kind: 'group'; combinator: 'and' | 'or'; negate: boolean }
  | { kind: 'field'; field: string; value: ExplainValue }
  | { kind: 'behaviour'; value: number | null; rows: number }
  | { kind: 'segment'; segmentId: string; member: boolean }
  | { kind: 'reachability'; channel: Channel; optedIn: boolean; hasAddress: boolean };

export interface ExplainNode {
  path: NodePath;
  id?: string;
  kind: NodeKind;
  held: boolean;
  detail: ExplainDetail;
  /** A group's children; for a segment reference, the referenced rule (paths under [..., 'segment']). */
  children?: ExplainNode[];
}

export function explainRule(engine: EvalEngine, rule: RuleNode, index: number): ExplainNode {
  const keys = new Map<RuleNode, string>();
  const walk = (node: RuleNode, path: NodePath): ExplainNode => {
    const held = engine.bitsOf(node, keys).has(index);
    const out: ExplainNode = { path, kind: node.kind, held, detail: detailOf(engine, node, index) };
    if (node.id !== undefined) out.id = node.id;
    if (node.kind === 'group') out.children = node.children.map((c, i) => walk(c, [...path, 'children', i]));
    if (node.kind === 'segment') out.children = [walk(engine.resolved(node.segmentId), [...path, 'segment'])];
    return out;
  };
  return walk(rule, []);
}

function detailOf(engine: EvalEngine, node: RuleNode, i: number): ExplainDetail {
  const data = engine.data;
  switch (node.kind) {
    case 'group':
      return { kind: 'group', combinator: node.combinator, negate: node.negate ?? false };
    case 'attribute':
    case 'computed': {
      const field = engine.registry.get(node.field);
      return { kind: 'field', field: node.field, value: field ? fieldValue(data, field.storage, i) : null };
    }
    case 'behaviour': {
      const lowered = lowerBehaviour(node, data.asOfDay);
      if (!lowered.ok) return { kind: 'behaviour', value: null, rows: 0 };
      const src = behaviourSource(data, lowered.test);
      if (!src) return { kind: 'behaviour', value: node.aggregate === 'avg' || node.aggregate === 'max' ? null : 0, rows: 0 };
      const agg = aggregateFor(src, engine.mask(lowered.test), lowered.test, i);
      return { kind: 'behaviour', value: Number.isNaN(agg.value) ? null : agg.value, rows: agg.rows };
    }
    case 'segment':
      return { kind: 'segment', segmentId: node.segmentId, member: engine.bitsOf(engine.resolved(node.segmentId), new Map()).has(i) };
    case 'reachability': {
      const flag = (c: string): boolean => {
        const col = data.columns.get(c);
        return col?.kind === 'flag' && col.values[i] === 1;
      };
      const optedIn = flag(`${node.channel}_opt_in`);
      return { kind: 'reachability', channel: node.channel, optedIn, hasAddress: node.channel === 'email' ? flag('has_email') : true };
    }
    default:
      return assertNever(node);
  }
}

/** The customer's value of a field, decoded for display (dates as ISO strings). */
export function fieldValue(data: SegmentData, storage: FieldStorage, i: number): ExplainValue {
  if (storage.kind === 'custom') {
    const col = data.customAttributes.get(storage.key);
    const text = col ? (col.dict[col.codes[i]!] ?? null) : null;
    if (text === null || !storage.numeric) return text;
    return isNumericText(text) ? Number(text) : null;
  }
  const col = data.columns.get(storage.column);
  if (!col) return null;
  switch (col.kind) {
    case 'number': {
      const v = col.values[i]!;
      if (Number.isNaN(v) || (col.values instanceof Int32Array && v === NULL_INT)) return null;
      return storage.kind === 'day' || storage.kind === 'isoDate' ? dayToIso(v) : v;
    }
    case 'flag':
      return col.values[i] === 1;
    case 'string':
      return col.dict[col.codes[i]!] ?? null;
    case 'tags': {
      const out: string[] = [];
      for (let k = col.offsets[i]!; k < col.offsets[i + 1]!; k++) out.push(col.dict[col.ids[k]!]!);
      return out;
    }
    default:
      return assertNever(col);
  }
}
