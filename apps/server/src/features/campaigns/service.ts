// Campaign CRUD: inputs arrive validated by the shared schemas; records are stored with day numbers and JSON,
// returned with ISO dates. Every change is audited in the same transaction as the change itself.
import { campaignContent, offer, validationMessage, type Campaign, type CreateCampaignInput, type UpdateCampaignInput } from '@kizuna/campaigns';
import {
  dateFromDay,
  dayFromDate,
  getCampaignRecord,
  insertCampaign,
  listCampaignRecords,
  listMatrixCells,
  setCampaignArchived,
  updateCampaignRecord,
  withTransaction,
  writeAudit,
  type CampaignRecord,
  type CampaignValues,
  type KizunaDb,
} from '@kizuna/db';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { SessionUser } from '../../context';
import { NotFoundError, ValidationError } from '../../errors';

export type Actor = Pick<SessionUser, 'id' | 'email'>;

export const auditUser = (actor: Actor) => ({ userId: actor.id, userEmail: actor.email });

const storedOffers = z.array(offer);

/** A stored record as the API returns it. Offers and content were validated on the way in. */
export function toCampaign(r: CampaignRecord): Campaign {
  return {
    id: r.id,
    name: r.name,
    goal: r.goal as Campaign['goal'],
    channel: r.channel as Campaign['channel'],
    startDate: dateFromDay(r.startDay),
    endDate: r.endDay === null ? null : dateFromDay(r.endDay),
    offers: storedOffers.parse(r.offers),
    holdoutPercent: r.holdoutPercent,
    content: campaignContent.parse(r.content),
    marks: { segmentation: r.segmentation, personalization: r.personalization },
    templateId: r.templateId,
    archived: r.archived,
    priority: r.priority,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function toValues(input: CreateCampaignInput): CampaignValues {
  return {
    name: input.name,
    goal: input.goal,
    channel: input.channel,
    startDay: dayFromDate(input.startDate),
    endDay: input.endDate === null ? null : dayFromDate(input.endDate),
    holdoutPercent: input.holdoutPercent,
    segmentation: input.marks.segmentation,
    personalization: input.marks.personalization,
    offers: input.offers,
    content: input.content,
    templateId: input.templateId ?? null,
  };
}

export interface CampaignListItem extends Campaign {
  /** Segments assigned to it in the matrix. */
  assignedSegments: number;
}

export async function listCampaigns(db: KizunaDb, input: { includeArchived: boolean }): Promise<CampaignListItem[]> {
  const records = await listCampaignRecords(db, input);
  const cells = await listMatrixCells(db);
  return records.map((r) => ({ ...toCampaign(r), assignedSegments: cells.filter((c) => c.campaignId === r.id).length }));
}

export async function getCampaign(db: KizunaDb, id: string): Promise<Campaign> {
  const r = await getCampaignRecord(db, id);
  if (!r) throw new NotFoundError('No such campaign');
  return toCampaign(r);
}

export async function createCampaign(db: KizunaDb, actor: Actor, input: CreateCampaignInput, action = 'campaign.create'): Promise<Campaign> {
  const id = randomUUID();
  const record = await withTransaction(db, async (tx) => {
    const r = await insertCampaign(tx, toValues(input), { id, userId: actor.id });
    await writeAudit(tx, {
      action,
      entityType: 'campaign',
      entityId: id,
      ...auditUser(actor),
      details: { name: r.name, channel: r.channel, templateId: r.templateId, priority: r.priority },
    });
    return r;
  });
  return toCampaign(record);
}

/** Replaces the campaign's fields; an offer variant still assigned in the matrix cannot be removed. */
export async function updateCampaign(db: KizunaDb, actor: Actor, input: UpdateCampaignInput): Promise<Campaign> {
  const before = await getCampaign(db, input.id);
  const offerIds = new Set(input.offers.map((o) => o.id));
  const orphaned = (await listMatrixCells(db)).filter((c) => c.campaignId === input.id && !offerIds.has(c.offerId));
  if (orphaned.length > 0) {
    const ids = [...new Set(orphaned.map((c) => c.offerId))];
    const message = validationMessage('offerAssigned', { offers: ids.map((o) => `"${o}"`).join(', '), count: orphaned.length });
    throw new ValidationError(message, { offers: [message] });
  }
  const { id, ...fields } = input;
  const record = await withTransaction(db, async (tx) => {
    // An edit that does not mention the template keeps the campaign's link to it.
    const values = toValues({ ...fields, templateId: fields.templateId === undefined ? before.templateId : fields.templateId });
    const r = await updateCampaignRecord(tx, id, values, { userId: actor.id });
    if (!r) throw new NotFoundError('No such campaign');
    const after = toCampaign(r);
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
    await writeAudit(tx, { action: 'campaign.update', entityType: 'campaign', entityId: id, ...auditUser(actor), details: { name: r.name, changed } });
    return r;
  });
  return toCampaign(record);
}

/** Archived campaigns leave the matrix (their cells are kept for when they come back). */
export async function archiveCampaign(db: KizunaDb, actor: Actor, input: { id: string; archived: boolean }): Promise<Campaign> {
  const record = await withTransaction(db, async (tx) => {
    const r = await setCampaignArchived(tx, input.id, input.archived, { userId: actor.id });
    if (!r) throw new NotFoundError('No such campaign');
    await writeAudit(tx, {
      action: input.archived ? 'campaign.archive' : 'campaign.unarchive',
      entityType: 'campaign',
      entityId: r.id,
      ...auditUser(actor),
      details: { name: r.name },
    });
    return r;
  });
  return toCampaign(record);
}
