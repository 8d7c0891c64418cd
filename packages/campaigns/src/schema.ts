// The campaign and offer schemas: one zod value per input, shared by the server's procedures and the web's
// forms. Cross-field rules (dates in order, unique offer ids, marks that match the content) report the path of
// the field they concern, so a form shows each message beside its field.
import { z } from 'zod';
import { channels, type Channel } from '@kizuna/segments';
import { validationMessage as m } from './messages';
import { templateLanguages } from './templates';
import { findTokenProblems, personalTokensUsed } from './tokens';

export { channels, type Channel };

export const campaignGoals = [
  'welcome',
  'cross_sell',
  'upsell',
  'win_back',
  'loyalty',
  'birthday',
  'low_stock_alert',
  'local_experience',
  'engagement',
] as const;
export type CampaignGoal = (typeof campaignGoals)[number];

export const offerKinds = ['percent_discount', 'fixed_discount', 'coupon', 'free_shipping', 'points', 'gift', 'none'] as const;
export type OfferKind = (typeof offerKinds)[number];

const isoDateText = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date `YYYY-MM-DD` (2024-02-30 is refused). */
export const isoDate = z.string().refine((s) => isoDateText.test(s) && isCalendarDate(s), { message: m('dateFormat') });

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Money in minor units of the workspace currency: never fractions, never negative. */
const minorUnits = z.number().int(m('wholeMinorUnits')).min(0, m('notNegative')).max(1e12);

const offerCommon = {
  /** Stable within its campaign: matrix cells point at it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, m('offerIdFormat')),
  label: z.string().trim().min(1, m('enterLabel')).max(100),
  couponCode: z
    .string()
    .trim()
    .max(40)
    .regex(/^[A-Za-z0-9_-]*$/, m('couponCharacters'))
    .optional(),
  /** What one redemption costs the business (discount given, gift, shipping), for estimates. */
  costPerRedemption: minorUnits,
  /** Expected share of treated customers who redeem, in percent; estimates multiply by it. */
  redemptionRatePercent: z.number().min(0, m('atLeast', { n: 0 })).max(100, m('atMost', { n: 100 })),
};

export const offer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent_discount'), ...offerCommon, percent: z.number().gt(0, m('moreThan', { n: 0 })).max(100, m('atMost', { n: 100 })) }),
  z.object({ kind: z.literal('fixed_discount'), ...offerCommon, amount: minorUnits.min(1, m('moreThan', { n: 0 })) }),
  z.object({ kind: z.literal('coupon'), ...offerCommon, couponCode: offerCommon.couponCode.unwrap().min(1, m('enterCouponCode')) }),
  z.object({ kind: z.literal('free_shipping'), ...offerCommon }),
  z.object({ kind: z.literal('points'), ...offerCommon, points: z.number().int().min(1, m('atLeastPoints', { n: 1 })).max(1e9) }),
  z.object({ kind: z.literal('gift'), ...offerCommon, gift: z.string().trim().min(1, m('describeGift')).max(200) }),
  z.object({ kind: z.literal('none'), ...offerCommon }),
]);
export type Offer = z.infer<typeof offer>;

export const campaignContent = z.object({
  /** Email subject or push title; SMS and LINE messages have none. */
  subject: z.string().max(200, m('atMostCharacters', { n: 200 })),
  body: z.string().trim().min(1, m('writeMessage')).max(5000, m('atMostCharacters', { n: '5,000' })),
});
export type CampaignContent = z.infer<typeof campaignContent>;

/** How the seed table classifies an idea: it targets segments, personalizes content, or both. */
export const campaignMarks = z.object({ segmentation: z.boolean(), personalization: z.boolean() });
export type CampaignMarks = z.infer<typeof campaignMarks>;

const campaignFields = {
  name: z.string().trim().min(1, m('enterName')).max(200, m('atMostCharacters', { n: 200 })),
  goal: z.enum(campaignGoals),
  channel: z.enum(channels),
  startDate: isoDate,
  /** null: runs until stopped (a welcome or birthday series). */
  endDate: isoDate.nullable(),
  offers: z.array(offer).min(1, m('addOffer')).max(10, m('atMostOffers', { n: 10 })),
  /** Share of the final audience kept as a control group that receives nothing. */
  holdoutPercent: z.number().min(0, m('atLeast', { n: 0 })).max(50, m('atMost', { n: 50 })),
  content: campaignContent,
  marks: campaignMarks,
  templateId: z.string().max(60).nullable().optional(),
};

