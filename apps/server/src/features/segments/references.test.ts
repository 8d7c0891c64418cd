import { describe, expect, it } from 'vitest';
import type { SegmentRule } from '@kizuna/segments';
import { dependentSegmentIds, directReferrers, referencedSegmentIds } from './references';
import { copyName } from './service';
import { allOf, ruleOf, women } from './testing';

const ref = (segmentId: string, op: 'in' | 'not_in' = 'in') => ({ kind: 'segment', op, segmentId }) as const;

describe('segment references', () => {
  const rules = new Map<string, SegmentRule>([
    ['a', ruleOf(women)],
    ['b', ruleOf(ref('a'), allOf(ref('a', 'not_in'), women))],
    ['c', ruleOf(ref('b'))],
    ['d', ruleOf(allOf(ref('c'), ref('a')))],
    ['e', ruleOf(women)],
  ]);

  it('lists the ids a rule references, once each, at any depth', () => {
    expect(referencedSegmentIds(rules.get('b')!)).toEqual(['a']);
    expect(referencedSegmentIds(rules.get('d')!)).toEqual(['c', 'a']);
    expect(referencedSegmentIds(rules.get('e')!)).toEqual([]);
  });

  it('finds direct referrers and every transitive dependent, nearest first', () => {
    expect(directReferrers(rules, 'a').sort()).toEqual(['b', 'd']);
    expect(dependentSegmentIds(rules, 'a')).toEqual(['b', 'd', 'c']);
    expect(dependentSegmentIds(rules, 'c')).toEqual(['d']);
    expect(dependentSegmentIds(rules, 'e')).toEqual([]);
  });
});

describe('copyName', () => {
  it('picks the first free "(copy n)" name, ignoring case', () => {
    expect(copyName('VIP', new Set(['vip']))).toBe('VIP (copy)');
    expect(copyName('VIP', new Set(['vip', 'vip (copy)', 'vip (copy 2)']))).toBe('VIP (copy 3)');
  });
});
