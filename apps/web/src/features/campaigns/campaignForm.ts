// The campaign form's values: defaults for a new campaign, switching an offer's kind without losing what the
// kinds share, reading a nested field's error, and the seed-table marks of a campaign or template.
import type { z } from 'zod';
import type { Campaign, CampaignMarks, createCampaignInput, Offer, OfferKind } from '@kizuna/campaigns';

/** What the form holds before validation (numbers may still be NaN while a box is empty). */
export type CampaignFormValues = z.input<typeof createCampaignInput>;
export type OfferValues = CampaignFormValues['offers'][number];

/** The shared schema's limit on offer variants per campaign. */
export const maxOffers = 10;

export function newCampaignValues(startDate: string): CampaignFormValues {
  return {
    name: '',
    goal: 'engagement',
    channel: 'email',
    startDate,
    endDate: null,
    holdoutPercent: 10,
    offers: [{ kind: 'none', id: 'main', label: 'Message only', costPerRedemption: 0, redemptionRatePercent: 0 }],
    content: { subject: '', body: '' },
    marks: { segmentation: true, personalization: false },
    templateId: null,
  };
}

/** A saved campaign as form values: only what the form edits (id, priority and timestamps stay with the record). */
export function campaignToFormValues(c: Pick<Campaign, keyof CampaignFormValues>): CampaignFormValues {
  return {
    name: c.name,
    goal: c.goal,
    channel: c.channel,
    startDate: c.startDate,
    endDate: c.endDate,
    holdoutPercent: c.holdoutPercent,
    // Copies: the form mutates its values, the query cache must not see that.
    offers: c.offers.map((o) => ({ ...o })),
    content: { ...c.content },
    marks: { ...c.marks },
    templateId: c.templateId ?? null,
  };
}

/** A new, empty offer variant whose id no other variant of the campaign uses (`variant-2`, `variant-3`, …). */
export function newOfferVariant(offers: readonly { id: string }[]): OfferValues {
  const taken = new Set(offers.map((o) => o.id));
  let n = offers.length + 1;
  while (taken.has(`variant-${n}`)) n += 1;
  return { kind: 'none', id: `variant-${n}`, label: '', costPerRedemption: 0, redemptionRatePercent: 0 };
}

/** The offer with another kind: shared fields stay, the new kind's own field starts empty or at a sensible value. */
export function withOfferKind(offer: OfferValues, kind: OfferKind): OfferValues {
  const common = {
    id: offer.id,
    label: offer.label,
    costPerRedemption: offer.costPerRedemption,
    redemptionRatePercent: offer.redemptionRatePercent,
    ...(offer.couponCode !== undefined && offer.couponCode !== '' ? { couponCode: offer.couponCode } : {}),
  };
  switch (kind) {
    case 'percent_discount':
      return { ...common, kind, percent: 10 };
    case 'fixed_discount':
      return { ...common, kind, amount: 500 };
    case 'coupon':
      return { ...common, kind, couponCode: common.couponCode ?? '' };
    case 'free_shipping':
      return { ...common, kind };
    case 'points':
      return { ...common, kind, points: 100 };
    case 'gift':
      return { ...common, kind, gift: '' };
    case 'none':
      return { ...common, kind };
  }
}

/** The kind-specific field an offer kind adds, if any (the form shows it next to the kind). */
export function offerExtraField(kind: OfferKind): 'percent' | 'amount' | 'points' | 'gift' | null {
  switch (kind) {
    case 'percent_discount':
      return 'percent';
    case 'fixed_discount':
      return 'amount';
    case 'points':
      return 'points';
    case 'gift':
      return 'gift';
    default:
      return null;
  }
}

/** The message of the error at a dotted path (`offers.0.percent`) of react-hook-form's error tree. */
export function errorAt(errors: unknown, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node && typeof node === 'object' && 'message' in node && typeof node.message === 'string' && node.message !== '') return node.message;
  return undefined;
}

export type MarkKey = keyof CampaignMarks;

/** The marks a campaign carries, in the seed table's column order. */
export function markList(marks: CampaignMarks): MarkKey[] {
  return (['segmentation', 'personalization'] as const).filter((k) => marks[k]);
}

/** An offer's fields for the preview call: only a complete offer is sent (a half-typed one would be refused). */
export function completeOffers(offers: readonly unknown[], isValid: (o: unknown) => o is Offer): Offer[] | undefined {
  const ok = offers.filter(isValid);
  return ok.length === offers.length && ok.length > 0 ? ok : undefined;
}
