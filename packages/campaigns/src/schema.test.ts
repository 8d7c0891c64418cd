import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationMessage } from './messages';
import { createCampaignInput, offer, updateCampaignInput, type CreateCampaignInput } from './schema';

const valid: CreateCampaignInput = {
  name: 'Spring win-back',
  goal: 'win_back',
  channel: 'email',
  startDate: '2025-04-01',
  endDate: '2025-04-30',
  offers: [{ kind: 'percent_discount', id: 'a', label: '10% off', percent: 10, couponCode: 'SPRING10', costPerRedemption: 500, redemptionRatePercent: 8 }],
  holdoutPercent: 10,
  content: { subject: 'We miss you', body: 'Come back for {offer} with {coupon_code}.' },
  marks: { segmentation: true, personalization: false },
};

/** Messages by dotted path, as a form would show them beside each field. */
function errorsOf(input: unknown): Record<string, string[]> {
  const result = createCampaignInput.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('createCampaignInput', () => {
  it('accepts a complete campaign and an open-ended one', () => {
    expect(createCampaignInput.parse(valid)).toMatchObject({ name: 'Spring win-back', endDate: '2025-04-30' });
    expect(createCampaignInput.parse({ ...valid, endDate: null }).endDate).toBeNull();
  });

  it('puts each error on its field', () => {
    expect(
      errorsOf({
        ...valid,
        name: ' ',
        startDate: '2025-02-30',
        holdoutPercent: 60,
        offers: [valid.offers[0], { ...valid.offers[0], id: 'b', percent: 0 }],
      }),
    ).toEqual({
      name: ['Enter a name'],
      startDate: ['Enter a date as YYYY-MM-DD'],
      holdoutPercent: ['At most 50'],
      'offers.1.percent': ['More than 0'],
    });
  });

  it('fails cleanly, never throws, on input of the wrong shape', () => {
    for (const input of [null, {}, { ...valid, offers: 'x' }, { ...valid, offers: [{ kind: 'bogus' }] }, { ...valid, content: null }, { ...valid, marks: [] }]) {
      expect(createCampaignInput.safeParse(input).success).toBe(false);
    }
  });

  it('checks fields against each other', () => {
    expect(errorsOf({ ...valid, endDate: '2025-03-01' })).toEqual({ endDate: ['The end date is before the start date'] });
    expect(errorsOf({ ...valid, offers: [valid.offers[0], valid.offers[0]] })).toEqual({ 'offers.1.id': ['Offer id "a" is used twice'] });
    expect(errorsOf({ ...valid, content: { ...valid.content, subject: '' } })).toEqual({ 'content.subject': ['An email needs a subject'] });
    expect(errorsOf({ ...valid, channel: 'sms', content: { ...valid.content, subject: '' } })).toEqual({});
    expect(errorsOf({ ...valid, content: { subject: 'Hi {frist_name}', body: 'x' } })['content.subject']).toEqual([
      expect.stringContaining('Unknown token {frist_name}'),
    ]);
  });

  it('keeps the marks truthful: personalized exactly when the content uses a personal token', () => {
    expect(errorsOf({ ...valid, marks: { segmentation: false, personalization: false } })).toEqual({
      marks: ['Mark the campaign as segmentation-targeted, personalized, or both'],
    });
    expect(errorsOf({ ...valid, marks: { segmentation: true, personalization: true } })).toEqual({
      'content.body': ['A personalized campaign uses at least one personal token such as {first_name}'],
    });
    expect(errorsOf({ ...valid, content: { subject: '{first_name}, hi', body: 'x' } })).toEqual({
      'marks.personalization': ['The content uses {first_name}: mark it as personalized'],
    });
    expect(errorsOf({ ...valid, marks: { segmentation: false, personalization: true }, content: { subject: '{first_name}, hi', body: 'x' } })).toEqual({});
  });

  it('requires an id to update and applies the same checks', () => {
    expect(updateCampaignInput.safeParse(valid).success).toBe(false);
    const bad = updateCampaignInput.safeParse({ ...valid, id: 'c1', endDate: '2025-01-01' });
    expect(bad.success).toBe(false);
    expect(z.flattenError(bad.error!).fieldErrors).toEqual({ endDate: ['The end date is before the start date'] });
  });
});

describe('offer', () => {
  it('validates each kind’s own fields', () => {
    const base = { id: 'x', label: 'X', costPerRedemption: 0, redemptionRatePercent: 0 };
    expect(offer.safeParse({ ...base, kind: 'coupon' }).success).toBe(false);
    expect(offer.safeParse({ ...base, kind: 'coupon', couponCode: 'OK_1' }).success).toBe(true);
    expect(offer.safeParse({ ...base, kind: 'fixed_discount', amount: 12.5 }).success).toBe(false);
    expect(offer.safeParse({ ...base, kind: 'points', points: 100, costPerRedemption: -1 }).success).toBe(false);
    expect(offer.safeParse({ ...base, kind: 'gift', gift: 'mug', id: 'Bad Id' }).success).toBe(false);
    expect(offer.safeParse({ ...base, kind: 'free_shipping', couponCode: 'no spaces' }).success).toBe(false);
  });
});

describe('validationMessage', () => {
  it('fills the placeholders of the keyed English text', () => {
    expect(validationMessage('offerIdTwice', { id: 'a' })).toBe('Offer id "a" is used twice');
    expect(validationMessage('atMostCharacters', { n: '5,000' })).toBe('At most 5,000 characters');
    expect(validationMessage('enterName')).toBe('Enter a name');
  });
});
