// The field registry: which fields a rule may use, their category, type and operators, and (for
// categorical fields) the values present in the data with counts. The builder renders itself from
// describeFields(); the validator, compiler and evaluator accept only fields found here.
import type { SegmentData, StringColumn, TagsColumn } from './data';
import {
  coreFields,
  operatorsByType,
  standardEventTypes,
  type CoreFieldSpec,
  type FieldCategory,
  type FieldStorage,
  type FieldType,
  type FieldUnit,
} from './fields';
import type { FieldOperator } from './schema';

export interface FieldValueCount {
  value: string;
  count: number;
}

export interface FieldDef {
  id: string;
  kind: 'attribute' | 'computed';
  category: FieldCategory;
  type: FieldType;
  operators: readonly FieldOperator[];
  /** i18n key of the field's label and help text in the web app. */
  descriptionKey: string;
  storage: FieldStorage;
  unit?: FieldUnit;
  /** Categorical fields: the values present in the data, most frequent first. */
  values?: (data: SegmentData) => FieldValueCount[];
}

export interface FieldRegistry {
  readonly fields: readonly FieldDef[];
  get(id: string): FieldDef | undefined;
  /** Event types a behaviour condition may name. */
  readonly eventTypes: readonly string[];
}

/** A JSON-safe description of a field for the API and the builder. */
export interface FieldDescription {
  id: string;
  kind: 'attribute' | 'computed';
  category: FieldCategory;
  type: FieldType;
  operators: readonly FieldOperator[];
  descriptionKey: string;
  unit: FieldUnit | null;
  hasValues: boolean;
}

export interface CustomAttributeSpec {
  key: string;
  numeric: boolean;
}

export interface RegistryOptions {
  /** Registers custom attributes, event types and optional columns from the loaded data. */
  data?: SegmentData;
  /** Without data (SQL push-down): the custom attributes to register. */
  customAttributes?: readonly CustomAttributeSpec[];
  /** Without data: optional columns (predicted_clv, p_alive) known to exist. */
  availableColumns?: Iterable<string>;
  eventTypes?: readonly string[];
  /** Fields added by other packages (for example predictions), appended after the built-in ones. */
  extraFields?: readonly FieldDef[];
}

