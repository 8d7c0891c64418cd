// Rules in links: /segments/new?rule=<json> opens the builder with a rule (the overlaps and KPI pages link
// there), and /overlaps?rule=<json>&label=… brings an unsaved rule from the builder into a comparison.
import type { SegmentRule } from '@kizuna/segments';
import { segmentRule } from '@kizuna/segments';
import { stripIds, withIds } from './ruleTree';

export type ParsedRule = { ok: true; rule: SegmentRule } | { ok: false; reason: 'json' | 'shape' };

/** The rule in a `rule` query parameter; its shape is checked, its meaning is validated by the builder. */
export function parseRuleParam(text: string): ParsedRule {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  const parsed = segmentRule.safeParse(value);
  return parsed.success ? { ok: true, rule: withIds(parsed.data) } : { ok: false, reason: 'shape' };
}

/** Compact JSON without builder ids: links stay short and never carry another tab's widget ids. */
export function ruleParamValue(rule: SegmentRule): string {
  return JSON.stringify(stripIds(rule));
}

export function builderLink(rule: SegmentRule, name?: string): string {
  const params = new URLSearchParams({ rule: ruleParamValue(rule) });
  if (name) params.set('name', name);
  return `/segments/new?${params.toString()}`;
}

export interface OverlapLinkInput {
  segmentIds?: readonly string[];
  rules?: readonly { label: string; rule: SegmentRule }[];
}

export function overlapsLink({ segmentIds = [], rules = [] }: OverlapLinkInput): string {
  const params = new URLSearchParams();
  if (segmentIds.length > 0) params.set('segments', segmentIds.join(','));
  for (const r of rules) {
    params.append('rule', ruleParamValue(r.rule));
    params.append('label', r.label);
  }
  const query = params.toString();
  return query ? `/overlaps?${query}` : '/overlaps';
}
