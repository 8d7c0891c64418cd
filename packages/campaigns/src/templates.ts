// The template gallery: one campaign for every idea of the seed table, marked exactly as the table marks it.
// Segmentation ideas carry the segments they target, written in the segment rule language, each assigned
// an offer variant. Amounts are written in yen and scaled for currencies with minor units (¥100 → 1.00).
import type { RuleNode, SegmentRule } from '@kizuna/segments';
import { currencyExponent } from './offers';
import type { CampaignMarks, CreateCampaignInput, Offer } from './schema';
import { japaneseTemplateTexts, type TemplateText } from './templates.ja';

/** The languages a template's campaign texts (names, subject, message, offer labels, segment names) come in. */
export const templateLanguages = ['en', 'ja'] as const;
export type TemplateLanguage = (typeof templateLanguages)[number];

export interface TemplateSegment {
  /** Unique within the template. */
  key: string;
  name: string;
  description: string;
  rule: SegmentRule;
  /** The offer variant this segment's cell gets. */
  offerId: string;
}

export interface CampaignTemplate {
  id: string;
  /** The idea as the seed table words it. */
  idea: string;
  description: string;
  marks: CampaignMarks;
  /** The campaign it creates, without dates; `durationDays` null = open-ended. */
  campaign: Omit<CreateCampaignInput, 'startDate' | 'endDate' | 'templateId'>;
  durationDays: number | null;
  segments: TemplateSegment[];
}

const rule = (...children: RuleNode[]): SegmentRule => ({ version: 1, kind: 'group', combinator: 'and', children });

/** A yen amount in minor units of `currency`: as is for zero-decimal currencies, ¥100 ≈ one major unit otherwise. */
export function fromYen(yen: number, currency: string): number {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? yen : Math.round((yen / 100) * 10 ** exponent);
}

const S = { segmentation: true, personalization: false };
const P = { segmentation: false, personalization: true };
const SP = { segmentation: true, personalization: true };

