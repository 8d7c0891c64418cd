// Shapes the matrix's versions for the history panel: a snapshot grouped campaign → segment → offer, what
// differs between two snapshots, and the server's English change summaries read back into keys and values.
import type { inferOutput } from '@trpc/tanstack-react-query';
import { matrixSummaries, type MatrixSummaryKey } from '@kizuna/campaigns';
import { templateMatcher, type MatchedTemplate } from '../../i18n/templateMatch';
import type { Api } from '../../trpc';

export type MatrixVersionSummary = inferOutput<Api['matrix']['versions']>[number];
export type MatrixVersionDetail = inferOutput<Api['matrix']['version']>;
export type MatrixSnapshot = MatrixVersionDetail['snapshot'];
type SnapshotCell = MatrixSnapshot['cells'][number];

export interface SnapshotGroup {
  campaignId: string;
  /** 1 = highest campaign priority. */
  priority: number;
  cells: { segmentId: string; offerId: string }[];
}

/** The snapshot's cells under their campaigns, in campaign priority then segment priority. */
export function snapshotGroups(snapshot: MatrixSnapshot): SnapshotGroup[] {
  const groups = snapshot.campaignOrder.map((campaignId, i) => ({ campaignId, priority: i + 1, cells: [] as SnapshotGroup['cells'] }));
  const byId = new Map(groups.map((g) => [g.campaignId, g]));
  for (const cell of snapshot.cells) {
    let group = byId.get(cell.campaignId);
    // A cell of a campaign missing from the order (never written so, but old rows are trusted less): still shown.
    if (!group) {
      group = { campaignId: cell.campaignId, priority: groups.length + 1, cells: [] };
      groups.push(group);
      byId.set(cell.campaignId, group);
    }
    group.cells.push({ segmentId: cell.segmentId, offerId: cell.offerId });
  }
  return groups;
}

export interface CellRef {
  campaignId: string;
  segmentId: string;
  offerId: string;
}

export interface SnapshotDiff {
  /** Cells in `to` only. */
  added: CellRef[];
  /** Cells in `from` only. */
  removed: CellRef[];
  /** Cells in both with another offer. */
  changed: { campaignId: string; segmentId: string; fromOffer: string; toOffer: string }[];
  /** Campaigns whose shared segments are in another order. */
  segmentOrder: { campaignId: string; from: string[]; to: string[] }[];
  /** Set when the campaigns both snapshots know are in another order. */
  campaignOrder: { from: string[]; to: string[] } | null;
  cap: { from: number; to: number } | null;
}

const key = (c: Pick<SnapshotCell, 'campaignId' | 'segmentId'>) => `${c.campaignId}\u0000${c.segmentId}`;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function segmentsOf(snapshot: MatrixSnapshot, campaignId: string): string[] {
  return snapshot.cells.filter((c) => c.campaignId === campaignId).map((c) => c.segmentId);
}

/**
 * What changed from `from` to `to`. An order counts as changed only when the items both sides have are in
 * another order; an added or removed item alone is reported once, as a cell or not at all for campaigns.
 */
export function diffSnapshots(from: MatrixSnapshot, to: MatrixSnapshot): SnapshotDiff {
  const before = new Map(from.cells.map((c) => [key(c), c]));
  const after = new Map(to.cells.map((c) => [key(c), c]));
  const added = to.cells.filter((c) => !before.has(key(c))).map(({ campaignId, segmentId, offerId }) => ({ campaignId, segmentId, offerId }));
  const removed = from.cells.filter((c) => !after.has(key(c))).map(({ campaignId, segmentId, offerId }) => ({ campaignId, segmentId, offerId }));
  const changed = from.cells.flatMap((c) => {
    const now = after.get(key(c));
    return now && now.offerId !== c.offerId ? [{ campaignId: c.campaignId, segmentId: c.segmentId, fromOffer: c.offerId, toOffer: now.offerId }] : [];
  });

  const segmentOrder: SnapshotDiff['segmentOrder'] = [];
  for (const campaignId of new Set(from.cells.map((c) => c.campaignId))) {
    const a = segmentsOf(from, campaignId);
    const b = segmentsOf(to, campaignId);
    const common = new Set(a.filter((id) => b.includes(id)));
    if (!sameList(a.filter((id) => common.has(id)), b.filter((id) => common.has(id)))) segmentOrder.push({ campaignId, from: a, to: b });
  }

  const shared = new Set(from.campaignOrder.filter((id) => to.campaignOrder.includes(id)));
  const orderMoved = !sameList(
    from.campaignOrder.filter((id) => shared.has(id)),
    to.campaignOrder.filter((id) => shared.has(id)),
  );
  return {
    added,
    removed,
    changed,
    segmentOrder,
    campaignOrder: orderMoved ? { from: [...from.campaignOrder], to: [...to.campaignOrder] } : null,
    cap: from.frequencyCapPerWeek === to.frequencyCapPerWeek ? null : { from: from.frequencyCapPerWeek, to: to.frequencyCapPerWeek },
  };
}

export function isEmptyDiff(d: SnapshotDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.segmentOrder.length === 0 && d.campaignOrder === null && d.cap === null;
}

/** The change kinds the UI has words for; others are shown as the server names them. */
export const changeKinds = ['assign', 'unassign', 'reorder_segments', 'reorder_campaigns', 'frequency_cap', 'restore'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export function knownChange(change: string): ChangeKind | null {
  return (changeKinds as readonly string[]).includes(change) ? (change as ChangeKind) : null;
}

export type SummaryKey = MatrixSummaryKey;
export type ReadSummary = MatchedTemplate<SummaryKey>;

/** The key and values of a summary the server wrote (from the shared templates), or null for another text. */
export const readSummary = templateMatcher(matrixSummaries);

/** A name from the version's `names`, else the id itself (a row deleted for good). */
export function nameOf(names: Readonly<Record<string, string>>, id: string): string {
  return names[id] ?? id;
}

/** Offer labels by campaign and offer id, from the current matrix; a version may name offers since removed. */
export function offerLabeller(campaigns: readonly { id: string; offers: readonly { id: string; label: string }[] }[]): (campaignId: string, offerId: string) => string {
  const labels = new Map(campaigns.flatMap((c) => c.offers.map((o) => [`${c.id}\u0000${o.id}`, o.label] as const)));
  return (campaignId, offerId) => labels.get(`${campaignId}\u0000${offerId}`) ?? offerId;
}
