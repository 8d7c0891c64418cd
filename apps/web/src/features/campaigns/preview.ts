// What the personalization preview asks the server: a draft (the form's content and offers, maybe of a saved
// campaign being edited) or a saved campaign as stored, optionally for one of its segments and one customer.
import type { Offer } from '@kizuna/campaigns';
import type { CampaignFormValues } from './campaignForm';
import { completeOffers } from './campaignForm';

export type PreviewSource =
  | { kind: 'draft'; content: CampaignFormValues['content']; offers: CampaignFormValues['offers']; campaignId?: string }
  | { kind: 'saved'; campaignId: string };

export interface PreviewChoice {
  customerId: string;
  /** '' = the whole target (the campaign's assigned segments, else everyone). */
  segmentId: string;
}

export interface PreviewRequestBody {
  campaignId?: string;
  content?: CampaignFormValues['content'];
  offers?: Offer[];
  segmentId?: string;
  customerId?: string;
}

/** The preview call for a source and the user's choices; null while a draft has no message to render. */
export function previewRequest(source: PreviewSource, choice: PreviewChoice, isOffer: (o: unknown) => o is Offer): PreviewRequestBody | null {
  const customerId = choice.customerId.trim();
  const segmentId = choice.segmentId.trim();
  const who = { ...(segmentId ? { segmentId } : {}), ...(customerId ? { customerId } : {}) };
  if (source.kind === 'saved') return { campaignId: source.campaignId, ...who };
  if (source.content.body.trim() === '') return null;
  const offers = completeOffers(source.offers, isOffer);
  return {
    ...(source.campaignId ? { campaignId: source.campaignId } : {}),
    content: source.content,
    ...(offers ? { offers } : {}),
    ...who,
  };
}