export const CUSTOM_PREFIX = 'custom:';
const SAFE_COLUMN = /^[a-z_][a-z0-9_]*$/;
// Custom keys are bound as JSON paths `$."key"`: a quote or backslash would end the path early.
function isSafeCustomKey(key: string): boolean {
  return key.length > 0 && key.length <= 100 && !/["\\]/.test(key) && ![...key].some((ch) => ch < ' ');
}
const NUMERIC_TEXT = /^-?\d+(\.\d+)?$/;

/** Whether custom attribute text counts as a number (both the evaluator and the SQL cast rely on it). */
export function isNumericText(text: string): boolean {
  return NUMERIC_TEXT.test(text);
}

export function createRegistry(options: RegistryOptions = {}): FieldRegistry {
  const { data } = options;
  const available = new Set(options.availableColumns ?? []);
  const fields: FieldDef[] = [];
  for (const spec of coreFields) {
    if (spec.optional) {
      const column = spec.storage.kind === 'custom' ? '' : spec.storage.column;
      const present = data ? data.columns.has(column) : available.has(column);
      if (!present) continue;
    }
    fields.push(fromCoreSpec(spec));
  }
  const custom = options.customAttributes ?? (data ? customAttributesOf(data) : []);
  for (const c of custom) {
    if (!isSafeCustomKey(c.key)) continue;
    fields.push(customField(c));
  }
  for (const f of options.extraFields ?? []) fields.push(f);

  const byId = new Map<string, FieldDef>();
  for (const f of fields) {
    if (f.storage.kind !== 'custom' && !SAFE_COLUMN.test(f.storage.column)) {
      throw new Error(`Field ${f.id}: column name ${f.storage.column} is not a plain identifier`);
    }
    if (byId.has(f.id)) throw new Error(`Field ${f.id} is registered twice`);
    byId.set(f.id, f);
  }
  const eventTypes = new Set<string>([...standardEventTypes, ...(options.eventTypes ?? [])]);
  if (data) for (const t of data.events.keys()) eventTypes.add(t);
  return {
    fields,
    get: (id) => byId.get(id),
    eventTypes: [...eventTypes].sort(),
  };
}

export function describeFields(registry: FieldRegistry): FieldDescription[] {
  return registry.fields.map((f) => ({
    id: f.id,
    kind: f.kind,
    category: f.category,
    type: f.type,
    operators: f.operators,
    descriptionKey: f.descriptionKey,
    unit: f.unit ?? null,
    hasValues: f.values !== undefined,
  }));
}

/** The values of a categorical field with counts, or [] for other fields. */
export function fieldValues(registry: FieldRegistry, data: SegmentData, fieldId: string): FieldValueCount[] {
  return registry.get(fieldId)?.values?.(data) ?? [];
}

/** Custom attribute keys present in the data; numeric when every non-empty value is a plain decimal. */
export function customAttributesOf(data: SegmentData): CustomAttributeSpec[] {
  const out: CustomAttributeSpec[] = [];
  for (const [key, col] of data.customAttributes) {
    let numeric = col.dict.length > 1;
    for (let c = 1; c < col.dict.length && numeric; c++) numeric = isNumericText(col.dict[c] ?? '');
    out.push({ key, numeric });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function fromCoreSpec(spec: CoreFieldSpec): FieldDef {
  const def: FieldDef = {
    id: spec.id,
    kind: spec.kind,
    category: spec.category,
    type: spec.type,
    operators: operatorsByType[spec.type],
    descriptionKey: `segments.fields.${spec.id}`,
    storage: spec.storage,
  };
  if (spec.unit) def.unit = spec.unit;
  const storage = spec.storage;
  if (spec.type === 'enum' && storage.kind === 'text') {
    def.values = (data) => stringValueCounts(data.columns.get(storage.column));
  } else if (spec.type === 'tags' && storage.kind === 'tags') {
    def.values = (data) => tagValueCounts(data.columns.get(storage.column));
  }
  return def;
}

function customField(c: CustomAttributeSpec): FieldDef {
  const type: FieldType = c.numeric ? 'number' : 'enum';
  const def: FieldDef = {
    id: CUSTOM_PREFIX + c.key,
    kind: 'attribute',
    category: 'custom',
    type,
    operators: operatorsByType[type],
    descriptionKey: 'segments.fields.custom',
    storage: { kind: 'custom', key: c.key, numeric: c.numeric },
  };
  if (!c.numeric) def.values = (data) => stringValueCounts(data.customAttributes.get(c.key));
  return def;
}

function stringValueCounts(col: unknown): FieldValueCount[] {
  if (!isColumn<StringColumn>(col, 'string')) return [];
  const counts = new Float64Array(col.dict.length);
  const codes = col.codes;
  for (let i = 0; i < codes.length; i++) counts[codes[i]!]!++;
  const out: FieldValueCount[] = [];
  for (let c = 1; c < col.dict.length; c++) {
    const v = col.dict[c];
    if (v != null && counts[c]! > 0) out.push({ value: v, count: counts[c]! });
  }
  return sortCounts(out);
}

function tagValueCounts(col: unknown): FieldValueCount[] {
  if (!isColumn<TagsColumn>(col, 'tags')) return [];
  const counts = new Float64Array(col.dict.length);
  for (let k = 0; k < col.ids.length; k++) counts[col.ids[k]!]!++;
  const out = col.dict.map((value, id) => ({ value, count: counts[id]! })).filter((v) => v.count > 0);
  return sortCounts(out);
}

function sortCounts(list: FieldValueCount[]): FieldValueCount[] {
  return list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function isColumn<T extends { kind: string }>(col: unknown, kind: T['kind']): col is T {
  return typeof col === 'object' && col !== null && (col as { kind?: unknown }).kind === kind;
}
