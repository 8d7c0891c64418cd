// validateRule: every reason a rule cannot be evaluated, each with the path of the bad node. The compiler
// and the evaluator call it first and refuse anything it reports: nothing falls back to "everyone".
import { isoToDay } from './dates';
import { assertNever, RuleError, type RuleErrorCode } from './errors';
import { lowerBehaviour, lowerFieldCondition, lowerWindow } from './lower';
import type { FieldRegistry } from './registry';
import {
  segmentRule,
  type AttributeCondition,
  type BehaviourCondition,
  type ComputedCondition,
  type NodePath,
  type RuleNode,
  type SegmentReference,
  type SegmentRule,
  type Window,
} from './schema';

/** Returns the saved rule of a segment id, or undefined/null when there is no such segment. */
export type SegmentResolver = (segmentId: string) => SegmentRule | null | undefined;

export interface ValidationContext {
  /** Day number of the workspace's effective as-of day. */
  asOfDay: number;
  resolveSegment?: SegmentResolver;
  /** The id of the segment being edited, so a reference back to it is reported as a cycle. */
  segmentId?: string;
}

export const MAX_DEPTH = 16;
export const MAX_NODES = 500;

interface Walk {
  registry: FieldRegistry;
  ctx: ValidationContext;
  errors: RuleError[];
  nodes: number;
  /** Segment ids being expanded, outermost first. */
  stack: string[];
}

/** Parses and checks a rule; returns every problem found (an empty list means the rule is valid). */
export function validateRule(rule: unknown, registry: FieldRegistry, ctx: ValidationContext): RuleError[] {
  const version = typeof rule === 'object' && rule !== null ? (rule as { version?: unknown }).version : undefined;
  if (version !== 1) {
    return [new RuleError('unsupported_version', `Unsupported rule version ${JSON.stringify(version)}; expected 1`, [])];
  }
  const parsed = segmentRule.safeParse(rule);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const nodePath = toNodePath(path);
      const where = path.slice(nodePath.length).join('.');
      return new RuleError('invalid_shape', where ? `${where}: ${issue.message}` : issue.message, nodePath);
    });
  }
  const walk: Walk = { registry, ctx, errors: [], nodes: 0, stack: ctx.segmentId ? [ctx.segmentId] : [] };
  checkNode(parsed.data, [], 0, walk);
  return walk.errors;
}

/** The longest prefix of a path made of ('children', index) steps: the node an issue belongs to. */
function toNodePath(path: readonly (string | number)[]): NodePath {
  const out: NodePath = [];
  for (let i = 0; i + 1 < path.length; i += 2) {
    const key = path[i];
    const index = path[i + 1];
    if (key !== 'children' || typeof index !== 'number') break;
    out.push(key, index);
  }
  return out;
}

function report(w: Walk, code: RuleErrorCode, message: string, path: NodePath): void {
  w.errors.push(new RuleError(code, message, path));
}

function checkNode(node: RuleNode, path: NodePath, depth: number, w: Walk): void {
  w.nodes++;
  if (w.nodes > MAX_NODES) {
    if (w.nodes === MAX_NODES + 1) report(w, 'too_large', `A rule may have at most ${MAX_NODES} nodes`, path);
    return;
  }
  if (depth > MAX_DEPTH) {
    report(w, 'too_deep', `Groups may nest at most ${MAX_DEPTH} levels deep`, path);
    return;
  }
  switch (node.kind) {
    case 'group':
      if (node.children.length === 0) report(w, 'empty_group', 'A group needs at least one condition', path);
      node.children.forEach((child, i) => checkNode(child, [...path, 'children', i], depth + 1, w));
      return;
    case 'attribute':
    case 'computed':
      checkFieldCondition(node, path, w);
      return;
    case 'behaviour':
      checkBehaviour(node, path, w);
      return;
    case 'segment':
      checkReference(node, path, depth, w);
      return;
    case 'reachability':
      return;
    default:
      assertNever(node);
  }
}

function checkFieldCondition(node: AttributeCondition | ComputedCondition, path: NodePath, w: Walk): void {
  const field = w.registry.get(node.field);
  if (!field) {
    report(w, 'unknown_field', `Unknown field "${node.field}"`, path);
    return;
  }
  if (field.kind !== node.kind) {
    report(w, 'wrong_condition_kind', `"${node.field}" is a ${field.kind} field, not ${node.kind}`, path);
    return;
  }
  if (!field.operators.includes(node.op)) {
    report(w, 'operator_not_allowed', `Operator ${node.op} is not allowed for "${node.field}" (${field.type})`, path);
    return;
  }
  const lowered = lowerFieldCondition(field, node.op, node.value, w.ctx.asOfDay);
  if (!lowered.ok) report(w, 'bad_value', `"${node.field}": ${lowered.message}`, path);
}

