// The built-in fields of customer_features that rules may filter on: the only identifiers the SQL compiler
// ever writes. Each says how the column is stored, which the compiler and the evaluator both follow.
import type { FieldOperator } from './schema';

export const fieldCategories = [
  'demographic',
  'geographic',
  'psychographic',
  'behavioural',
  'value',
  'technographic',
  'consent',
  'custom',
] as const;
export type FieldCategory = (typeof fieldCategories)[number];

export const fieldTypes = ['string', 'tags', 'number', 'money', 'date', 'boolean', 'enum'] as const;
export type FieldType = (typeof fieldTypes)[number];

/**
 * How a field is stored. text: TEXT, '' counts as NULL · number: INTEGER/BIGINT/DOUBLE · day: INTEGER day
 * number · isoDate: TEXT `YYYY-MM-DD…` (in memory: a day-number column) · flag: INTEGER 0/1, never NULL ·
 * tags: `;`-separated TEXT · custom: a key of the custom_attributes JSON text (numeric when every value is).
 */
export type FieldStorage =
  | { kind: 'text'; column: string }
  | { kind: 'number'; column: string; table?: JoinedTable }
  | { kind: 'day'; column: string }
  | { kind: 'isoDate'; column: string }
  | { kind: 'flag'; column: string }
  | { kind: 'tags'; column: string }
  | { kind: 'custom'; key: string; numeric: boolean };

/**
 * A table other than customer_features holding a column, one row per customer, joined on customer_id (a
 * missing row reads as NULL): the predictions, which the KPI feature rewrites apart from the features.
 */
export type JoinedTable = 'customer_predictions';

export type FieldUnit = 'years' | 'days' | 'minor_units' | 'score' | 'probability' | 'count';

export const operatorsByType: Readonly<Record<FieldType, readonly FieldOperator[]>> = {
  string: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  enum: ['eq', 'neq', 'in', 'not_in', 'is_set', 'is_not_set'],
  tags: ['contains', 'not_contains', 'contains_any', 'contains_all', 'is_set', 'is_not_set'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'not_in', 'is_set', 'is_not_set'],
  money: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'is_set', 'is_not_set'],
  date: ['before', 'after', 'on', 'between', 'within_last_days', 'more_than_days_ago', 'is_set', 'is_not_set'],
  boolean: ['is_true', 'is_false'],
};

export interface CoreFieldSpec {
  id: string;
  /** attribute: stored as imported · computed: derived as of the as-of day. */
  kind: 'attribute' | 'computed';
  category: FieldCategory;
  type: FieldType;
  storage: FieldStorage;
  unit?: FieldUnit;
  /** Registered only when the column exists (added by later migrations). */
  optional?: boolean;
}

const text = (column: string): FieldStorage => ({ kind: 'text', column });
const num = (column: string): FieldStorage => ({ kind: 'number', column });
const day = (column: string): FieldStorage => ({ kind: 'day', column });
const flag = (column: string): FieldStorage => ({ kind: 'flag', column });
const tags = (column: string): FieldStorage => ({ kind: 'tags', column });
const prediction = (column: string): FieldStorage => ({ kind: 'number', column, table: 'customer_predictions' });

