// What the "add condition" picker offers, grouped by the registry's categories and searchable, and the
// condition each choice starts as. Also the registry rebuilt from the API's description, so the builder
// can validate a rule at once, before any request.
import type {
  AttributeCondition,
  BehaviourSource,
  ComputedCondition,
  ConditionNode,
  FieldCategory,
  FieldDef,
  FieldOperator,
  FieldRegistry,
  FieldType,
  FieldUnit,
} from '@kizuna/segments';
import { fieldCategories } from '@kizuna/segments';
import { foldText } from './segmentList';

/** A field as segments.fields describes it. */
export interface FieldDescriptionLike {
  id: string;
  kind: 'attribute' | 'computed';
  category: FieldCategory;
  type: FieldType;
  operators: readonly FieldOperator[];
  descriptionKey: string;
  unit: FieldUnit | null;
}

export type PickerCategory = FieldCategory | 'segments';
export const pickerCategories: readonly PickerCategory[] = [...fieldCategories, 'segments'];

export type PickerChoice =
  | { kind: 'field'; fieldId: string }
  | { kind: 'behaviour'; source: BehaviourSource }
  | { kind: 'segment' }
  | { kind: 'reachability' };

export interface PickerEntry {
  key: string;
  category: PickerCategory;
  label: string;
  help: string;
  choice: PickerChoice;
}

export interface PickerSection {
  category: PickerCategory;
  entries: PickerEntry[];
}

/**
 * Every choice: the registry's fields in their categories, plus orders and events conditions (behavioural),
 * reachability (consent) and references to other segments.
 */
export function pickerEntries(
  fields: readonly FieldDescriptionLike[],
  text: { label: (f: FieldDescriptionLike) => string; help: (f: FieldDescriptionLike) => string; special: (key: 'orders' | 'events' | 'reachability' | 'segment', part: 'label' | 'help') => string },
): PickerEntry[] {
  const special = (key: 'orders' | 'events' | 'reachability' | 'segment', category: PickerCategory, choice: PickerChoice): PickerEntry => ({
    key: `special:${key}`,
    category,
    label: text.special(key, 'label'),
    help: text.special(key, 'help'),
    choice,
  });
  return [
    special('orders', 'behavioural', { kind: 'behaviour', source: 'orders' }),
    special('events', 'behavioural', { kind: 'behaviour', source: 'events' }),
    ...fields.map((f) => ({ key: `field:${f.id}`, category: f.category, label: text.label(f), help: text.help(f), choice: { kind: 'field' as const, fieldId: f.id } })),
    special('reachability', 'consent', { kind: 'reachability' }),
    special('segment', 'segments', { kind: 'segment' }),
  ];
}

/** Entries matching every word of the query (label, help or field id), in category order; empty sections dropped. */
export function searchPicker(entries: readonly PickerEntry[], query: string): PickerSection[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const matches = (e: PickerEntry) => {
    const haystack = foldText(`${e.label}\n${e.help}\n${e.key}`);
    return words.every((w) => haystack.includes(w));
  };
  return pickerCategories
    .map((category) => ({ category, entries: entries.filter((e) => e.category === category && matches(e)) }))
    .filter((s) => s.entries.length > 0);
}

/** The operator a new condition on a field of this type starts with. */
export function defaultOperator(field: Pick<FieldDescriptionLike, 'type' | 'operators'>): FieldOperator {
  const preferred: Record<FieldType, FieldOperator> = {
    string: 'eq',
    enum: 'in',
    tags: 'contains_any',
    number: 'gte',
    money: 'gte',
    date: 'within_last_days',
    boolean: 'is_true',
  };
  const want = preferred[field.type];
  return field.operators.includes(want) ? want : (field.operators[0] ?? want);
}

/**
 * A new condition for a choice. Values a user must pick (which categories, which segment) start empty, so
 * the condition shows what is missing instead of silently matching something.
 */
export function newCondition(choice: PickerChoice, fields: readonly FieldDescriptionLike[], eventTypes: readonly string[], id: string): ConditionNode {
  switch (choice.kind) {
    case 'field': {
      const field = fields.find((f) => f.id === choice.fieldId);
      if (!field) throw new Error(`Unknown field ${choice.fieldId}`);
      const op = defaultOperator(field);
      const condition: AttributeCondition | ComputedCondition = { kind: field.kind, id, field: field.id, op, ...initialValue(field.type, op) };
      return condition;
    }
    case 'behaviour':
      return choice.source === 'orders'
        ? { kind: 'behaviour', id, source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 30 } }
        : { kind: 'behaviour', id, source: 'events', eventType: eventTypes[0] ?? 'page_view', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 30 } };
    case 'segment':
      return { kind: 'segment', id, op: 'in', segmentId: '' };
    case 'reachability':
      return { kind: 'reachability', id, channel: 'email' };
  }
}

/** The value a condition holds right after its operator changes: kept when it still fits, else reset. */
export function initialValue(type: FieldType, op: FieldOperator, previous?: unknown): { value?: string | number | (string | number)[] } {
  const noValue = ['is_set', 'is_not_set', 'is_true', 'is_false'];
  if (noValue.includes(op)) return {};
  const isList = op === 'in' || op === 'not_in' || op === 'contains_any' || op === 'contains_all';
  if (isList) {
    if (Array.isArray(previous)) return { value: previous.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number') };
    return { value: typeof previous === 'number' || (typeof previous === 'string' && previous !== '') ? [previous] : [] };
  }
  // An empty input is '' until filled in: validation names what is missing, and JSON keeps the slot.
  if (op === 'between') {
    const pair = Array.isArray(previous) && previous.length === 2 ? previous.map((v) => (typeof v === 'number' || typeof v === 'string' ? v : '')) : ['', ''];
    return { value: pair };
  }
  if (op === 'within_last_days' || op === 'more_than_days_ago') return { value: typeof previous === 'number' ? previous : 30 };
  if (type === 'date') return { value: typeof previous === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(previous) ? previous : '' };
  const first: unknown = Array.isArray(previous) ? previous[0] : previous;
  if (typeof first === 'number' || (typeof first === 'string' && (type === 'enum' || type === 'string' || type === 'tags'))) return { value: first };
  return { value: '' };
}

/**
 * The registry rebuilt from the API's field descriptions, for validateRule in the browser. Validation reads
 * a field's kind, type and operators only; storage is the server's business, so a neutral one stands in.
 */
export function clientRegistry(fields: readonly FieldDescriptionLike[], eventTypes: readonly string[]): FieldRegistry {
  const defs: FieldDef[] = fields.map((f) => ({
    id: f.id,
    kind: f.kind,
    category: f.category,
    type: f.type,
    operators: f.operators,
    descriptionKey: f.descriptionKey,
    storage: { kind: 'custom', key: f.id, numeric: f.type === 'number' || f.type === 'money' },
    ...(f.unit ? { unit: f.unit } : {}),
  }));
  const byId = new Map(defs.map((d) => [d.id, d]));
  return { fields: defs, get: (id) => byId.get(id), eventTypes: [...eventTypes] };
}