type CampaignFields = z.infer<z.ZodObject<typeof campaignFields>>;

function checkCampaign(c: CampaignFields, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (c.endDate !== null && c.endDate < c.startDate) issue(['endDate'], m('endBeforeStart'));
  const seen = new Set<string>();
  c.offers.forEach((o, i) => {
    if (seen.has(o.id)) issue(['offers', i, 'id'], m('offerIdTwice', { id: o.id }));
    seen.add(o.id);
  });
  if (c.channel === 'email' && c.content.subject.trim() === '') issue(['content', 'subject'], m('emailNeedsSubject'));
  for (const field of ['subject', 'body'] as const) {
    for (const problem of findTokenProblems(c.content[field])) issue(['content', field], problem);
  }
  if (!c.marks.segmentation && !c.marks.personalization) {
    issue(['marks'], m('markCampaign'));
  }
  const personal = personalTokensUsed(c.content);
  if (c.marks.personalization && personal.length === 0) {
    issue(['content', 'body'], m('personalNeedsToken'));
  }
  if (!c.marks.personalization && personal.length > 0) {
    issue(['marks', 'personalization'], m('markPersonalized', { tokens: personal.map((t) => `{${t}}`).join(', ') }));
  }
}

export const createCampaignInput = z.object(campaignFields).superRefine(checkCampaign);
export type CreateCampaignInput = z.infer<typeof createCampaignInput>;

export const updateCampaignInput = z.object({ id: z.string().min(1), ...campaignFields }).superRefine(checkCampaign);
export type UpdateCampaignInput = z.infer<typeof updateCampaignInput>;

/** A stored campaign as the API returns it. */
export interface Campaign extends CreateCampaignInput {
  id: string;
  templateId: string | null;
  archived: boolean;
  /** 1 = highest: who keeps a customer when the weekly frequency cap is reached. */
  priority: number;
  createdAt: string;
  updatedAt: string;
}

export const campaignIdInput = z.object({ id: z.string().min(1) });

export const listCampaignsInput = z.object({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false });

export const archiveCampaignInput = z.object({ id: z.string().min(1), archived: z.boolean() });

export const createFromTemplateInput = z.object({
  templateId: z.string().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  startDate: isoDate,
  /** Omitted: the template's duration from startDate; null: open-ended. */
  endDate: isoDate.nullable().optional(),
  /** Save the template's segments and assign them to the new campaign in the matrix. */
  createSegments: z.boolean().default(true),
  /** The language of the campaign's texts and its segments' names. */
  language: z.enum(templateLanguages).default('en'),
});

export const listTemplatesInput = z.object({ language: z.enum(templateLanguages).default('en') }).default({ language: 'en' });
export type CreateFromTemplateInput = z.infer<typeof createFromTemplateInput>;

/** Preview a saved campaign, or unsaved content from the form, for one customer of the target. */
export const previewInput = z
  .object({
    campaignId: z.string().min(1).optional(),
    /** Unsaved content to render instead of the campaign's (the form previews while editing). */
    content: campaignContent.optional(),
    /** Unsaved offers, for a campaign not saved yet. */
    offers: z.array(offer).max(10).optional(),
    /** Render with this offer variant (default: the one of the customer's cell, else the first). */
    offerId: z.string().min(1).optional(),
    /** Restrict the target to one segment (default: the campaign's assigned segments, else everyone). */
    segmentId: z.string().min(1).optional(),
    /** Render for this customer (default: the first of an even sample of the target). */
    customerId: z.string().min(1).max(200).optional(),
  })
  .refine((v) => v.campaignId !== undefined || v.content !== undefined, {
    message: m('pickPreviewSource'),
    path: ['content'],
  });
export type PreviewInput = z.infer<typeof previewInput>;
