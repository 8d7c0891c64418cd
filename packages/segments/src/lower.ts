// Lowers a condition to a small test both back ends implement (SQL and in-memory), so the meaning of
// every operator, window and boundary is decided once. Also where bad values are detected.
import { isoToDay } from './dates';
import { assertNever } from './errors';
import type { FieldDef } from './registry';
import type {
  BehaviourCondition,
  BehaviourFilters,
  ComparisonOperator,
  ConditionValue,
  FieldOperator,
  Window,
} from './schema';

/**
 * A test on one value. Numbers and dates (as day numbers) use range/neq/num_in; text uses text_in; tag
 * lists use tags. Every test is false on NULL except `set` with negate (is not set).
 */
export type ScalarTest =
  | { t: 'range'; lo: number; loOpen: boolean; hi: number; hiOpen: boolean }
  | { t: 'neq'; value: number }
  | { t: 'num_in'; values: number[]; negate: boolean }
  | { t: 'text_in'; values: string[]; negate: boolean }
  | { t: 'tags'; mode: 'any' | 'all' | 'none'; values: string[] }
  | { t: 'set'; negate: boolean };

export type Lowered<T> = { ok: true; test: T } | { ok: false; message: string };

const MAX_DAYS = 36_500;

const range = (lo: number, loOpen: boolean, hi: number, hiOpen: boolean): ScalarTest => ({ t: 'range', lo, loOpen, hi, hiOpen });
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });
const ok = <T>(test: T): Lowered<T> => ({ ok: true, test });

/** Lowers an attribute or computed condition on `field`; the operator is already known to be allowed. */
export function lowerFieldCondition(field: FieldDef, op: FieldOperator, value: ConditionValue | undefined, asOfDay: number): Lowered<ScalarTest> {
  if (op === 'is_set' || op === 'is_not_set') {
    return value === undefined ? ok({ t: 'set', negate: op === 'is_not_set' }) : fail(`${op} takes no value`);
  }
  switch (field.type) {
    case 'number':
    case 'money':
      return lowerNumber(op, value);
    case 'date':
      return lowerDate(op, value, asOfDay);
    case 'string':
    case 'enum':
      return lowerText(op, value);
    case 'tags':
      return lowerTags(op, value);
    case 'boolean':
      if (value !== undefined) return fail(`${op} takes no value`);
      if (op === 'is_true') return ok(range(1, false, 1, false));
      if (op === 'is_false') return ok(range(0, false, 0, false));
      return fail(`${op} does not apply to a yes/no field`);
    default:
      return assertNever(field.type);
  }
}

function lowerNumber(op: FieldOperator, value: ConditionValue | undefined): Lowered<ScalarTest> {
  if (op === 'in' || op === 'not_in') {
    if (!Array.isArray(value) || value.length === 0) return fail(`${op} needs a non-empty list of numbers`);
    const nums: number[] = [];
    for (const v of value) {
      if (!isFiniteNumber(v)) return fail(`${op} needs numbers, got ${JSON.stringify(v)}`);
      nums.push(v);
    }
    return ok({ t: 'num_in', values: [...new Set(nums)], negate: op === 'not_in' });
  }
  if (op === 'between') {
    const pair = numberPair(value);
    return typeof pair === 'string' ? fail(pair) : ok(range(pair[0], false, pair[1], false));
  }
  if (!isFiniteNumber(value)) return fail(`${op} needs a number`);
  const cmp = comparisonTest(op, value);
  return cmp ? ok(cmp) : fail(`${op} does not apply to a number`);
}

/** eq/neq/gt/gte/lt/lte on a number, shared with behaviour comparisons. */
function comparisonTest(op: string, v: number): ScalarTest | null {
  switch (op) {
    case 'eq':
      return range(v, false, v, false);
    case 'neq':
      return { t: 'neq', value: v };
    case 'gt':
      return range(v, true, Infinity, false);
    case 'gte':
      return range(v, false, Infinity, false);
    case 'lt':
      return range(-Infinity, false, v, true);
    case 'lte':
      return range(-Infinity, false, v, false);
    default:
      return null;
  }
}

function lowerDate(op: FieldOperator, value: ConditionValue | undefined, asOfDay: number): Lowered<ScalarTest> {
  if (op === 'within_last_days' || op === 'more_than_days_ago') {
    const min = op === 'within_last_days' ? 1 : 0;
    if (!isWholeNumber(value, min, MAX_DAYS)) return fail(`${op} needs a whole number of days from ${min} to ${MAX_DAYS}`);
    // "last N days" = [asOf − N, asOf − 1]; "more than N days ago" = before asOf − N.
    return op === 'within_last_days'
      ? ok(range(asOfDay - value, false, asOfDay - 1, false))
      : ok(range(-Infinity, false, asOfDay - value, true));
  }
  if (op === 'between') {
    if (!Array.isArray(value) || value.length !== 2) return fail('between needs two dates [from, to]');
    const from = dateValue(value[0]);
    const to = dateValue(value[1]);
    if (from === null || to === null) return fail('between needs two dates YYYY-MM-DD');
    if (from > to) return fail('between: the first date is after the second');
    return ok(range(from, false, to, false));
  }
  const d = dateValue(value);
  if (d === null) return fail(`${op} needs a date YYYY-MM-DD`);
  switch (op) {
    case 'before':
      return ok(range(-Infinity, false, d, true));
    case 'after':
      return ok(range(d, true, Infinity, false));
    case 'on':
      return ok(range(d, false, d, false));
    default:
      return fail(`${op} does not apply to a date`);
  }
}

