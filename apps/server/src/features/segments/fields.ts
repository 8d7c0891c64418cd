// What the segment builder renders itself from: every field of the registry (category, type, operators,
// unit, and for categorical fields the values present in the data with counts), the event types, the
// behaviour filter values and the language's fixed lists; and the ready-made templates with their sizes.
import {
  behaviourAggregates,
  behaviourMeasures,
  channels,
  comparisonOperators,
  describeFields,
  fieldCategories,
  fieldValues,
  groupCombinators,
  MAX_DEPTH,
  MAX_NODES,
  operatorsByType,
  RuleError,
  segmentTemplates,
  type FieldDescription,
  type FieldValueCount,
  type SegmentData,
  type SegmentRule,
  type StringColumn,
} from '@kizuna/segments';
import type { KizunaDb } from '@kizuna/db';
import { getSegmentEngine, type LoadedSegmentEngine } from './engine';
import { ruleErrorsJson, type RuleErrorJson } from './ruleErrors';

/** At most this many values per field; `moreValues` says how many were left out. */
export const MAX_FIELD_VALUES = 200;

export interface BuilderField extends FieldDescription {
  /** Categorical fields: values present in the data, most frequent first; null for other fields. */
  values: FieldValueCount[] | null;
  moreValues: number;
}

export interface BuilderFields {
  asOfDate: string;
  total: number;
  categories: readonly string[];
  fields: BuilderField[];
  /** Event types a behaviour condition may name, with how many events of each exist before the as-of date. */
  eventTypes: FieldValueCount[];
  /** Values for behaviour filters: order categories and channels, product categories (for events). */
  orderCategories: FieldValueCount[];
  orderChannels: FieldValueCount[];
  productCategories: FieldValueCount[];
  channels: readonly string[];
  combinators: readonly string[];
  windows: readonly string[];
  aggregates: readonly string[];
  measures: { orders: readonly string[]; events: readonly string[] };
  comparisonOperators: readonly string[];
  operatorsByType: typeof operatorsByType;
  limits: { maxDepth: number; maxNodes: number };
}

// Counting values walks every customer: once per loaded engine.
const cache = new WeakMap<LoadedSegmentEngine, BuilderFields>();

export async function builderFields(db: KizunaDb): Promise<BuilderFields> {
  const engine = await getSegmentEngine(db);
  let fields = cache.get(engine);
  if (!fields) {
    fields = describe(engine);
    cache.set(engine, fields);
  }
  return fields;
}

function describe(engine: LoadedSegmentEngine): BuilderFields {
  const { data, registry } = engine;
  const fields = describeFields(registry).map((f): BuilderField => {
    if (!f.hasValues) return { ...f, values: null, moreValues: 0 };
    const values = fieldValues(registry, data, f.id);
    return { ...f, values: values.slice(0, MAX_FIELD_VALUES), moreValues: Math.max(0, values.length - MAX_FIELD_VALUES) };
  });
  const eventCounts = new Map<string, number>([...data.events].map(([type, e]) => [type, e.count]));
  return {
    asOfDate: engine.asOfDate,
    total: data.size,
    categories: fieldCategories,
    fields,
    eventTypes: registry.eventTypes.map((value) => ({ value, count: eventCounts.get(value) ?? 0 })),
    orderCategories: codeCounts(data.orders.category),
    orderChannels: codeCounts(data.orders.channel),
    productCategories: codeCounts(data.products.category),
    channels,
    combinators: groupCombinators,
    windows: ['ever', 'last_days', 'between', 'more_than_days_ago'],
    aggregates: behaviourAggregates,
    measures: { orders: behaviourMeasures.filter((m) => m !== 'value'), events: ['value'] },
    comparisonOperators,
    operatorsByType,
    limits: { maxDepth: MAX_DEPTH, maxNodes: MAX_NODES },
  };
}

/** Values of a dictionary-encoded column with how many rows hold each, most frequent first. */
export function codeCounts(column: StringColumn): FieldValueCount[] {
  const counts = new Float64Array(column.dict.length);
  for (let k = 0; k < column.codes.length; k++) counts[column.codes[k]!]!++;
  const out: FieldValueCount[] = [];
  column.dict.forEach((value, code) => {
    if (value !== null && counts[code]! > 0) out.push({ value, count: counts[code]! });
  });
  return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

export interface TemplateWithSize {
  id: string;
  group: 'seed' | 'rfm';
  labelKey: string;
  rule: SegmentRule;
  /** Members in the current data; null with errors when the template does not fit the data. */
  count: number | null;
  share: number | null;
  errors: RuleErrorJson[] | null;
}

/** The ready-made segments of @kizuna/segments with their size in this workspace. */
export async function templatesWithSizes(db: KizunaDb): Promise<TemplateWithSize[]> {
  const engine = await getSegmentEngine(db);
  await engine.savedRules();
  return segmentTemplates.map((t) => {
    const base = { id: t.id, group: t.group, labelKey: t.labelKey, rule: t.rule };
    try {
      const count = engine.evaluator.count(t.rule);
      return { ...base, count, share: shareOf(count, engine.data), errors: null };
    } catch (err) {
      if (err instanceof RuleError) return { ...base, count: null, share: null, errors: ruleErrorsJson(err.errors) };
      throw err;
    }
  });
}

function shareOf(count: number, data: SegmentData): number {
  return data.size === 0 ? 0 : count / data.size;
}
