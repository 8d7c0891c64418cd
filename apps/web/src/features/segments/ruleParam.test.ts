import { describe, expect, it } from 'vitest';
import type { SegmentRule } from '@kizuna/segments';
import { builderLink, overlapsLink, parseRuleParam, ruleParamValue } from './ruleParam';

const rule: SegmentRule = {
  version: 1,
  kind: 'group',
  id: 'root',
  combinator: 'and',
  children: [{ kind: 'attribute', id: 'c1', field: 'region', op: 'in', value: ['東京都'] }],
};

describe('rule links', () => {
  it('round-trips a rule through a builder link, without ids in the link but with fresh ids after', () => {
    const url = new URL(builderLink(rule, 'Tokyo'), 'http://x');
    expect(url.pathname).toBe('/segments/new');
    expect(url.searchParams.get('name')).toBe('Tokyo');
    const text = url.searchParams.get('rule')!;
    expect(text).not.toContain('"id"');
    const parsed = parseRuleParam(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(ruleParamValue(parsed.rule)).toBe(ruleParamValue(rule));
    expect(parsed.rule.id).toBeTruthy();
    expect(parsed.rule.children[0]!.id).toBeTruthy();
  });

  it('says why a parameter is not a rule', () => {
    expect(parseRuleParam('{not json')).toEqual({ ok: false, reason: 'json' });
    expect(parseRuleParam('{"version":1,"kind":"group","combinator":"xor","children":[]}')).toEqual({ ok: false, reason: 'shape' });
    expect(parseRuleParam('[]')).toEqual({ ok: false, reason: 'shape' });
  });

  it('accepts an empty group (the builder then reports it in place)', () => {
    expect(parseRuleParam('{"version":1,"kind":"group","combinator":"and","children":[]}').ok).toBe(true);
  });

  it('puts saved segments and unsaved rules in an overlaps link', () => {
    const url = new URL(overlapsLink({ segmentIds: ['a', 'b'], rules: [{ label: 'Draft', rule }] }), 'http://x');
    expect(url.pathname).toBe('/overlaps');
    expect(url.searchParams.get('segments')).toBe('a,b');
    expect(url.searchParams.getAll('label')).toEqual(['Draft']);
    expect(parseRuleParam(url.searchParams.getAll('rule')[0]!).ok).toBe(true);
    expect(overlapsLink({})).toBe('/overlaps');
  });
});
