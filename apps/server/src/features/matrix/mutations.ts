// Changes to the matrix: assignments, segment and campaign priorities, the weekly frequency cap, restores.
// Each runs in one transaction that applies the change, records the whole matrix as the next version and
// writes the audit entry; a `baseVersion` older than the current version is refused as a conflict.
import {
  matrixSummary,
  type AssignCellInput,
  type ReorderCampaignsInput,
  type ReorderSegmentsInput,
  type RestoreMatrixInput,
  type SetFrequencyCapInput,
  type UnassignCellInput,
} from '@kizuna/campaigns';
import {
  appendMatrixVersion,
  currentMatrixVersion,
  deleteMatrixCell,
  getCampaignRecord,
  getMatrixVersion,
  getSavedSegment,
  getSettings,
  isMatrixVersionRace,
  listCampaignRecords,
  listMatrixCells,
  readMatrixSnapshot,
  setCampaignOrder,
  setSegmentOrder,
  updateSettings,
  upsertMatrixCell,
  withTransaction,
  writeAudit,
  writeMatrixSnapshot,
  type KizunaDb,
} from '@kizuna/db';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { auditUser, toCampaign, type Actor } from '../campaigns/service';

export interface MatrixChange {
  /** The matrix version this change created. */
  version: number;
}

interface Change {
  /** Short machine name, also the audit action's suffix: matrix.<change>. */
  change: string;
  summary: string;
  details: Record<string, unknown>;
}

/** Runs `apply` and records the result as a new version, all or nothing. */
async function versioned(db: KizunaDb, actor: Actor, baseVersion: number | undefined, apply: (tx: KizunaDb) => Promise<Change>): Promise<MatrixChange> {
  try {
    return await withTransaction(db, async (tx) => {
      const current = await currentMatrixVersion(tx);
      if (baseVersion !== undefined && baseVersion !== current) {
        throw new ConflictError(`The matrix was changed by someone else (now version ${current}, you edited version ${baseVersion}): reload it`);
      }
      const change = await apply(tx);
      const snapshot = await readMatrixSnapshot(tx, (await getSettings(tx)).frequencyCapPerWeek);
      const version = await appendMatrixVersion(tx, { change: change.change, summary: change.summary, snapshot, ...auditUser(actor) });
      await writeAudit(tx, {
        action: `matrix.${change.change}`,
        entityType: 'matrix',
        entityId: String(version),
        ...auditUser(actor),
        details: { version, summary: change.summary, ...change.details },
      });
      return { version };
    });
  } catch (err) {
    if (isMatrixVersionRace(err)) throw new ConflictError('The matrix was changed by someone else at the same moment: reload it');
    throw err;
  }
}

async function activeCampaign(db: KizunaDb, id: string) {
  const r = await getCampaignRecord(db, id);
  if (!r) throw new NotFoundError('No such campaign');
  if (r.archived) throw new ValidationError(`"${r.name}" is archived: restore it before changing its assignments`, { campaignId: ['The campaign is archived'] });
  return toCampaign(r);
}

export async function assignCell(db: KizunaDb, actor: Actor, input: AssignCellInput): Promise<MatrixChange> {
  const campaign = await activeCampaign(db, input.campaignId);
  const segment = await getSavedSegment(db, input.segmentId);
  if (!segment || segment.deletedAt !== null) throw new NotFoundError('No such segment');
  const offer = campaign.offers.find((o) => o.id === input.offerId);
  if (!offer) throw new ValidationError(`"${campaign.name}" has no offer "${input.offerId}"`, { offerId: ['Pick one of the campaign’s offers'] });
  return versioned(db, actor, input.baseVersion, async (tx) => {
    const before = (await listMatrixCells(tx)).find((c) => c.campaignId === campaign.id && c.segmentId === segment.id);
    await upsertMatrixCell(tx, { campaignId: campaign.id, segmentId: segment.id, offerId: offer.id });
    return {
      change: 'assign',
      summary: before
        ? matrixSummary('offerChanged', { segment: segment.name, campaign: campaign.name, from: before.offerId, to: offer.id })
        : matrixSummary('assigned', { segment: segment.name, campaign: campaign.name, offer: offer.id }),
      details: { campaignId: campaign.id, segmentId: segment.id, offerId: offer.id, previousOfferId: before?.offerId ?? null },
    };
  });
}