function lowerText(op: FieldOperator, value: ConditionValue | undefined): Lowered<ScalarTest> {
  if (op === 'eq' || op === 'neq') {
    if (typeof value !== 'string' || value === '') return fail(`${op} needs a non-empty text value`);
    return ok({ t: 'text_in', values: [value], negate: op === 'neq' });
  }
  if (op === 'in' || op === 'not_in') {
    const list = textList(value);
    return typeof list === 'string' ? fail(`${op} ${list}`) : ok({ t: 'text_in', values: list, negate: op === 'not_in' });
  }
  return fail(`${op} does not apply to text`);
}

function lowerTags(op: FieldOperator, value: ConditionValue | undefined): Lowered<ScalarTest> {
  if (op === 'contains' || op === 'not_contains') {
    if (typeof value !== 'string' || !isTag(value)) return fail(`${op} needs one tag (non-empty, without ';')`);
    return ok({ t: 'tags', mode: op === 'contains' ? 'any' : 'none', values: [value] });
  }
  if (op === 'contains_any' || op === 'contains_all') {
    const list = textList(value);
    if (typeof list === 'string') return fail(`${op} ${list}`);
    if (!list.every(isTag)) return fail(`${op}: a tag cannot contain ';'`);
    return ok({ t: 'tags', mode: op === 'contains_any' ? 'any' : 'all', values: list });
  }
  return fail(`${op} does not apply to tags`);
}

export interface LoweredWindow {
  /** Inclusive day bounds; from null = no lower bound. to is at most asOfDay − 1. */
  from: number | null;
  to: number;
}

export function lowerWindow(window: Window, asOfDay: number): Lowered<LoweredWindow> {
  const last = asOfDay - 1;
  switch (window.type) {
    case 'ever':
      return ok({ from: null, to: last });
    case 'last_days':
      if (!isWholeNumber(window.days, 1, MAX_DAYS)) return fail(`last_days needs a whole number of days from 1 to ${MAX_DAYS}`);
      return ok({ from: asOfDay - window.days, to: last });
    case 'more_than_days_ago':
      if (!isWholeNumber(window.days, 0, MAX_DAYS)) return fail(`more_than_days_ago needs a whole number of days from 0 to ${MAX_DAYS}`);
      return ok({ from: null, to: asOfDay - window.days - 1 });
    case 'between': {
      const from = isoToDay(window.from);
      const to = isoToDay(window.to);
      if (from === null || to === null) return fail('between needs two real dates YYYY-MM-DD');
      if (from > to) return fail(`the window starts (${window.from}) after it ends (${window.to})`);
      // Data on or after the as-of day is never counted: the window is clipped there.
      return ok({ from, to: Math.min(to, last) });
    }
    default:
      return assertNever(window);
  }
}

export interface LoweredBehaviour {
  source: 'orders' | 'events';
  eventType: string | null;
  aggregate: BehaviourCondition['aggregate'];
  measure: 'amount' | 'quantity' | 'value' | null;
  /** The test on the aggregate (for avg: on SUM compared with bound × COUNT, to stay exact). */
  test: Extract<ScalarTest, { t: 'range' } | { t: 'neq' }>;
  window: LoweredWindow;
  filters: BehaviourFilters;
}

/** Lowers a behaviour condition whose source/measure/filter combination is already validated. */
export function lowerBehaviour(node: BehaviourCondition, asOfDay: number): Lowered<LoweredBehaviour> {
  const w = lowerWindow(node.window, asOfDay);
  if (!w.ok) return w;
  const test = behaviourTest(node.op, node.value);
  if (typeof test === 'string') return fail(test);
  return ok({
    source: node.source,
    eventType: node.source === 'events' ? (node.eventType ?? null) : null,
    aggregate: node.aggregate,
    measure: node.measure ?? null,
    test,
    window: w.test,
    filters: node.filters ?? {},
  });
}

function behaviourTest(op: ComparisonOperator, value: BehaviourCondition['value']): LoweredBehaviour['test'] | string {
  if (op === 'between') {
    const pair = numberPair(value);
    return typeof pair === 'string' ? pair : { t: 'range', lo: pair[0], loOpen: false, hi: pair[1], hiOpen: false };
  }
  if (!isFiniteNumber(value)) return `${op} needs a number`;
  const t = comparisonTest(op, value);
  if (!t || (t.t !== 'range' && t.t !== 'neq')) return `${op} does not apply here`;
  return t;
}

/** Whether a number passes a range/neq test; NaN (NULL) never does. Shared by evaluator and explain. */
export function numberPasses(test: ScalarTest, v: number): boolean {
  if (Number.isNaN(v)) return false;
  switch (test.t) {
    case 'range':
      return (test.loOpen ? v > test.lo : v >= test.lo) && (test.hiOpen ? v < test.hi : v <= test.hi);
    case 'neq':
      return v !== test.value;
    case 'num_in':
      return test.values.includes(v) !== test.negate;
    case 'set':
      return !test.negate;
    case 'text_in':
    case 'tags':
      return false;
    default:
      return assertNever(test);
  }
}

function numberPair(value: unknown): [number, number] | string {
  if (!Array.isArray(value) || value.length !== 2) return 'between needs two numbers [low, high]';
  const [lo, hi] = value as unknown[];
  if (!isFiniteNumber(lo) || !isFiniteNumber(hi)) return 'between needs two numbers [low, high]';
  if (lo > hi) return 'between: the low end is above the high end';
  return [lo, hi];
}

function textList(value: unknown): string[] | string {
  if (!Array.isArray(value) || value.length === 0) return 'needs a non-empty list of values';
  const out: string[] = [];
  for (const v of value as unknown[]) {
    if (typeof v !== 'string' || v === '') return 'needs non-empty text values';
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

function dateValue(value: unknown): number | null {
  return typeof value === 'string' ? isoToDay(value) : null;
}

function isTag(v: string): boolean {
  return v !== '' && !v.includes(';');
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isWholeNumber(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
