// Campaign and matrix persistence (see migrations/0004_create_campaigns.sql): campaign rows, matrix cells with
// their priorities, matrix versions (snapshots), and the per-customer reads personalization needs. Offers
// and content are JSON validated by the server before they get here.
import type { Kysely } from 'kysely';
import type { KizunaDb } from './client';
import type { Database, Flag } from './tables';

type Db = Pick<KizunaDb, 'kysely'>;

export interface CampaignsTable {
  id: string;
  name: string;
  goal: string;
  channel: string;
  start_day: number;
  end_day: number | null;
  holdout_percent: number;
  segmentation: Flag;
  personalization: Flag;
  offers: string;
  content: string;
  template_id: string | null;
  priority: number;
  archived: Flag;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface MatrixCellsTable {
  campaign_id: string;
  segment_id: string;
  offer_id: string;
  priority: number;
}

export interface MatrixVersionsTable {
  version: number;
  created_at: string;
  user_id: string | null;
  user_email: string | null;
  change: string;
  summary: string;
  snapshot: string;
}

// A type alias, not an interface: Kysely's withTables needs an index-signature-compatible record.
export type CampaignTables = {
  campaigns: CampaignsTable;
  matrix_cells: MatrixCellsTable;
  matrix_versions: MatrixVersionsTable;
};

export function campaignsKysely(db: Db): Kysely<Database & CampaignTables> {
  return db.kysely.withTables<CampaignTables>();
}

/** What a campaign form edits; offers and content are stored as given (JSON). */
export interface CampaignValues {
  name: string;
  goal: string;
  channel: string;
  startDay: number;
  endDay: number | null;
  holdoutPercent: number;
  segmentation: boolean;
  personalization: boolean;
  offers: unknown;
  content: unknown;
  templateId: string | null;
}

export interface CampaignRecord extends CampaignValues {
  id: string;
  priority: number;
  archived: boolean;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface WriteMeta {
  userId: string | null;
  now?: Date;
}

function toRecord(r: CampaignsTable): CampaignRecord {
  return {
    id: r.id,
    name: r.name,
    goal: r.goal,
    channel: r.channel,
    startDay: Number(r.start_day),
    endDay: r.end_day === null ? null : Number(r.end_day),
    holdoutPercent: Number(r.holdout_percent),
    segmentation: Number(r.segmentation) === 1,
    personalization: Number(r.personalization) === 1,
    offers: JSON.parse(r.offers) as unknown,
    content: JSON.parse(r.content) as unknown,
    templateId: r.template_id,
    priority: Number(r.priority),
    archived: Number(r.archived) === 1,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function valueColumns(v: CampaignValues) {
  return {
    name: v.name,
    goal: v.goal,
    channel: v.channel,
    start_day: v.startDay,
    end_day: v.endDay,
    holdout_percent: v.holdoutPercent,
    segmentation: (v.segmentation ? 1 : 0) as Flag,
    personalization: (v.personalization ? 1 : 0) as Flag,
    offers: JSON.stringify(v.offers),
    content: JSON.stringify(v.content),
    template_id: v.templateId,
  };
}

export async function getCampaignRecord(db: Db, id: string): Promise<CampaignRecord | null> {
  const row = await campaignsKysely(db).selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** By campaign priority (highest first), archived ones only when asked. */
export async function listCampaignRecords(db: Db, options: { includeArchived?: boolean } = {}): Promise<CampaignRecord[]> {
  let q = campaignsKysely(db).selectFrom('campaigns').selectAll();
  if (!options.includeArchived) q = q.where('archived', '=', 0);
  const rows = await q.orderBy('priority').orderBy('created_at').orderBy('id').execute();
  return rows.map(toRecord);
}

/** A new campaign goes last in campaign priority. */
export async function insertCampaign(db: Db, values: CampaignValues, meta: WriteMeta & { id: string }): Promise<CampaignRecord> {
  const at = (meta.now ?? new Date()).toISOString();
  const k = campaignsKysely(db);
  const top = await k.selectFrom('campaigns').select((eb) => eb.fn.max('priority').as('p')).executeTakeFirst();
  await k
    .insertInto('campaigns')
    .values({
      id: meta.id,
      ...valueColumns(values),
      priority: Number(top?.p ?? 0) + 1,
      archived: 0,
      created_at: at,
      created_by: meta.userId,
      updated_at: at,
      updated_by: meta.userId,
    })
    .execute();
  return (await getCampaignRecord(db, meta.id))!;
}

/** Null when there is no such campaign. */
export async function updateCampaignRecord(db: Db, id: string, values: CampaignValues, meta: WriteMeta): Promise<CampaignRecord | null> {
  const at = (meta.now ?? new Date()).toISOString();
  const res = await campaignsKysely(db)
    .updateTable('campaigns')
    .set({ ...valueColumns(values), updated_at: at, updated_by: meta.userId })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0 ? getCampaignRecord(db, id) : null;
}

export async function setCampaignArchived(db: Db, id: string, archived: boolean, meta: WriteMeta): Promise<CampaignRecord | null> {
  const at = (meta.now ?? new Date()).toISOString();
  const res = await campaignsKysely(db)
    .updateTable('campaigns')
    .set({ archived: archived ? 1 : 0, updated_at: at, updated_by: meta.userId })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0 ? getCampaignRecord(db, id) : null;
}

/** Campaign priority 1, 2, … in this order; campaigns not listed keep their relative order after them. */
export async function setCampaignOrder(db: Db, orderedIds: readonly string[]): Promise<void> {
  const all = await campaignsKysely(db).selectFrom('campaigns').select('id').orderBy('priority').orderBy('created_at').orderBy('id').execute();
  const known = new Set(all.map((r) => r.id));
  const listed = orderedIds.filter((id) => known.has(id));
  const listedSet = new Set(listed);
  const order = [...listed, ...all.map((r) => r.id).filter((id) => !listedSet.has(id))];
  const k = campaignsKysely(db);
  for (const [i, id] of order.entries()) await k.updateTable('campaigns').set({ priority: i + 1 }).where('id', '=', id).execute();
}

export interface MatrixCellRecord {
  campaignId: string;
  segmentId: string;
  offerId: string;
  /** Segment priority within the campaign, 1 = highest. */
  priority: number;
}

/** Every cell, by campaign then segment priority. */
export async function listMatrixCells(db: Db): Promise<MatrixCellRecord[]> {
  const rows = await campaignsKysely(db)
    .selectFrom('matrix_cells')
    .selectAll()
    .orderBy('campaign_id')
    .orderBy('priority')
    .orderBy('segment_id')
    .execute();
  return rows.map((r) => ({ campaignId: r.campaign_id, segmentId: r.segment_id, offerId: r.offer_id, priority: Number(r.priority) }));
}

/** Assigns (or re-assigns) an offer variant; a new cell goes last in the campaign's segment priority. */
export async function upsertMatrixCell(db: Db, cell: { campaignId: string; segmentId: string; offerId: string }): Promise<void> {
  const k = campaignsKysely(db);
  const res = await k
    .updateTable('matrix_cells')
    .set({ offer_id: cell.offerId })
    .where('campaign_id', '=', cell.campaignId)
    .where('segment_id', '=', cell.segmentId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) > 0) return;
  const top = await k
    .selectFrom('matrix_cells')
    .select((eb) => eb.fn.max('priority').as('p'))
    .where('campaign_id', '=', cell.campaignId)
    .executeTakeFirst();
  await k
    .insertInto('matrix_cells')
    .values({ campaign_id: cell.campaignId, segment_id: cell.segmentId, offer_id: cell.offerId, priority: Number(top?.p ?? 0) + 1 })
    .execute();
}

/** Removes a cell and closes the gap in its campaign's priorities; false when there was none. */
export async function deleteMatrixCell(db: Db, campaignId: string, segmentId: string): Promise<boolean> {
  const k = campaignsKysely(db);
  const res = await k.deleteFrom('matrix_cells').where('campaign_id', '=', campaignId).where('segment_id', '=', segmentId).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) return false;
  const rest = await k.selectFrom('matrix_cells').select('segment_id').where('campaign_id', '=', campaignId).orderBy('priority').execute();
  await setSegmentOrder(db, campaignId, rest.map((r) => r.segment_id));
  return true;
}

/** Segment priority 1, 2, … within a campaign, in this order (the caller passes every assigned segment). */
export async function setSegmentOrder(db: Db, campaignId: string, segmentIds: readonly string[]): Promise<void> {
  const k = campaignsKysely(db);
  for (const [i, segmentId] of segmentIds.entries()) {
    await k.updateTable('matrix_cells').set({ priority: i + 1 }).where('campaign_id', '=', campaignId).where('segment_id', '=', segmentId).execute();
  }
}

/** The matrix state a version records and a restore brings back. */
export interface MatrixSnapshot {
  /** Campaign ids by campaign priority, highest first. */
  campaignOrder: string[];
  /** By campaign priority, then segment priority. */
  cells: { campaignId: string; segmentId: string; offerId: string }[];
  frequencyCapPerWeek: number;
}

export async function readMatrixSnapshot(db: Db, frequencyCapPerWeek: number): Promise<MatrixSnapshot> {
  const campaigns = await campaignsKysely(db).selectFrom('campaigns').select('id').orderBy('priority').orderBy('created_at').orderBy('id').execute();
  const rank = new Map(campaigns.map((c, i) => [c.id, i]));
  const cells = (await listMatrixCells(db)).sort((a, b) => rank.get(a.campaignId)! - rank.get(b.campaignId)! || a.priority - b.priority);
  return {
    campaignOrder: campaigns.map((c) => c.id),
    cells: cells.map(({ campaignId, segmentId, offerId }) => ({ campaignId, segmentId, offerId })),
    frequencyCapPerWeek,
  };
}

/**
 * Puts cells and campaign priorities back as the snapshot has them. Campaigns created since keep their
 * order after the snapshot's; cells of campaigns that no longer exist are skipped. The cap is the caller's.
 */
export async function writeMatrixSnapshot(db: Db, snapshot: MatrixSnapshot): Promise<void> {
  const k = campaignsKysely(db);
  const existing = new Set((await k.selectFrom('campaigns').select('id').execute()).map((r) => r.id));
  await k.deleteFrom('matrix_cells').execute();
  const rank = new Map<string, number>();
  for (const cell of snapshot.cells) {
    if (!existing.has(cell.campaignId)) continue;
    const priority = (rank.get(cell.campaignId) ?? 0) + 1;
    rank.set(cell.campaignId, priority);
    await k
      .insertInto('matrix_cells')
      .values({ campaign_id: cell.campaignId, segment_id: cell.segmentId, offer_id: cell.offerId, priority })
      .execute();
  }
  await setCampaignOrder(db, snapshot.campaignOrder);
}

export interface MatrixVersionSummary {
  version: number;
  createdAt: string;
  userId: string | null;
  userEmail: string | null;
  /** assign, unassign, reorder_segments, reorder_campaigns, frequency_cap, restore, campaign_created … */
  change: string;
  summary: string;
}

export interface MatrixVersion extends MatrixVersionSummary {
  snapshot: MatrixSnapshot;
}

/** 0 before the first change. */
export async function currentMatrixVersion(db: Db): Promise<number> {
  const row = await campaignsKysely(db).selectFrom('matrix_versions').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/**
 * Records the snapshot as the next version. Two writers racing for the same number on PostgreSQL: the loser
 * gets a primary-key violation (isMatrixVersionRace) and its transaction rolls back.
 */
export async function appendMatrixVersion(
  db: Db,
  entry: { change: string; summary: string; snapshot: MatrixSnapshot; userId: string | null; userEmail: string | null; now?: Date },
): Promise<number> {
  const version = (await currentMatrixVersion(db)) + 1;
  await campaignsKysely(db)
    .insertInto('matrix_versions')
    .values({
      version,
      created_at: (entry.now ?? new Date()).toISOString(),
      user_id: entry.userId,
      user_email: entry.userEmail,
      change: entry.change,
      summary: entry.summary,
      snapshot: JSON.stringify(entry.snapshot),
    })
    .execute();
  return version;
}

/** Newest first. */
export async function listMatrixVersions(db: Db, options: { limit: number }): Promise<MatrixVersionSummary[]> {
  const rows = await campaignsKysely(db)
    .selectFrom('matrix_versions')
    .select(['version', 'created_at', 'user_id', 'user_email', 'change', 'summary'])
    .orderBy('version', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map(toVersionSummary);
}

function toVersionSummary(r: Omit<MatrixVersionsTable, 'snapshot'>): MatrixVersionSummary {
  return { version: Number(r.version), createdAt: r.created_at, userId: r.user_id, userEmail: r.user_email, change: r.change, summary: r.summary };
}

export async function getMatrixVersion(db: Db, version: number): Promise<MatrixVersion | null> {
  const r = await campaignsKysely(db).selectFrom('matrix_versions').selectAll().where('version', '=', version).executeTakeFirst();
  if (!r) return null;
  return { ...toVersionSummary(r), snapshot: JSON.parse(r.snapshot) as MatrixSnapshot };
}

/** The primary-key violation appendMatrixVersion's loser gets (either dialect). */
export function isMatrixVersionRace(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
