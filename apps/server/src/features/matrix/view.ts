// The matrix as the API returns it: rows (segments), columns (campaigns with marks and totals) and cells
// with each allocation step's count. Bitsets stay on the server.
import type { Campaign, CampaignAllocation, CellAllocation, CellCounts } from '@kizuna/campaigns';
import type { CellStatus, MatrixComputation, MatrixRow } from './compute';

export interface CampaignTotals extends CellCounts {
  /** Distinct customers of the assigned segments. */
  targeted: number;
  conflicts: number;
  leftOut: number;
}

export interface MatrixColumn {
  id: string;
  name: string;
  goal: Campaign['goal'];
  channel: Campaign['channel'];
  startDate: string;
  endDate: string | null;
  holdoutPercent: number;
  marks: Campaign['marks'];
  /** 1 = highest among active campaigns. */
  priority: number;
  offers: { id: string; label: string; kind: Campaign['offers'][number]['kind'] }[];
  /** Assigned segment ids, highest segment priority first. */
  segmentOrder: string[];
  /** Higher-priority campaigns that can share a week with this one under the frequency cap. */
  sharesWeekWith: string[];
  totals: CampaignTotals;
}

export interface MatrixCellView extends CellCounts {
  campaignId: string;
  segmentId: string;
  offerId: string;
  /** Segment priority within the campaign, 1 = highest. */
  rank: number;
  status: CellStatus;
}

export interface MatrixView {
  version: number;
  asOfDate: string;
  frequencyCapPerWeek: number;
  customers: number;
  segments: MatrixRow[];
  campaigns: MatrixColumn[];
  cells: MatrixCellView[];
  totals: { reachedCustomers: number; messages: number; holdout: number; estimatedCost: number };
  computeMs: number;
}

const zero: CellCounts = {
  members: 0,
  eligible: 0,
  removedNoConsent: 0,
  removedDuplicate: 0,
  removedFrequencyCap: 0,
  holdout: 0,
  treatment: 0,
  estimatedCost: 0,
};

function counts(c: CellAllocation | CampaignAllocation | undefined): CellCounts {
  if (!c) return zero;
  const { removedNoConsent, removedDuplicate, removedFrequencyCap, holdout, treatment, estimatedCost, eligible } = c;
  const members = 'members' in c ? c.members : c.targeted;
  return { members, eligible, removedNoConsent, removedDuplicate, removedFrequencyCap, holdout, treatment, estimatedCost };
}

export function toMatrixView(m: MatrixComputation): MatrixView {
  const byCampaign = new Map(m.allocation.campaigns.map((c) => [c.campaignId, c]));
  const cells: MatrixCellView[] = m.cells.map((cell) => {
    const allocated = byCampaign.get(cell.campaignId)?.cells.find((c) => c.segmentId === cell.segmentId);
    return { campaignId: cell.campaignId, segmentId: cell.segmentId, offerId: cell.offerId, rank: cell.priority, status: cell.status, ...counts(allocated) };
  });
  const campaigns: MatrixColumn[] = m.campaigns.map((c, i) => {
    const a = byCampaign.get(c.id);
    return {
      id: c.id,
      name: c.name,
      goal: c.goal,
      channel: c.channel,
      startDate: c.startDate,
      endDate: c.endDate,
      holdoutPercent: c.holdoutPercent,
      marks: c.marks,
      priority: i + 1,
      offers: c.offers.map((o) => ({ id: o.id, label: o.label, kind: o.kind })),
      segmentOrder: m.cells.filter((x) => x.campaignId === c.id).map((x) => x.segmentId),
      sharesWeekWith: a?.sharesWeekWith ?? [],
      totals: { ...counts(a), targeted: a?.targeted ?? 0, conflicts: a?.conflicts ?? 0, leftOut: a?.leftOut ?? 0 },
    };
  });
  const { reachedCustomers, messages, holdout, estimatedCost } = m.allocation;
  return {
    version: m.version,
    asOfDate: m.asOfDate,
    frequencyCapPerWeek: m.frequencyCapPerWeek,
    customers: m.customers,
    segments: m.rows,
    campaigns,
    cells,
    totals: { reachedCustomers, messages, holdout, estimatedCost },
    computeMs: m.computeMs,
  };
}
