import { describe, expect, it } from 'vitest';
import { createRegistry, validateRule } from '@kizuna/segments';
import { createCampaignInput } from './schema';
import { campaignTemplates, findTemplate, fromYen } from './templates';

/** The seed table of DESIGN.md: idea → [segmentation, personalization]. */
const seedTable: [string, boolean, boolean][] = [
  ['Product recommendations', false, true],
  ['Bought in the last 30 days', true, false],
  ['No purchase in 90 days (win-back)', true, false],
  ['First name in the subject', false, true],
  ['Content by gender', true, true],
  ['High-income customers', true, false],
  ['By cart value (AOV)', true, false],
  ['Low-stock alert for favorited items', false, true],
  ['Loyalty discounts and promotions', true, false],
  ['Birthday gifts and coupons', false, true],
  ['Location-based experiences', true, true],
];

describe('campaign templates', () => {
  const templates = campaignTemplates('JPY');

  it('has one template per idea of the seed table, marked exactly as the table marks it', () => {
    expect(templates.map((t) => [t.idea, t.marks.segmentation, t.marks.personalization])).toEqual(seedTable);
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    for (const t of templates) expect(t.campaign.marks).toEqual(t.marks);
  });

  it.each(templates.map((t) => [t.id, t] as const))('%s creates a valid campaign', (_id, t) => {
    const parsed = createCampaignInput.safeParse({ ...t.campaign, startDate: '2025-05-01', endDate: null, templateId: t.id });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it.each(templates.map((t) => [t.id, t] as const))('%s carries a valid segment rule for each targeted segment', (_id, t) => {
    expect(t.segments.length > 0).toBe(t.marks.segmentation);
    const registry = createRegistry();
    const offerIds = t.campaign.offers.map((o) => o.id);
    for (const s of t.segments) {
      expect(validateRule(s.rule, registry, { asOfDay: 20_000 }).map((e) => e.message)).toEqual([]);
      expect(offerIds).toContain(s.offerId);
    }
    expect(new Set(t.segments.map((s) => s.key)).size).toBe(t.segments.length);
  });

  it('scales yen amounts to the workspace currency', () => {
    expect(fromYen(1000, 'JPY')).toBe(1000);
    expect(fromYen(1000, 'USD')).toBe(1000);
    expect(fromYen(1050, 'EUR')).toBe(1050);
    expect(fromYen(1000, 'KWD')).toBe(10_000);
    const usd = findTemplate('high_income', 'USD')!;
    expect(usd.segments[0]!.rule.children[0]).toMatchObject({ field: 'annual_income', op: 'gte', value: 10_000_000 });
    expect(findTemplate('win_back_90', 'KRW')!.campaign.offers[0]).toMatchObject({ amount: 1000 });
    expect(findTemplate('nope')).toBeUndefined();
  });
});

describe('campaign templates in Japanese', () => {
  const english = campaignTemplates('JPY', 'en');
  const japanese = campaignTemplates('JPY', 'ja');
  const japaneseText = /[\u3040-\u30ff\u4e00-\u9fff]/;

  it.each(japanese.map((t) => [t.id, t] as const))('%s creates a valid campaign', (_id, t) => {
    const parsed = createCampaignInput.safeParse({ ...t.campaign, startDate: '2025-05-01', endDate: null, templateId: t.id });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('changes only the texts: ids, marks, rules, offers’ values and durations stay', () => {
    expect(japanese.map((t) => t.id)).toEqual(english.map((t) => t.id));
    japanese.forEach((ja, i) => {
      const en = english[i]!;
      expect(ja.marks).toEqual(en.marks);
      expect(ja.durationDays).toBe(en.durationDays);
      expect({ ...ja.campaign, name: '', content: null, offers: ja.campaign.offers.map((o) => ({ ...o, label: '', gift: '' })) }).toEqual({
        ...en.campaign,
        name: '',
        content: null,
        offers: en.campaign.offers.map((o) => ({ ...o, label: '', gift: '' })),
      });
      expect(ja.segments.map(({ key, rule, offerId }) => ({ key, rule, offerId }))).toEqual(en.segments.map(({ key, rule, offerId }) => ({ key, rule, offerId })));
    });
  });

  it('words every name, message, offer label and segment in Japanese', () => {
    for (const t of japanese) {
      const texts = [t.campaign.name, t.campaign.content.subject, t.campaign.content.body, ...t.campaign.offers.map((o) => o.label), ...t.segments.flatMap((s) => [s.name, s.description])];
      for (const text of texts) expect(text, `${t.id}: ${text}`).toMatch(japaneseText);
      for (const o of t.campaign.offers) if (o.kind === 'gift') expect(o.gift).toMatch(japaneseText);
    }
  });

  it('gives every personal token a Japanese fallback, so a missing value never reads in English', () => {
    for (const t of japanese) {
      const { subject, body } = t.campaign.content;
      for (const m of `${subject} ${body}`.matchAll(/\{(first_name|city|birthday|recommended_products|favorite_low_stock)(\|[^}]*)?\}/g)) {
        expect(m[2], `${t.id}: ${m[0]}`).toMatch(japaneseText);
      }
    }
  });

  it('finds a template in a language', () => {
    expect(findTemplate('loyalty', 'JPY', 'ja')!.campaign.name).toBe('いつもありがとうございます');
    expect(findTemplate('loyalty', 'JPY')!.campaign.name).toBe('Thank you for your loyalty');
  });
});