function englishTemplates(currency: string): CampaignTemplate[] {
  const yen = (n: number) => fromYen(n, currency);
  const base = { redemptionRatePercent: 10 };
  const none = (): Offer => ({ kind: 'none', id: 'message', label: 'Message only', costPerRedemption: 0, redemptionRatePercent: 0 });
  const percent = (id: string, label: string, p: number, code: string, avgBasketYen: number): Offer => ({
    kind: 'percent_discount', id, label, percent: p, couponCode: code, costPerRedemption: yen((avgBasketYen * p) / 100), ...base,
  });

  return [
    {
      id: 'product_recommendations',
      idea: 'Product recommendations',
      description: 'Recommend products from each customer’s purchase history and favourite categories.',
      marks: P,
      campaign: {
        name: 'Picked for you', goal: 'cross_sell', channel: 'email', holdoutPercent: 10, marks: P, offers: [none()],
        content: { subject: 'Picked for you: {recommended_products}', body: 'Based on what you love, we think you will like {recommended_products}.' },
      },
      durationDays: 14,
      segments: [],
    },
    {
      id: 'recent_buyers',
      idea: 'Bought in the last 30 days',
      description: 'Thank customers who ordered in the last 30 days and bring them back for a second order.',
      marks: S,
      campaign: {
        name: 'Thank you for your order', goal: 'cross_sell', channel: 'email', holdoutPercent: 10, marks: S,
        offers: [percent('thanks10', '10% off the next order', 10, 'THANKS10', 6000)],
        content: { subject: 'Thank you for shopping with us', body: 'As a thank-you, enjoy {offer} on your next order with code {coupon_code}.' },
      },
      durationDays: 14,
      segments: [{
        key: 'recent_buyers', name: 'Bought in the last 30 days', description: 'At least one order in the last 30 days.', offerId: 'thanks10',
        rule: rule({ kind: 'behaviour', source: 'orders', aggregate: 'count', op: 'gte', value: 1, window: { type: 'last_days', days: 30 } }),
      }],
    },
    {
      id: 'win_back_90',
      idea: 'No purchase in 90 days (win-back)',
      description: 'Win back customers whose last order was more than 90 days ago.',
      marks: S,
      campaign: {
        name: 'We miss you', goal: 'win_back', channel: 'email', holdoutPercent: 10, marks: S,
        offers: [{ kind: 'fixed_discount', id: 'comeback', label: 'Come-back discount', amount: yen(1000), couponCode: 'COMEBACK', costPerRedemption: yen(1000), ...base }],
        content: { subject: 'It has been a while', body: 'We miss you. Come back for {offer} with code {coupon_code}.' },
      },
      durationDays: 21,
      segments: [{
        key: 'lapsed_90', name: 'No purchase in 90 days', description: 'Has ordered before, but not in the last 90 days.', offerId: 'comeback',
        rule: rule({ kind: 'computed', field: 'recency_days', op: 'gt', value: 90 }),
      }],
    },
    {
      id: 'first_name_subject',
      idea: 'First name in the subject',
      description: 'Address every customer by first name in the subject line.',
      marks: P,
      campaign: {
        name: 'New arrivals for you', goal: 'engagement', channel: 'email', holdoutPercent: 5, marks: P, offers: [none()],
        content: { subject: '{first_name}, new arrivals are in', body: 'Hi {first_name}, this season’s new arrivals have just landed. Take a look before they are gone.' },
      },
      durationDays: 7,
      segments: [],
    },
    {
      id: 'content_by_gender',
      idea: 'Content by gender',
      description: 'Show each gender the collection and offer made for it, addressed by first name.',
      marks: SP,
      campaign: {
        name: 'New-season collection', goal: 'cross_sell', channel: 'email', holdoutPercent: 10, marks: SP,
        offers: [percent('women', 'Women’s collection 10% off', 10, 'WOMEN10', 8000), percent('men', 'Men’s collection 10% off', 10, 'MEN10', 8000)],
        content: { subject: '{first_name}, your new-season picks', body: 'Hi {first_name}, enjoy {offer} with code {coupon_code}. Picked for you: {recommended_products}.' },
      },
      durationDays: 14,
      segments: [
        { key: 'women', name: 'Women', description: 'Gender is female.', offerId: 'women', rule: rule({ kind: 'attribute', field: 'gender', op: 'eq', value: 'female' }) },
        { key: 'men', name: 'Men', description: 'Gender is male.', offerId: 'men', rule: rule({ kind: 'attribute', field: 'gender', op: 'eq', value: 'male' }) },
      ],
    },
    {
      id: 'high_income',
      idea: 'High-income customers',
      description: 'Invite high-income customers to the premium line with a gift.',
      marks: S,
      campaign: {
        name: 'Premium collection invitation', goal: 'upsell', channel: 'email', holdoutPercent: 10, marks: S,
        offers: [{ kind: 'gift', id: 'premium_gift', label: 'Gift with a premium purchase', gift: 'a leather card case', costPerRedemption: yen(3000), ...base }],
        content: { subject: 'An invitation to our premium collection', body: 'Discover our premium collection and receive {offer} with your first premium purchase.' },
      },
      durationDays: 30,
      segments: [{
        key: 'high_income', name: 'High income', description: `Annual income of at least ${yen(10_000_000).toLocaleString('en')} (minor units).`, offerId: 'premium_gift',
        rule: rule({ kind: 'attribute', field: 'annual_income', op: 'gte', value: yen(10_000_000) }),
      }],
    },
    {
      id: 'cart_value',
      idea: 'By cart value (AOV)',
      description: 'Reward big baskets with points and nudge small ones with free shipping.',
      marks: S,
      campaign: {
        name: 'Your next order', goal: 'upsell', channel: 'email', holdoutPercent: 10, marks: S,
        offers: [
          { kind: 'points', id: 'big_basket', label: 'Bonus points', points: 1000, costPerRedemption: yen(1000), ...base },
          { kind: 'free_shipping', id: 'small_basket', label: 'Free shipping', couponCode: 'FREESHIP', costPerRedemption: yen(600), ...base },
        ],
        content: { subject: 'Something extra on your next order', body: 'Your next order comes with {offer}. Use code {coupon_code} at checkout.' },
      },
      durationDays: 14,
      segments: [
        { key: 'high_aov', name: 'High cart value', description: 'Average order value of ¥15,000 or more.', offerId: 'big_basket', rule: rule({ kind: 'computed', field: 'aov', op: 'gte', value: yen(15_000) }) },
        { key: 'low_aov', name: 'Small baskets', description: 'Average order value under ¥5,000.', offerId: 'small_basket', rule: rule({ kind: 'computed', field: 'aov', op: 'lt', value: yen(5_000) }) },
      ],
    },
    {
      id: 'low_stock_favorites',
      idea: 'Low-stock alert for favorited items',
      description: 'Tell customers when items they favourited are almost sold out.',
      marks: P,
      campaign: {
        name: 'Your favourites are almost gone', goal: 'low_stock_alert', channel: 'push', holdoutPercent: 5, marks: P, offers: [none()],
        content: { subject: 'Almost sold out', body: 'Hurry: {favorite_low_stock} from your favourites are almost sold out.' },
      },
      durationDays: 7,
      segments: [],
    },
    {
      id: 'loyalty',
      idea: 'Loyalty discounts and promotions',
      description: 'Thank frequent, recent customers with bonus points.',
      marks: S,
      campaign: {
        name: 'Thank you for your loyalty', goal: 'loyalty', channel: 'email', holdoutPercent: 10, marks: S,
        offers: [{ kind: 'points', id: 'loyal_points', label: 'Loyalty points', points: 500, costPerRedemption: yen(500), redemptionRatePercent: 60 }],
        content: { subject: 'A thank-you for our best customers', body: 'You are one of our most loyal customers. We have added {offer} to your account.' },
      },
      durationDays: 30,
      segments: [{
        key: 'loyal', name: 'Loyal customers', description: 'Frequency score 4–5 and recency score 3–5.', offerId: 'loyal_points',
        rule: rule({ kind: 'computed', field: 'f_score', op: 'gte', value: 4 }, { kind: 'computed', field: 'r_score', op: 'gte', value: 3 }),
      }],
    },
    {
      id: 'birthday',
      idea: 'Birthday gifts and coupons',
      description: 'Send a birthday coupon in each customer’s birthday month.',
      marks: P,
      campaign: {
        name: 'Happy birthday', goal: 'birthday', channel: 'email', holdoutPercent: 5, marks: P,
        offers: [percent('birthday15', 'Birthday coupon', 15, 'BDAY15', 6000)],
        content: { subject: 'Happy birthday, {first_name}!', body: 'Your birthday is on {birthday}: celebrate with {offer}, code {coupon_code}, all month long.' },
      },
      durationDays: null,
      segments: [],
    },
    {
      id: 'location_based',
      idea: 'Location-based experiences',
      description: 'Invite customers near a store event, naming their city.',
      marks: SP,
      campaign: {
        name: 'An event near you', goal: 'local_experience', channel: 'line', holdoutPercent: 0, marks: SP,
        offers: [{ kind: 'gift', id: 'event_gift', label: 'Event gift', gift: 'a welcome drink', costPerRedemption: yen(300), redemptionRatePercent: 5 }],
        content: { subject: 'Pop-up store in {city}', body: 'Join our pop-up store in {city} this weekend and receive {offer}.' },
      },
      durationDays: 10,
      segments: [{
        key: 'greater_tokyo', name: 'Greater Tokyo', description: 'Lives in Tokyo, Kanagawa, Chiba or Saitama (edit the region to your event).', offerId: 'event_gift',
        rule: rule({ kind: 'attribute', field: 'region', op: 'in', value: ['東京都', '神奈川県', '千葉県', '埼玉県'] }),
      }],
    },
  ];
}