export const coreFields: readonly CoreFieldSpec[] = [
  { id: 'gender', kind: 'attribute', category: 'demographic', type: 'enum', storage: text('gender') },
  { id: 'birth_date', kind: 'attribute', category: 'demographic', type: 'date', storage: { kind: 'isoDate', column: 'birth_date' } },
  { id: 'age', kind: 'computed', category: 'demographic', type: 'number', storage: num('age'), unit: 'years' },
  { id: 'annual_income', kind: 'attribute', category: 'demographic', type: 'money', storage: num('annual_income'), unit: 'minor_units' },
  { id: 'occupation', kind: 'attribute', category: 'demographic', type: 'enum', storage: text('occupation') },
  { id: 'locale', kind: 'attribute', category: 'demographic', type: 'enum', storage: text('locale') },
  { id: 'country', kind: 'attribute', category: 'geographic', type: 'enum', storage: text('country') },
  { id: 'region', kind: 'attribute', category: 'geographic', type: 'enum', storage: text('region') },
  { id: 'city', kind: 'attribute', category: 'geographic', type: 'enum', storage: text('city') },
  { id: 'postal_code', kind: 'attribute', category: 'geographic', type: 'string', storage: text('postal_code') },
  { id: 'interests', kind: 'attribute', category: 'psychographic', type: 'tags', storage: tags('interests') },
  { id: 'lifestyle', kind: 'attribute', category: 'psychographic', type: 'tags', storage: tags('lifestyle') },
  { id: 'signup_date', kind: 'attribute', category: 'behavioural', type: 'date', storage: day('signup_day') },
  { id: 'membership_plan', kind: 'attribute', category: 'behavioural', type: 'enum', storage: text('membership_plan') },
  { id: 'membership_status', kind: 'attribute', category: 'behavioural', type: 'enum', storage: text('membership_status') },
  { id: 'canceled_date', kind: 'attribute', category: 'behavioural', type: 'date', storage: day('canceled_day') },
  { id: 'acquisition_channel', kind: 'attribute', category: 'behavioural', type: 'enum', storage: text('acquisition_channel') },
  { id: 'first_order_date', kind: 'computed', category: 'behavioural', type: 'date', storage: day('first_order_day') },
  { id: 'last_order_date', kind: 'computed', category: 'behavioural', type: 'date', storage: day('last_order_day') },
  { id: 'tenure_days', kind: 'computed', category: 'behavioural', type: 'number', storage: num('tenure_days'), unit: 'days' },
  { id: 'recency_days', kind: 'computed', category: 'behavioural', type: 'number', storage: num('recency_days'), unit: 'days' },
  { id: 'frequency', kind: 'computed', category: 'behavioural', type: 'number', storage: num('frequency'), unit: 'count' },
  { id: 'purchase_days', kind: 'computed', category: 'behavioural', type: 'number', storage: num('purchase_days'), unit: 'count' },
  { id: 'monetary', kind: 'computed', category: 'value', type: 'money', storage: num('monetary'), unit: 'minor_units' },
  { id: 'aov', kind: 'computed', category: 'value', type: 'money', storage: num('aov'), unit: 'minor_units' },
  { id: 'r_score', kind: 'computed', category: 'value', type: 'number', storage: num('r_score'), unit: 'score' },
  { id: 'f_score', kind: 'computed', category: 'value', type: 'number', storage: num('f_score'), unit: 'score' },
  { id: 'm_score', kind: 'computed', category: 'value', type: 'number', storage: num('m_score'), unit: 'score' },
  { id: 'predicted_clv', kind: 'computed', category: 'value', type: 'money', storage: prediction('predicted_clv'), unit: 'minor_units', optional: true },
  { id: 'p_alive', kind: 'computed', category: 'value', type: 'number', storage: prediction('p_alive'), unit: 'probability', optional: true },
  { id: 'preferred_channel', kind: 'attribute', category: 'technographic', type: 'enum', storage: text('preferred_channel') },
  { id: 'primary_device', kind: 'attribute', category: 'technographic', type: 'enum', storage: text('primary_device') },
  { id: 'email_opt_in', kind: 'attribute', category: 'consent', type: 'boolean', storage: flag('email_opt_in') },
  { id: 'sms_opt_in', kind: 'attribute', category: 'consent', type: 'boolean', storage: flag('sms_opt_in') },
  { id: 'push_opt_in', kind: 'attribute', category: 'consent', type: 'boolean', storage: flag('push_opt_in') },
  { id: 'line_opt_in', kind: 'attribute', category: 'consent', type: 'boolean', storage: flag('line_opt_in') },
  { id: 'has_email', kind: 'attribute', category: 'consent', type: 'boolean', storage: flag('has_email') },
];

/** A customer_features column the in-memory loader must read, and how to encode it. */
export interface SegmentColumnSpec {
  column: string;
  storage: Exclude<FieldStorage['kind'], 'custom'>;
  /** Skipped when the table has no such column (added by a later migration). */
  optional: boolean;
  /** Read from this table joined on customer_id instead of customer_features. */
  table?: JoinedTable;
}

/** The columns loadSegmentData reads (custom_attributes is always read as well). */
export function segmentColumns(): SegmentColumnSpec[] {
  const out: SegmentColumnSpec[] = [];
  for (const f of coreFields) {
    if (f.storage.kind === 'custom') continue;
    const spec: SegmentColumnSpec = { column: f.storage.column, storage: f.storage.kind, optional: f.optional ?? false };
    if (f.storage.kind === 'number' && f.storage.table) spec.table = f.storage.table;
    out.push(spec);
  }
  return out;
}

/** Event types the builder always offers, whether or not the data has any yet. */
export const standardEventTypes = [
  'page_view',
  'app_open',
  'cart_add',
  'favorite',
  'email_open',
  'email_click',
  'push_open',
  'survey',
] as const;
