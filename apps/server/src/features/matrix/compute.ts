// Computes the segment × campaign matrix from the database state: active campaigns by priority, their cells
// by segment priority, each segment's current members from the in-memory segment engine, consent columns
// and the weekly cap. Per loaded dataset the reachability bitsets, hashed customer ids and holdout masks are
// built once and reused, so edits to the matrix recompute in milliseconds.
import {
  allocate,
  expectedCostPerRecipient,
  hashCustomerIds,
  HoldoutMasks,
  reachableByChannel,
  type AllocationCampaign,
  type AllocationResult,
  type Campaign,
  type Channel,
} from '@kizuna/campaigns';
import {
  currentMatrixVersion,
  dateFromDay,
  getSavedSegment,
  getSettings,
  listCampaignRecords,
  listMatrixCells,
  listSavedSegments,
  type KizunaDb,
  type MatrixCellRecord,
} from '@kizuna/db';
import type { Bitset, SegmentData } from '@kizuna/segments';
import { DomainError } from '../../errors';
import { toCampaign } from '../campaigns/service';
import { getSegmentEngine, type SegmentEngine } from '../segments/engine';

interface DataCache {
  reachable: Record<Channel, Bitset>;
  customerKeys: Uint32Array;
  holdouts: HoldoutMasks;
}

const caches = new WeakMap<SegmentData, DataCache>();

function dataCache(data: SegmentData): DataCache {
  let cache = caches.get(data);
  if (!cache) {
    const customerKeys = hashCustomerIds(data.customerIds);
    cache = { reachable: reachableByChannel(data), customerKeys, holdouts: new HoldoutMasks(customerKeys) };
    caches.set(data, cache);
  }
  return cache;
}

/** Why a cell takes no part in the allocation (`ok` when it does). */
export type CellStatus = 'ok' | 'segment_deleted' | 'segment_invalid' | 'offer_missing';

export interface MatrixRow {
  id: string;
  name: string;
  /** Members as of the as-of date; null when the segment is deleted or its rule no longer validates. */
  size: number | null;
  status: 'live' | 'deleted' | 'invalid';
}

export interface MatrixComputation {
  version: number;
  asOfDate: string;
  frequencyCapPerWeek: number;
  customers: number;
  rows: MatrixRow[];
  /** Active campaigns, highest priority first. */
  campaigns: Campaign[];
  /** Cells of active campaigns, by campaign priority then segment priority. */
  cells: (MatrixCellRecord & { status: CellStatus })[];
  allocation: AllocationResult;
  engine: SegmentEngine;
  computeMs: number;
}

export async function computeMatrix(db: KizunaDb): Promise<MatrixComputation> {
  const engine = await getSegmentEngine(db);
  const started = performance.now();
  const settings = await getSettings(db);
  const version = await currentMatrixVersion(db);
  const records = await listCampaignRecords(db);
  const campaigns = records.map(toCampaign);
  const active = new Set(records.map((r) => r.id));
  const allCells = await listMatrixCells(db);
  const live = await listSavedSegments(db);

  const members = new Map<string, Bitset>();
  const rows: MatrixRow[] = [];
  for (const s of live) {
    try {
      const bits = await engine.membersOf(s.id);
      members.set(s.id, bits);
      rows.push({ id: s.id, name: s.name, size: bits.count(), status: 'live' });
    } catch (err) {
      // A rule broken by a data change (a custom attribute gone) is shown, not fatal to the whole matrix.
      if (!(err instanceof DomainError)) throw err;
      rows.push({ id: s.id, name: s.name, size: null, status: 'invalid' });
    }
  }
  const byPriority = new Map(records.map((r, i) => [r.id, i]));
  const cells = allCells
    .filter((c) => active.has(c.campaignId))
    .sort((a, b) => byPriority.get(a.campaignId)! - byPriority.get(b.campaignId)! || a.priority - b.priority);
  for (const c of cells) {
    if (rows.some((r) => r.id === c.segmentId)) continue;
    const gone = await getSavedSegment(db, c.segmentId);
    rows.push({ id: c.segmentId, name: gone?.name ?? c.segmentId, size: null, status: 'deleted' });
  }

  const statusOf = (c: MatrixCellRecord, campaign: Campaign): CellStatus => {
    const row = rows.find((r) => r.id === c.segmentId);
    if (!row || row.status === 'deleted') return 'segment_deleted';
    if (row.status === 'invalid') return 'segment_invalid';
    return campaign.offers.some((o) => o.id === c.offerId) ? 'ok' : 'offer_missing';
  };
  const withStatus = cells.map((c) => ({ ...c, status: statusOf(c, campaigns[byPriority.get(c.campaignId)!]!) }));

  const cache = dataCache(engine.data);
  const allocationCampaigns: AllocationCampaign[] = records.map((r, i) => {
    const campaign = campaigns[i]!;
    return {
      id: r.id,
      channel: campaign.channel,
      startDay: r.startDay,
      endDay: r.endDay,
      holdoutPercent: r.holdoutPercent,
      cells: withStatus
        .filter((c) => c.campaignId === r.id && c.status === 'ok')
        .map((c) => ({ segmentId: c.segmentId, offerId: c.offerId, unitCost: expectedCostPerRecipient(campaign.offers.find((o) => o.id === c.offerId)!) })),
    };
  });
  const allocation = allocate({
    size: engine.data.size,
    reachable: cache.reachable,
    customerKeys: cache.customerKeys,
    holdoutMasks: cache.holdouts,
    segments: members,
    campaigns: allocationCampaigns,
    frequencyCapPerWeek: settings.frequencyCapPerWeek,
  });
  return {
    version,
    asOfDate: dateFromDay(engine.data.asOfDay),
    frequencyCapPerWeek: settings.frequencyCapPerWeek,
    customers: engine.data.size,
    rows,
    campaigns,
    cells: withStatus,
    allocation,
    engine,
    computeMs: Math.round(performance.now() - started),
  };
}