function checkBehaviour(node: BehaviourCondition, path: NodePath, w: Walk): void {
  const before = w.errors.length;
  if (node.source === 'events') {
    if (!node.eventType) report(w, 'unknown_event_type', 'An events condition needs an eventType', path);
    else if (!w.registry.eventTypes.includes(node.eventType)) {
      report(w, 'unknown_event_type', `Unknown event type "${node.eventType}"`, path);
    }
  } else if (node.eventType !== undefined) {
    report(w, 'unknown_event_type', 'An orders condition takes no eventType', path);
  }
  checkMeasure(node, path, w);
  checkFilters(node, path, w);
  checkWindow(node.window, path, w);
  if (w.errors.length > before) return;
  const lowered = lowerBehaviour(node, w.ctx.asOfDay);
  if (!lowered.ok) report(w, 'bad_value', lowered.message, path);
}

function checkMeasure(node: BehaviourCondition, path: NodePath, w: Walk): void {
  const counts = node.aggregate === 'count' || node.aggregate === 'distinct_days';
  if (counts) {
    if (node.measure !== undefined) report(w, 'bad_measure', `${node.aggregate} takes no measure`, path);
    return;
  }
  const allowed = node.source === 'orders' ? ['amount', 'quantity'] : ['value'];
  if (node.measure === undefined || !allowed.includes(node.measure)) {
    report(w, 'bad_measure', `${node.aggregate} of ${node.source} needs a measure: ${allowed.join(' or ')}`, path);
  }
}

function checkFilters(node: BehaviourCondition, path: NodePath, w: Walk): void {
  const f = node.filters;
  if (!f) return;
  const notFor = node.source === 'orders' ? (['productIds', 'lowStockBelow'] as const) : (['channels', 'couponUsed'] as const);
  for (const key of notFor) {
    if (f[key] !== undefined) report(w, 'filter_not_allowed', `Filter ${key} does not apply to ${node.source}`, path);
  }
  if (f.lowStockBelow !== undefined && !Number.isFinite(f.lowStockBelow)) {
    report(w, 'bad_value', 'lowStockBelow needs a number', path);
  }
  for (const key of ['categories', 'channels', 'productIds'] as const) {
    if (f[key]?.some((v) => v === '')) report(w, 'bad_value', `Filter ${key} has an empty value`, path);
  }
}

function checkWindow(window: Window, path: NodePath, w: Walk): void {
  if (window.type === 'between') {
    const from = isoToDay(window.from);
    const to = isoToDay(window.to);
    if (from === null || to === null) {
      report(w, 'bad_window', 'The window needs two real dates YYYY-MM-DD', path);
      return;
    }
    if (from > to) {
      report(w, 'bad_window', `The window starts (${window.from}) after it ends (${window.to})`, path);
      return;
    }
    if (from >= w.ctx.asOfDay) {
      report(w, 'window_in_future', `The window starts on or after the as-of date: it has no data`, path);
      return;
    }
  }
  const lowered = lowerWindow(window, w.ctx.asOfDay);
  if (!lowered.ok) report(w, 'bad_window', lowered.message, path);
}

function checkReference(node: SegmentReference, path: NodePath, depth: number, w: Walk): void {
  if (w.stack.includes(node.segmentId)) {
    const cycle = [...w.stack.slice(w.stack.indexOf(node.segmentId)), node.segmentId].join(' → ');
    report(w, 'segment_cycle', `Segment references form a cycle: ${cycle}`, path);
    return;
  }
  const target = w.ctx.resolveSegment?.(node.segmentId);
  if (!target) {
    report(w, 'unknown_segment', `Unknown segment "${node.segmentId}"`, path);
    return;
  }
  // The referenced rule is checked in place; its own problems are reported at this reference.
  const inner: Walk = { ...w, errors: [], stack: [...w.stack, node.segmentId] };
  const parsed = segmentRule.safeParse(target);
  if (!parsed.success) {
    report(w, 'invalid_reference', `Segment "${node.segmentId}" has an invalid rule`, path);
    return;
  }
  checkNode(parsed.data, path, depth + 1, inner);
  w.nodes = inner.nodes;
  for (const e of inner.errors) {
    const code: RuleErrorCode = e.code === 'segment_cycle' || e.code === 'too_deep' || e.code === 'too_large' ? e.code : 'invalid_reference';
    report(w, code, `In segment "${node.segmentId}": ${e.message}`, path);
  }
}

/** Validates and returns the parsed rule, or throws the first RuleError (carrying all of them). */
export function assertValidRule(rule: unknown, registry: FieldRegistry, ctx: ValidationContext): SegmentRule {
  const errors = validateRule(rule, registry, ctx);
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new RuleError(first.code, first.message, first.path, errors);
  }
  return rule as SegmentRule;
}
