// Rules read aloud: every condition as one sentence in the UI language ("has placed at least 2 orders in
// category Cosmetics in the last 90 days"), for the builder's summaries, version diffs and explanations.
import type {
  BehaviourCondition,
  ComparisonOperator,
  ConditionNode,
  ConditionValue,
  FieldOperator,
  FieldType,
  FieldUnit,
  RuleNode,
  Window,
} from '@kizuna/segments';
import { assertNever } from '@kizuna/segments';
import { formatDate, formatMoney, formatNumber } from '../../ui/format';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface FieldInfo {
  type: FieldType;
  unit: FieldUnit | null;
  label: string;
}

/** What sentences need to know: translations, locale, currency and the names of fields, values and segments. */
export interface Phrasebook {
  t: Translate;
  /** Whether a translation key exists (enum values are translated only when the app knows them). */
  has: (key: string) => boolean;
  locale: string;
  currency: string;
  field: (id: string) => FieldInfo | undefined;
  segmentName: (id: string) => string;
}

const plainKey = /^[A-Za-z0-9_-]+$/;

/** A categorical value in words: gender "female" reads "Female"/"女性"; data values pass through. */
export function valueLabel(book: Phrasebook, fieldId: string, value: string | number): string {
  const text = String(value);
  if (plainKey.test(fieldId) && plainKey.test(text)) {
    const key = `segments.values.${fieldId}.${text}`;
    if (book.has(key)) return book.t(key);
  }
  return text;
}

export function fieldLabel(book: Phrasebook, fieldId: string): string {
  return book.field(fieldId)?.label ?? fieldId;
}

export function eventLabel(book: Phrasebook, eventType: string): string {
  const key = `segments.events.${eventType}`;
  return plainKey.test(eventType) && book.has(key) ? book.t(key) : eventType;
}

export function channelLabel(book: Phrasebook, channel: string): string {
  const key = `segments.channels.${channel}`;
  return plainKey.test(channel) && book.has(key) ? book.t(key) : channel;
}

function list(book: Phrasebook, items: readonly string[], type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(book.locale, { type, style: 'long' }).format(items);
}

/** One scalar of a field condition, formatted by the field's type: money, dates, numbers or words. */
function scalar(book: Phrasebook, fieldId: string, value: string | number | boolean): string {
  const info = book.field(fieldId);
  if (typeof value === 'number') {
    return info?.type === 'money' ? formatMoney(value, book.currency, book.locale) : formatNumber(value, book.locale);
  }
  if (typeof value === 'boolean') return String(value);
  if (info?.type === 'date') return formatDate(value, book.locale);
  return valueLabel(book, fieldId, value);
}

const missing = '…';

function fieldSentence(book: Phrasebook, fieldId: string, op: FieldOperator, value: ConditionValue | undefined): string {
  const field = fieldLabel(book, fieldId);
  const listOf = (type: 'conjunction' | 'disjunction') =>
    Array.isArray(value) && value.length > 0 ? list(book, value.map((v) => scalar(book, fieldId, v)), type) : missing;
  const one = () => (value === undefined || Array.isArray(value) || value === '' ? missing : scalar(book, fieldId, value as string | number));
  const pair = () => {
    const [low, high] = Array.isArray(value) ? value : [];
    return {
      low: low === undefined ? missing : scalar(book, fieldId, low),
      high: high === undefined ? missing : scalar(book, fieldId, high),
    };
  };
  const days = () => (typeof value === 'number' ? formatNumber(value, book.locale) : missing);
  switch (op) {
    case 'in':
    case 'contains_any':
      return book.t(`segments.sentence.field.${op}`, { field, values: listOf('disjunction') });
    case 'not_in':
    case 'contains_all':
      return book.t(`segments.sentence.field.${op}`, { field, values: listOf('conjunction') });
    case 'between':
      return book.t('segments.sentence.field.between', { field, ...pair() });
    case 'within_last_days':
    case 'more_than_days_ago':
      return book.t(`segments.sentence.field.${op}`, { field, days: days() });
    case 'is_true':
    case 'is_false':
    case 'is_set':
    case 'is_not_set':
      return book.t(`segments.sentence.field.${op}`, { field });
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
    case 'contains':
    case 'not_contains':
    case 'before':
    case 'after':
    case 'on':
      return book.t(`segments.sentence.field.${op}`, { field, value: one() });
    default:
      return assertNever(op);
  }
}

export function windowPhrase(book: Phrasebook, window: Window): string {
  switch (window.type) {
    case 'ever':
      return book.t('segments.sentence.window.ever');
    case 'last_days':
      return book.t('segments.sentence.window.last_days', { count: window.days, days: formatNumber(window.days, book.locale) });
    case 'more_than_days_ago':
      return book.t('segments.sentence.window.more_than_days_ago', { count: window.days, days: formatNumber(window.days, book.locale) });
    case 'between':
      return book.t('segments.sentence.window.between', {
        from: formatDate(window.from, book.locale),
        to: formatDate(window.to, book.locale),
      });
    default:
      return assertNever(window);
  }
}

/** Which sentence a behaviour condition reads as: `orders.count`, `orders.sum.amount`, `events.max.value`… */
export function behaviourTemplate(node: Pick<BehaviourCondition, 'source' | 'aggregate' | 'measure'>): string | null {
  const { source, aggregate, measure } = node;
  if (aggregate === 'count' || aggregate === 'distinct_days') return `${source}.${aggregate}`;
  if (source === 'orders' && (measure === 'amount' || measure === 'quantity')) return `${source}.${aggregate}.${measure}`;
  if (source === 'events' && measure === 'value') return `${source}.${aggregate}.value`;
  return null;
}

