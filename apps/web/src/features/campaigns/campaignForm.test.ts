import { describe, expect, it } from 'vitest';
import { createCampaignInput, offer, type Offer } from '@kizuna/campaigns';
import { campaignToFormValues, completeOffers, errorAt, markList, newCampaignValues, newOfferVariant, offerExtraField, withOfferKind } from './campaignForm';

const isOffer = (o: unknown): o is Offer => offer.safeParse(o).success;

describe('newCampaignValues', () => {
  it('is refused by the shared schema only for what the planner must still write', () => {
    const result = createCampaignInput.safeParse(newCampaignValues('2025-04-01'));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['content.body', 'content.subject', 'name']);
  });
  it('passes once name, subject and body are written', () => {
    const v = newCampaignValues('2025-04-01');
    const filled = { ...v, name: 'Spring', content: { subject: 'Hello', body: 'New arrivals' } };
    expect(createCampaignInput.safeParse(filled).success).toBe(true);
  });
});

describe('withOfferKind', () => {
  const base = { kind: 'none' as const, id: 'main', label: 'L', costPerRedemption: 300, redemptionRatePercent: 5, couponCode: 'CODE' };
  it('keeps the shared fields and adds the new kind’s own one', () => {
    const p = withOfferKind(base, 'percent_discount');
    expect(p).toEqual({ ...base, kind: 'percent_discount', percent: 10 });
    expect(isOffer(p)).toBe(true);
  });
  it('drops the fields of the old kind', () => {
    const gift = withOfferKind(withOfferKind(base, 'points'), 'gift');
    expect(gift).not.toHaveProperty('points');
    expect(gift).toHaveProperty('gift', '');
  });
  it('carries the coupon code into a coupon offer', () => {
    expect(withOfferKind(base, 'coupon')).toMatchObject({ kind: 'coupon', couponCode: 'CODE' });
  });
  it('names the extra field of each kind', () => {
    expect(offerExtraField('percent_discount')).toBe('percent');
    expect(offerExtraField('fixed_discount')).toBe('amount');
    expect(offerExtraField('free_shipping')).toBeNull();
  });
});

describe('errorAt', () => {
  const errors = { offers: [{ percent: { message: 'At most 100', type: 'custom' } }], marks: { message: 'Mark it' }, name: { message: '' } };
  it('finds nested messages by dotted path', () => {
    expect(errorAt(errors, 'offers.0.percent')).toBe('At most 100');
    expect(errorAt(errors, 'marks')).toBe('Mark it');
  });
  it('returns undefined for missing or empty messages', () => {
    expect(errorAt(errors, 'offers.1.percent')).toBeUndefined();
    expect(errorAt(errors, 'name')).toBeUndefined();
    expect(errorAt(undefined, 'name')).toBeUndefined();
  });
});

describe('markList and completeOffers', () => {
  it('lists marks in the seed table’s order', () => {
    expect(markList({ segmentation: true, personalization: true })).toEqual(['segmentation', 'personalization']);
    expect(markList({ segmentation: false, personalization: true })).toEqual(['personalization']);
  });
  it('sends offers only when every one is complete', () => {
    const good = { kind: 'none', id: 'a', label: 'A', costPerRedemption: 0, redemptionRatePercent: 0 };
    expect(completeOffers([good], isOffer)).toEqual([good]);
    expect(completeOffers([good, { ...good, costPerRedemption: Number.NaN }], isOffer)).toBeUndefined();
    expect(completeOffers([], isOffer)).toBeUndefined();
  });
});

describe('campaignToFormValues', () => {
  const saved = {
    id: 'c1',
    name: 'Spring',
    goal: 'win_back' as const,
    channel: 'email' as const,
    startDate: '2025-04-01',
    endDate: '2025-04-30',
    holdoutPercent: 5,
    offers: [{ kind: 'percent_discount' as const, id: 'ten', label: '10% off', percent: 10, costPerRedemption: 500, redemptionRatePercent: 4 }],
    content: { subject: 'Hi {first_name}', body: 'Come back' },
    marks: { segmentation: true, personalization: true },
    templateId: 'win_back_90',
    archived: false,
    priority: 2,
    createdAt: '2025-03-01T00:00:00Z',
    updatedAt: '2025-03-02T00:00:00Z',
    assignedSegments: 3,
  };
  it('keeps exactly the fields the form edits, and the shared schema accepts them unchanged', () => {
    const v = campaignToFormValues(saved);
    expect(Object.keys(v).sort()).toEqual(['channel', 'content', 'endDate', 'goal', 'holdoutPercent', 'marks', 'name', 'offers', 'startDate', 'templateId']);
    expect(createCampaignInput.parse(v)).toEqual(v);
  });
  it('copies offers, content and marks so editing the form never changes the cached record', () => {
    const v = campaignToFormValues(saved);
    v.offers[0]!.label = 'changed';
    v.content.body = 'changed';
    v.marks.segmentation = false;
    expect(saved.offers[0]!.label).toBe('10% off');
    expect(saved.content.body).toBe('Come back');
    expect(saved.marks.segmentation).toBe(true);
  });
});

describe('newOfferVariant', () => {
  it('numbers the new variant after the existing ones, skipping ids already taken', () => {
    expect(newOfferVariant([{ id: 'main' }]).id).toBe('variant-2');
    expect(newOfferVariant([{ id: 'main' }, { id: 'variant-3' }]).id).toBe('variant-4');
  });
  it('starts as a message-only offer whose only gap is its label', () => {
    const v = newOfferVariant([]);
    const result = offer.safeParse(v);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['label']);
    expect(isOffer({ ...v, label: 'Second' })).toBe(true);
  });
});
