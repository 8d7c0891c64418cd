// Ready-made segments: the segmentation ideas of the seed table and the classic RFM groups, as rules. The
// builder offers them as starting points; docs/segment-rules.md shows the same JSON. Money thresholds are
// minor units of the workspace currency (set for JPY; adjust them for other currencies).
import type { RuleNode, SegmentRule } from './schema';

export interface SegmentTemplate {
  id: string;
  /** seed: an idea of the seed table · rfm: a group of the R × F × M grid. */
  group: 'seed' | 'rfm';
  /** i18n key of the template's name and one-line description in the web app. */
  labelKey: string;
  rule: SegmentRule;
}

const all = (...children: RuleNode[]): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });
const score = (field: 'r_score' | 'f_score' | 'm_score', op: 'gte' | 'lte', value: number): RuleNode => ({ kind: 'computed', field, op, value });

const seed: Omit<SegmentTemplate, 'group' | 'labelKey'>[] = [
  {
    id: 'bought_last_30_days',
    rule: all({ kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 30 } }),
  },
  {
    id: 'no_purchase_90_days',
    rule: all(
      { kind: 'computed', field: 'frequency', op: 'gte', value: 1 },
      { kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'eq', value: 0, window: { type: 'last_days', days: 90 } },
    ),
  },
  { id: 'high_income', rule: all({ kind: 'attribute', field: 'annual_income', op: 'gte', value: 8_000_000 }) },
  { id: 'high_aov', rule: all({ kind: 'computed', field: 'aov', op: 'gte', value: 10_000 }) },
  {
    id: 'big_cart',
    rule: all({ kind: 'behaviour', source: 'orders', aggregate: 'max', measure: 'amount', op: 'gte', value: 20_000, window: { type: 'last_days', days: 365 } }),
  },
  {
    id: 'loyal_members',
    rule: all(
      { kind: 'attribute', field: 'membership_status', op: 'eq', value: 'active' },
      { kind: 'computed', field: 'purchase_days', op: 'gte', value: 5 },
      { kind: 'computed', field: 'tenure_days', op: 'gte', value: 365 },
    ),
  },
  { id: 'women', rule: all({ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }) },
  { id: 'men', rule: all({ kind: 'attribute', field: 'gender', op: 'eq', value: 'male' }) },
  { id: 'greater_tokyo', rule: all({ kind: 'attribute', field: 'region', op: 'in', value: ['東京都', '神奈川県', '千葉県', '埼玉県'] }) },
  {
    id: 'favorited_low_stock',
    rule: all(
      {
        kind: 'behaviour',
        source: 'events',
        eventType: 'favorite',
        aggregate: 'count',
        op: 'gte',
        value: 1,
        window: { type: 'last_days', days: 60 },
        filters: { lowStockBelow: 5 },
      },
      { kind: 'group', combinator: 'or', children: [{ kind: 'reachability', channel: 'email' }, { kind: 'reachability', channel: 'line' }] },
    ),
  },
];

const rfm: Omit<SegmentTemplate, 'group' | 'labelKey'>[] = [
  { id: 'rfm_champions', rule: all(score('r_score', 'gte', 4), score('f_score', 'gte', 4), score('m_score', 'gte', 4)) },
  { id: 'rfm_loyal', rule: all(score('r_score', 'gte', 3), score('f_score', 'gte', 4)) },
  {
    id: 'rfm_new',
    rule: all({ kind: 'computed', field: 'first_order_date', op: 'within_last_days', value: 30 }, { kind: 'computed', field: 'purchase_days', op: 'eq', value: 1 }),
  },
  { id: 'rfm_at_risk', rule: all(score('r_score', 'lte', 2), score('f_score', 'gte', 3), score('m_score', 'gte', 3)) },
  { id: 'rfm_cant_lose', rule: all(score('r_score', 'lte', 1), score('f_score', 'gte', 5)) },
  { id: 'rfm_hibernating', rule: all(score('r_score', 'lte', 2), score('f_score', 'lte', 2)) },
];

export const segmentTemplates: readonly SegmentTemplate[] = [
  ...seed.map((t) => ({ ...t, group: 'seed' as const, labelKey: `segments.templates.${t.id}` })),
  ...rfm.map((t) => ({ ...t, group: 'rfm' as const, labelKey: `segments.templates.${t.id}` })),
];

export function findTemplate(id: string): SegmentTemplate | undefined {
  return segmentTemplates.find((t) => t.id === id);
}
