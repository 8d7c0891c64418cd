import { describe, expect, it } from 'vitest';
import { offer, type Offer } from '@kizuna/campaigns';
import { previewRequest, type PreviewSource } from './preview';

const isOffer = (o: unknown): o is Offer => offer.safeParse(o).success;
const good = { kind: 'none' as const, id: 'main', label: 'Main', costPerRedemption: 0, redemptionRatePercent: 0 };
const draft = (body: string, offers = [good]): PreviewSource => ({ kind: 'draft', content: { subject: 'Hi', body }, offers });
const nobody = { customerId: '', segmentId: '' };

describe('previewRequest', () => {
  it('sends nothing for a draft without a message', () => {
    expect(previewRequest(draft('  '), nobody, isOffer)).toBeNull();
  });
  it('sends a draft’s content and complete offers', () => {
    expect(previewRequest(draft('Hello {first_name}'), nobody, isOffer)).toEqual({ content: { subject: 'Hi', body: 'Hello {first_name}' }, offers: [good] });
  });
  it('leaves out half-typed offers so the server uses the stored ones (or none)', () => {
    const req = previewRequest(draft('Hello', [good, { ...good, id: 'b', costPerRedemption: Number.NaN }]), nobody, isOffer);
    expect(req).not.toHaveProperty('offers');
  });
  it('names the campaign being edited, so its assigned segments are the target', () => {
    const source: PreviewSource = { kind: 'draft', content: { subject: '', body: 'Hello' }, offers: [good], campaignId: 'c1' };
    expect(previewRequest(source, { customerId: ' C-7 ', segmentId: 's1' }, isOffer)).toEqual({
      campaignId: 'c1',
      content: { subject: '', body: 'Hello' },
      offers: [good],
      segmentId: 's1',
      customerId: 'C-7',
    });
  });
  it('asks for a saved campaign as stored, with the chosen segment and customer only when given', () => {
    const saved: PreviewSource = { kind: 'saved', campaignId: 'c1' };
    expect(previewRequest(saved, nobody, isOffer)).toEqual({ campaignId: 'c1' });
    expect(previewRequest(saved, { customerId: 'C-1', segmentId: '' }, isOffer)).toEqual({ campaignId: 'c1', customerId: 'C-1' });
    expect(previewRequest(saved, { customerId: '', segmentId: 's2' }, isOffer)).toEqual({ campaignId: 'c1', segmentId: 's2' });
  });
});