/** Assigns several segments to a campaign as one version (what a campaign template does). */
export async function assignCells(
  db: KizunaDb,
  actor: Actor,
  campaignId: string,
  cells: readonly { segmentId: string; offerId: string }[],
  summary: string,
): Promise<MatrixChange> {
  const campaign = await activeCampaign(db, campaignId);
  for (const c of cells) {
    if (!campaign.offers.some((o) => o.id === c.offerId)) throw new ValidationError(`"${campaign.name}" has no offer "${c.offerId}"`, { offerId: ['Unknown offer'] });
  }
  return versioned(db, actor, undefined, async (tx) => {
    for (const c of cells) await upsertMatrixCell(tx, { campaignId, segmentId: c.segmentId, offerId: c.offerId });
    return { change: 'assign', summary, details: { campaignId, cells } };
  });
}

export async function unassignCell(db: KizunaDb, actor: Actor, input: UnassignCellInput): Promise<MatrixChange> {
  const campaign = await activeCampaign(db, input.campaignId);
  const segment = await getSavedSegment(db, input.segmentId);
  return versioned(db, actor, input.baseVersion, async (tx) => {
    const before = (await listMatrixCells(tx)).find((c) => c.campaignId === campaign.id && c.segmentId === input.segmentId);
    if (!before || !(await deleteMatrixCell(tx, campaign.id, input.segmentId))) throw new NotFoundError('That segment is not assigned to this campaign');
    const name = segment?.name ?? input.segmentId;
    return {
      change: 'unassign',
      summary: matrixSummary('removed', { segment: name, campaign: campaign.name }),
      details: { campaignId: campaign.id, segmentId: input.segmentId, offerId: before.offerId },
    };
  });
}

function samePermutation(given: readonly string[], expected: readonly string[]): boolean {
  return given.length === expected.length && given.every((id) => expected.includes(id));
}

export async function reorderSegments(db: KizunaDb, actor: Actor, input: ReorderSegmentsInput): Promise<MatrixChange> {
  const campaign = await activeCampaign(db, input.campaignId);
  return versioned(db, actor, input.baseVersion, async (tx) => {
    const assigned = (await listMatrixCells(tx)).filter((c) => c.campaignId === campaign.id).map((c) => c.segmentId);
    if (!samePermutation(input.segmentIds, assigned)) {
      throw new ValidationError('List every segment assigned to the campaign, each once', { segmentIds: ['Must be exactly the assigned segments'] });
    }
    await setSegmentOrder(tx, campaign.id, input.segmentIds);
    return { change: 'reorder_segments', summary: matrixSummary('reorderedSegments', { campaign: campaign.name }), details: { campaignId: campaign.id, from: assigned, to: input.segmentIds } };
  });
}

export async function reorderCampaigns(db: KizunaDb, actor: Actor, input: ReorderCampaignsInput): Promise<MatrixChange> {
  return versioned(db, actor, input.baseVersion, async (tx) => {
    const active = (await listCampaignRecords(tx)).map((r) => r.id);
    if (!samePermutation(input.campaignIds, active)) {
      throw new ValidationError('List every active campaign, each once', { campaignIds: ['Must be exactly the active campaigns'] });
    }
    await setCampaignOrder(tx, input.campaignIds);
    return { change: 'reorder_campaigns', summary: matrixSummary('reorderedCampaigns'), details: { from: active, to: input.campaignIds } };
  });
}

/** The cap is the workspace setting; the matrix versions it with the assignments it shapes. */
export async function setFrequencyCap(db: KizunaDb, actor: Actor, input: SetFrequencyCapInput): Promise<MatrixChange> {
  return versioned(db, actor, input.baseVersion, async (tx) => {
    const before = (await getSettings(tx)).frequencyCapPerWeek;
    await updateSettings(tx, { frequencyCapPerWeek: input.frequencyCapPerWeek });
    return {
      change: 'frequency_cap',
      summary: matrixSummary('cap', { from: before, to: input.frequencyCapPerWeek }),
      details: { from: before, to: input.frequencyCapPerWeek },
    };
  });
}

export async function restoreMatrix(db: KizunaDb, actor: Actor, input: RestoreMatrixInput): Promise<MatrixChange> {
  const old = await getMatrixVersion(db, input.version);
  if (!old) throw new NotFoundError(`No matrix version ${input.version}`);
  return versioned(db, actor, input.baseVersion, async (tx) => {
    await writeMatrixSnapshot(tx, old.snapshot);
    await updateSettings(tx, { frequencyCapPerWeek: old.snapshot.frequencyCapPerWeek });
    return { change: 'restore', summary: matrixSummary('restored', { version: old.version }), details: { restoredVersion: old.version } };
  });
}