/** The unit a behaviour value is counted in, which decides how it is formatted. */
function behaviourUnit(template: string): 'money' | 'orders' | 'days' | 'items' | 'times' | 'value' {
  if (template.endsWith('.amount')) return 'money';
  if (template.endsWith('.quantity')) return 'items';
  if (template.endsWith('.distinct_days')) return 'days';
  if (template === 'orders.count') return 'orders';
  if (template === 'events.count') return 'times';
  return 'value';
}

function behaviourValue(book: Phrasebook, unit: ReturnType<typeof behaviourUnit>, n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return missing;
  if (unit === 'money') return formatMoney(n, book.currency, book.locale);
  const number = formatNumber(n, book.locale);
  return unit === 'value' ? number : book.t(`segments.sentence.units.${unit}`, { count: n, n: number });
}

export function comparisonPhrase(book: Phrasebook, op: ComparisonOperator, value: BehaviourCondition['value'], format: (n: number | undefined) => string): string {
  if (op === 'between') {
    const [low, high] = Array.isArray(value) ? value : [undefined, undefined];
    return book.t('segments.sentence.compare.between', { low: format(low), high: format(high) });
  }
  return book.t(`segments.sentence.compare.${op}`, { value: format(typeof value === 'number' ? value : undefined) });
}

function filterPhrases(book: Phrasebook, node: BehaviourCondition): string[] {
  const f = node.filters;
  if (!f) return [];
  const out: string[] = [];
  const or = (items: readonly string[]) => list(book, items, 'disjunction');
  if (f.categories?.length) out.push(book.t('segments.sentence.filter.categories', { list: or(f.categories) }));
  if (f.channels?.length) out.push(book.t('segments.sentence.filter.channels', { list: or(f.channels.map((c) => valueLabel(book, 'order_channel', c))) }));
  if (f.productIds?.length) out.push(book.t('segments.sentence.filter.products', { list: or(f.productIds) }));
  if (f.couponUsed !== undefined) out.push(book.t(f.couponUsed ? 'segments.sentence.filter.coupon' : 'segments.sentence.filter.noCoupon'));
  if (f.lowStockBelow !== undefined) {
    out.push(book.t('segments.sentence.filter.lowStock', { n: formatNumber(f.lowStockBelow, book.locale) }));
  }
  return out;
}

// Parts are joined with spaces; Japanese has none between words, so a space between two CJK characters goes.
const cjk = '\\u3000-\\u30ff\\u3400-\\u9fff\\uff00-\\uffef';
const cjkGap = new RegExp(`(?<=[${cjk}])\\s+(?=[${cjk}])`, 'g');
const tidy = (text: string) => text.replace(/\s+/g, ' ').replace(cjkGap, '').trim();

export function behaviourSentence(book: Phrasebook, node: BehaviourCondition): string {
  const template = behaviourTemplate(node);
  if (!template) return book.t('segments.sentence.incomplete');
  const unit = behaviourUnit(template);
  const highest = Array.isArray(node.value) ? node.value[1] : node.value;
  return tidy(
    book.t(`segments.sentence.behaviour.${template}`, {
      count: typeof highest === 'number' && Number.isFinite(highest) ? highest : 2,
      comparison: comparisonPhrase(book, node.op, node.value, (n) => behaviourValue(book, unit, n)),
      filters: filterPhrases(book, node).join(' '),
      window: windowPhrase(book, node.window),
      event: node.eventType ? eventLabel(book, node.eventType) : missing,
    }),
  );
}

/** Any condition as a sentence. */
export function conditionSentence(book: Phrasebook, node: ConditionNode): string {
  switch (node.kind) {
    case 'attribute':
    case 'computed':
      return tidy(fieldSentence(book, node.field, node.op, node.value));
    case 'behaviour':
      return behaviourSentence(book, node);
    case 'segment':
      return book.t(node.op === 'in' ? 'segments.sentence.segment.in' : 'segments.sentence.segment.not_in', {
        name: node.segmentId ? book.segmentName(node.segmentId) : missing,
      });
    case 'reachability':
      return book.t('segments.sentence.reachability', { channel: channelLabel(book, node.channel) });
    default:
      return assertNever(node);
  }
}

/** A group's heading: "All of" / "Any of", negated "None of" / "Not all of". */
export function groupPhrase(book: Phrasebook, combinator: 'and' | 'or', negate: boolean): string {
  if (negate) return book.t(combinator === 'and' ? 'segments.sentence.group.notAll' : 'segments.sentence.group.none');
  return book.t(combinator === 'and' ? 'segments.sentence.group.all' : 'segments.sentence.group.any');
}

/** A whole rule on one line, groups in brackets: for version lists, diffs and link titles. */
export function ruleSentence(book: Phrasebook, node: RuleNode): string {
  if (node.kind !== 'group') return conditionSentence(book, node);
  const inner = node.children.map((c) => (c.kind === 'group' ? `(${ruleSentence(book, c)})` : ruleSentence(book, c)));
  const joined = inner.join(book.t(node.combinator === 'and' ? 'segments.sentence.joinAnd' : 'segments.sentence.joinOr'));
  return node.negate ? book.t('segments.sentence.not', { rule: joined }) : joined;
}