/** The same template with another language's texts; rules, offers' values, marks and ids stay as they are. */
function withText(t: CampaignTemplate, text: TemplateText | undefined): CampaignTemplate {
  if (!text) return t;
  return {
    ...t,
    campaign: {
      ...t.campaign,
      name: text.name,
      content: { subject: text.subject, body: text.body },
      offers: t.campaign.offers.map((o) => {
        const own = text.offers[o.id];
        if (!own) return o;
        return o.kind === 'gift' && own.gift !== undefined ? { ...o, label: own.label, gift: own.gift } : { ...o, label: own.label };
      }),
    },
    segments: t.segments.map((seg) => ({ ...seg, ...text.segments[seg.key] })),
  };
}

/** One template per idea of the seed table, its amounts in `currency` and its texts in `language`. */
export function campaignTemplates(currency = 'JPY', language: TemplateLanguage = 'en'): CampaignTemplate[] {
  const english = englishTemplates(currency);
  if (language === 'en') return english;
  const texts = japaneseTemplateTexts((yen) => fromYen(yen, currency).toLocaleString('ja'));
  return english.map((t) => withText(t, texts[t.id]));
}

export function findTemplate(id: string, currency = 'JPY', language: TemplateLanguage = 'en'): CampaignTemplate | undefined {
  return campaignTemplates(currency, language).find((t) => t.id === id);
}
