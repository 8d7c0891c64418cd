import { describe, expect, it } from 'vitest';
import type { BehaviourCondition, ConditionNode, SegmentRule } from '@kizuna/segments';
import { behaviourTemplate, conditionSentence, groupPhrase, ruleSentence } from './ruleSentence';
import { testPhrasebook } from './testing';

const cosmetics2in90: BehaviourCondition = {
  kind: 'behaviour',
  source: 'orders',
  aggregate: 'count',
  op: 'gte',
  value: 2,
  window: { type: 'last_days', days: 90 },
  filters: { categories: ['Cosmetics'] },
};

describe('behaviour sentences', () => {
  it('reads the issue example in English and Japanese', async () => {
    expect(conditionSentence(await testPhrasebook('en'), cosmetics2in90)).toBe(
      'has placed at least 2 orders in category Cosmetics in the last 90 days',
    );
    expect(conditionSentence(await testPhrasebook('ja'), cosmetics2in90)).toBe('過去90日間にカテゴリ「Cosmetics」の注文が2件以上');
  });

  it('uses the singular, money, windows and several filters', async () => {
    const en = await testPhrasebook('en');
    const one: BehaviourCondition = { kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'ever' } };
    expect(conditionSentence(en, one)).toBe('has placed at least 1 order ever');
    const spend: BehaviourCondition = {
      kind: 'behaviour',
      source: 'orders',
      aggregate: 'sum',
      measure: 'amount',
      op: 'between',
      value: [10000, 50000],
      window: { type: 'between', from: '2026-01-01', to: '2026-03-31' },
      filters: { channels: ['store', 'app'], couponUsed: true },
    };
    expect(conditionSentence(en, spend)).toBe('has spent between ¥10,000 and ¥50,000 via Store or App with a coupon between Jan 1, 2026 and Mar 31, 2026');
    const ja = await testPhrasebook('ja');
    expect(conditionSentence(ja, spend)).toBe('2026/01/01〜2026/03/31に店舗またはアプリでのクーポンを使った購入金額の合計が￥10,000〜￥50,000');
  });

  it('names events and the low-stock filter', async () => {
    const fav: BehaviourCondition = {
      kind: 'behaviour',
      source: 'events',
      eventType: 'favorite',
      aggregate: 'count',
      op: 'gte',
      value: 1,
      window: { type: 'more_than_days_ago', days: 30 },
      filters: { lowStockBelow: 5 },
    };
    expect(conditionSentence(await testPhrasebook('en'), fav)).toBe(
      'has at least 1 “favorite” event of products with fewer than 5 in stock more than 30 days ago',
    );
    expect(conditionSentence(await testPhrasebook('ja'), fav)).toBe('30日より前に在庫5未満の商品の「お気に入り」が1回以上');
  });

  it('says a condition is incomplete rather than guessing a measure', async () => {
    const bad: BehaviourCondition = { kind: 'behaviour', source: 'orders', aggregate: 'sum', op: 'gte', value: 1, window: { type: 'ever' } };
    expect(behaviourTemplate(bad)).toBeNull();
    expect(conditionSentence(await testPhrasebook('en'), bad)).toBe('incomplete purchase or event condition');
    expect(behaviourTemplate({ source: 'events', aggregate: 'max', measure: 'value' })).toBe('events.max.value');
  });
});

describe('field, segment and reachability sentences', () => {
  const cases: [ConditionNode, string, string][] = [
    [{ kind: 'attribute', field: 'gender', op: 'in', value: ['female', 'other'] }, 'Gender is Female or Other', '性別が女性またはその他'],
    [{ kind: 'attribute', field: 'region', op: 'not_in', value: ['東京都', '大阪府'] }, 'Prefecture or state is none of 東京都 and 大阪府', '都道府県が東京都、大阪府のいずれでもない'],
    [{ kind: 'computed', field: 'age', op: 'between', value: [20, 29] }, 'Age is between 20 and 29', '年齢が20〜29'],
    [{ kind: 'attribute', field: 'annual_income', op: 'gte', value: 8000000 }, 'Annual income is at least ¥8,000,000', '年収が￥8,000,000以上'],
    [{ kind: 'attribute', field: 'signup_date', op: 'within_last_days', value: 30 }, 'Signup date is in the last 30 days', '入会日が過去30日以内'],
    [{ kind: 'attribute', field: 'birth_date', op: 'before', value: '1990-04-01' }, 'Birth date is before Apr 1, 1990', '生年月日が1990/04/01より前'],
    [{ kind: 'attribute', field: 'interests', op: 'contains_all', value: ['beauty', 'travel'] }, 'Interests include beauty and travel', '興味・関心にbeauty、travelをすべて含む'],
    [{ kind: 'attribute', field: 'email_opt_in', op: 'is_true' }, 'Email opt-in: yes', 'メール配信の同意:はい'],
    [{ kind: 'attribute', field: 'city', op: 'is_not_set' }, 'City is not set', '市区町村が未設定'],
    [{ kind: 'computed', field: 'aov', op: 'gte' }, 'Average order value is at least …', '平均注文金額が…以上'],
    [{ kind: 'segment', op: 'not_in', segmentId: 's1' }, 'is not in segment “VIP”', 'セグメント「VIP」に含まれない'],
    [{ kind: 'reachability', channel: 'line' }, 'can be reached by LINE', 'LINEで連絡できる'],
  ];

  it.each(cases)('%j', async (node, en, ja) => {
    expect(conditionSentence(await testPhrasebook('en', { s1: 'VIP' }), node)).toBe(en);
    expect(conditionSentence(await testPhrasebook('ja', { s1: 'VIP' }), node)).toBe(ja);
  });

  it('shows an unknown field by its id and an unknown segment by its id', async () => {
    const en = await testPhrasebook('en');
    expect(conditionSentence(en, { kind: 'attribute', field: 'custom:shoe_size', op: 'eq', value: 24 })).toBe('custom:shoe_size is 24');
    expect(conditionSentence(en, { kind: 'segment', op: 'in', segmentId: 'abc' })).toBe('is in segment “abc”');
  });
});

describe('groups and whole rules', () => {
  it('names groups by combinator and negation', async () => {
    const en = await testPhrasebook('en');
    expect([groupPhrase(en, 'and', false), groupPhrase(en, 'or', false), groupPhrase(en, 'and', true), groupPhrase(en, 'or', true)]).toEqual([
      'All of',
      'Any of',
      'Not all of',
      'None of',
    ]);
  });

  it('reads a nested rule on one line', async () => {
    const rule: SegmentRule = {
      version: 1,
      kind: 'group',
      combinator: 'and',
      children: [
        { kind: 'attribute', field: 'gender', op: 'eq', value: 'female' },
        { kind: 'group', combinator: 'or', negate: true, children: [{ kind: 'reachability', channel: 'email' }, { kind: 'reachability', channel: 'sms' }] },
      ],
    };
    expect(ruleSentence(await testPhrasebook('en'), rule)).toBe('Gender is Female and (not (can be reached by Email or can be reached by SMS))');
  });
});
