// The segment rule language: a versioned, nested, tagged tree. This zod schema checks the shape only;
// whether fields, operators and values make sense is validateRule's job (it needs the field registry).
import { z } from 'zod';

export const groupCombinators = ['and', 'or'] as const;
export type Combinator = (typeof groupCombinators)[number];

/** Every operator of attribute and computed conditions; the registry says which a field allows. */
export const fieldOperators = [
  'eq',
  'neq',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'not_contains',
  'contains_any',
  'contains_all',
  'before',
  'after',
  'on',
  'within_last_days',
  'more_than_days_ago',
  'is_true',
  'is_false',
  'is_set',
  'is_not_set',
] as const;
export type FieldOperator = (typeof fieldOperators)[number];

export const behaviourSources = ['orders', 'events'] as const;
export type BehaviourSource = (typeof behaviourSources)[number];
export const behaviourAggregates = ['count', 'distinct_days', 'sum', 'avg', 'max'] as const;
export type BehaviourAggregate = (typeof behaviourAggregates)[number];
export const behaviourMeasures = ['amount', 'quantity', 'value'] as const;
export type BehaviourMeasure = (typeof behaviourMeasures)[number];
export const comparisonOperators = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'] as const;
export type ComparisonOperator = (typeof comparisonOperators)[number];

export const channels = ['email', 'sms', 'push', 'line'] as const;
export type Channel = (typeof channels)[number];

/** A scalar or list value as it arrives from the builder; its meaning depends on the field and operator. */
export type ConditionValue = string | number | boolean | readonly (string | number)[];

/** Days are whole days before the as-of day; dates are ISO `YYYY-MM-DD` strings. */
export type Window =
  | { type: 'ever' }
  | { type: 'last_days'; days: number }
  | { type: 'between'; from: string; to: string }
  | { type: 'more_than_days_ago'; days: number };

export interface BehaviourFilters {
  /** Orders: the order's category. Events: the category of the event's product (products table). */
  categories?: string[];
  /** Orders only. */
  channels?: string[];
  /** Events only. */
  productIds?: string[];
  /** Orders only: true = a coupon code was used, false = none. */
  couponUsed?: boolean;
  /** Events only: the event's product has stock strictly below this number. */
  lowStockBelow?: number;
}

interface NodeBase {
  /** Optional stable id the builder uses to key its widgets; ignored by evaluation. */
  id?: string;
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  combinator: Combinator;
  /** true: the group keeps everyone its children together would not (the complement). */
  negate?: boolean;
  children: RuleNode[];
}

export interface AttributeCondition extends NodeBase {
  kind: 'attribute';
  /** A stored customer field (`gender`, `region`…) or a custom attribute (`custom:<key>`). */
  field: string;
  op: FieldOperator;
  value?: ConditionValue;
}

export interface ComputedCondition extends NodeBase {
  kind: 'computed';
  /** A value computed as of the as-of day: `age`, `recency_days`, `r_score`… */
  field: string;
  op: FieldOperator;
  value?: ConditionValue;
}

export interface BehaviourCondition extends NodeBase {
  kind: 'behaviour';
  source: BehaviourSource;
  /** Required for events, absent for orders. */
  eventType?: string;
  aggregate: BehaviourAggregate;
  /** Required for sum/avg/max: orders → amount | quantity, events → value. */
  measure?: BehaviourMeasure;
  op: ComparisonOperator;
  /** A number, or `[low, high]` (inclusive) for `between`. */
  value: number | readonly [number, number];
  window: Window;
  filters?: BehaviourFilters;
}

export interface SegmentReference extends NodeBase {
  kind: 'segment';
  op: 'in' | 'not_in';
  segmentId: string;
}

export interface ReachabilityCondition extends NodeBase {
  kind: 'reachability';
  channel: Channel;
}

export type ConditionNode =
  | AttributeCondition
  | ComputedCondition
  | BehaviourCondition
  | SegmentReference
  | ReachabilityCondition;
export type RuleNode = GroupNode | ConditionNode;
export type NodeKind = RuleNode['kind'];

/** A whole segment definition: the root group, carrying the language version. */
export interface SegmentRule extends GroupNode {
  version: 1;
}

/** Where a node sits in the tree, as the builder addresses it: e.g. ['children', 2, 'children', 0]. */
export type NodePath = (string | number)[];

const nodeId = z.string().min(1).max(100).optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const name = z.string().min(1).max(200);
const nameList = z.array(name).min(1).max(500);

const conditionValue = z.union([
  z.string().max(200),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string().max(200), z.number()])).max(500),
]);

export const ruleWindow: z.ZodType<Window> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ever') }).strict(),
  z.object({ type: z.literal('last_days'), days: z.number() }).strict(),
  z.object({ type: z.literal('between'), from: isoDate, to: isoDate }).strict(),
  z.object({ type: z.literal('more_than_days_ago'), days: z.number() }).strict(),
]);

const behaviourFilters: z.ZodType<BehaviourFilters> = z
  .object({
    categories: nameList.optional(),
    channels: nameList.optional(),
    productIds: nameList.optional(),
    couponUsed: z.boolean().optional(),
    lowStockBelow: z.number().optional(),
  })
  .strict();

const attributeCondition = z
  .object({ kind: z.literal('attribute'), id: nodeId, field: name, op: z.enum(fieldOperators), value: conditionValue.optional() })
  .strict();
const computedCondition = z
  .object({ kind: z.literal('computed'), id: nodeId, field: name, op: z.enum(fieldOperators), value: conditionValue.optional() })
  .strict();
const behaviourCondition = z
  .object({
    kind: z.literal('behaviour'),
    id: nodeId,
    source: z.enum(behaviourSources),
    eventType: name.optional(),
    aggregate: z.enum(behaviourAggregates),
    measure: z.enum(behaviourMeasures).optional(),
    op: z.enum(comparisonOperators),
    value: z.union([z.number(), z.tuple([z.number(), z.number()])]),
    window: ruleWindow,
    filters: behaviourFilters.optional(),
  })
  .strict();
const segmentReference = z
  .object({ kind: z.literal('segment'), id: nodeId, op: z.enum(['in', 'not_in']), segmentId: name })
  .strict();
const reachabilityCondition = z
  .object({ kind: z.literal('reachability'), id: nodeId, channel: z.enum(channels) })
  .strict();

const groupFields = {
  id: nodeId,
  combinator: z.enum(groupCombinators),
  negate: z.boolean().optional(),
  // An empty group passes the shape check so validateRule can report it with its path.
  children: z.array(z.lazy((): z.ZodType<RuleNode> => ruleNode)).max(200),
};

export const groupNode: z.ZodType<GroupNode> = z.object({ kind: z.literal('group'), ...groupFields }).strict();

export const ruleNode: z.ZodType<RuleNode> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('group'), ...groupFields }).strict(),
    attributeCondition,
    computedCondition,
    behaviourCondition,
    segmentReference,
    reachabilityCondition,
  ]),
);

/** The schema the API's input and the builder's form share. */
export const segmentRule: z.ZodType<SegmentRule> = z
  .object({ version: z.literal(1), kind: z.literal('group'), ...groupFields })
  .strict();

/** A rule that keeps everyone is never built implicitly; this is the starting point of a new segment. */
export function emptyRule(): SegmentRule {
  return { version: 1, kind: 'group', combinator: 'and', children: [] };
}
