// Personalization preview: the campaign's (or a draft's) subject and body rendered for one customer of the
// target, with every token's value and whether it fell back. The target is one segment, else the
// campaign's assigned segments, else everyone; without a customer id the first of an even sample is used.
import { renderContent, tokensUsed, tokenValues, validationMessage, type ContentToken, type Offer, type PreviewInput } from '@kizuna/campaigns';
import { getSettings, listMatrixCells, type KizunaDb, type Role } from '@kizuna/db';
import { Bitset } from '@kizuna/segments';
import { DomainError, NotFoundError, ValidationError } from '../../errors';
import { canSeePii, maskName } from '../../pii';
import { getSegmentEngine, type SegmentEngine } from '../segments/engine';
import { createPersonalizer } from './personalization';
import { getCampaign } from './service';

const SAMPLE_SIZE = 10;

export interface PreviewResult {
  /** Null when the target is empty. */
  customerId: string | null;
  inTarget: boolean;
  target: { kind: 'segment' | 'campaign' | 'everyone'; size: number };
  /** Up to 10 members spread evenly over the target, to step through. */
  sample: string[];
  offerId: string | null;
  subject: string;
  body: string;
  tokens: { token: ContentToken; value: string; fallback: boolean }[];
  /** True when first names were masked for the caller's role. */
  piiMasked: boolean;
}

interface Target {
  kind: PreviewResult['target']['kind'];
  members: Bitset;
  /** The campaign's cells in segment priority order, with members, to find a customer's offer. */
  cells: { offerId: string; members: Bitset }[];
}

async function membersOrNull(engine: SegmentEngine, segmentId: string): Promise<Bitset | null> {
  try {
    return await engine.membersOf(segmentId);
  } catch (err) {
    // A deleted or no longer valid segment just drops out of the target.
    if (err instanceof DomainError) return null;
    throw err;
  }
}

async function resolveTarget(db: KizunaDb, engine: SegmentEngine, input: PreviewInput): Promise<Target> {
  if (input.segmentId) {
    const members = await engine.membersOf(input.segmentId);
    return { kind: 'segment', members, cells: [] };
  }
  const assigned = input.campaignId ? (await listMatrixCells(db)).filter((c) => c.campaignId === input.campaignId) : [];
  if (assigned.length === 0) return { kind: 'everyone', members: Bitset.full(engine.data.size), cells: [] };
  const members = new Bitset(engine.data.size);
  const cells: Target['cells'] = [];
  for (const c of assigned) {
    const bits = await membersOrNull(engine, c.segmentId);
    if (!bits) continue;
    members.orInPlace(bits);
    cells.push({ offerId: c.offerId, members: bits });
  }
  return { kind: 'campaign', members, cells };
}

export async function previewCampaign(db: KizunaDb, role: Role, input: PreviewInput): Promise<PreviewResult> {
  const campaign = input.campaignId ? await getCampaign(db, input.campaignId) : null;
  const content = input.content ?? campaign!.content;
  const offers: Offer[] = input.offers ?? campaign?.offers ?? [];
  const engine = await getSegmentEngine(db);
  const target = await resolveTarget(db, engine, input);
  const sampled = target.members.sampleEvenly(SAMPLE_SIZE);
  const sample = sampled.map((i) => engine.customerIds[i]!);

  let customerId: string | null = sample[0] ?? null;
  let index = sampled[0] ?? -1;
  if (input.customerId !== undefined) {
    index = engine.customerIds.indexOf(input.customerId);
    if (index < 0) throw new NotFoundError(validationMessage('noCustomer', { id: input.customerId }));
    customerId = input.customerId;
  }
  const inTarget = index >= 0 && target.members.has(index);

  let offer: Offer | null;
  if (input.offerId !== undefined) {
    offer = offers.find((o) => o.id === input.offerId) ?? null;
    if (!offer) throw new ValidationError(`No offer "${input.offerId}" in this campaign`, { offerId: ['Pick one of the campaign’s offers'] });
  } else {
    const cellOffer = index >= 0 ? target.cells.find((c) => c.members.has(index))?.offerId : undefined;
    offer = offers.find((o) => o.id === cellOffer) ?? offers[0] ?? null;
  }

  const masked = !canSeePii(role);
  const tokens = tokensUsed(content.subject, content.body);
  const { currency } = await getSettings(db);
  let values = tokenValues({ firstName: null, city: null, birthDate: null, locale: null, recommendedProducts: [], favoriteLowStock: [] }, offer, currency);
  if (customerId !== null) {
    const personalizer = await createPersonalizer(db, engine.data.asOfDay, tokens);
    const found = (await personalizer.load([customerId])).get(customerId)!;
    values = tokenValues(found.data, offer, currency);
    if (masked) values.first_name = maskName(values.first_name);
  }
  const rendered = renderContent(content, values);
  return {
    customerId,
    inTarget,
    target: { kind: target.kind, size: target.members.count() },
    sample,
    offerId: offer?.id ?? null,
    ...rendered,
    piiMasked: masked,
  };
}
