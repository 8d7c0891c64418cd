// Shapes the matrix procedure's answer for the grid: one row per segment, one column per campaign, each cell
// either an assignment with its allocation steps or empty; plus reordering and export links.
import type { inferOutput } from '@trpc/tanstack-react-query';
import type { Api } from '../../trpc';

export type MatrixView = inferOutput<Api['matrix']['get']>;
export type MatrixColumn = MatrixView['campaigns'][number];
export type MatrixCell = MatrixView['cells'][number];
export type MatrixSegment = MatrixView['segments'][number];

export interface GridRow {
  segment: MatrixSegment;
  /** One entry per column, in column order; null where the segment is not assigned to that campaign. */
  cells: (MatrixCell | null)[];
}

export function cellKey(campaignId: string, segmentId: string): string {
  return `${campaignId}\u0000${segmentId}`;
}

/** Rows in the API's order (live segments first, then deleted ones still assigned). */
export function toGridRows(view: Pick<MatrixView, 'segments' | 'campaigns' | 'cells'>): GridRow[] {
  const byKey = new Map(view.cells.map((c) => [cellKey(c.campaignId, c.segmentId), c]));
  return view.segments.map((segment) => ({
    segment,
    cells: view.campaigns.map((c) => byKey.get(cellKey(c.id, segment.id)) ?? null),
  }));
}

export type RemovalStep = 'consent' | 'duplicate' | 'frequencyCap' | 'holdout';

/** What each allocation step took away from the segment's members, in the order the steps run. */
export function removalSteps(cell: Pick<MatrixCell, 'removedNoConsent' | 'removedDuplicate' | 'removedFrequencyCap' | 'holdout'>): { step: RemovalStep; count: number }[] {
  return [
    { step: 'consent', count: cell.removedNoConsent },
    { step: 'duplicate', count: cell.removedDuplicate },
    { step: 'frequencyCap', count: cell.removedFrequencyCap },
    { step: 'holdout', count: cell.holdout },
  ];
}

/** Moves `activeId` to where `overId` is (dnd-kit's sortable semantics); unknown ids leave the order as is. */
export function moveId(order: readonly string[], activeId: string, overId: string): string[] {
  const from = order.indexOf(activeId);
  const to = order.indexOf(overId);
  if (from < 0 || to < 0 || from === to) return [...order];
  const next = [...order];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

/** Moves one step up (-1) or down (+1); at either end the order is unchanged. */
export function moveBy(order: readonly string[], id: string, delta: -1 | 1): string[] {
  const from = order.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  return moveId(order, id, order[to]!);
}

export type ExportGroup = 'all' | 'treatment' | 'holdout';

/** The backend's CSV route for one cell's audience (same origin, the session cookie goes along). */
export function exportCellUrl(campaignId: string, segmentId: string, group: ExportGroup): string {
  const qs = new URLSearchParams({ campaignId, segmentId, group });
  return `/api/export/matrix-cell?${qs.toString()}`;
}

/** Planners and admins change the matrix; marketers and managers read it. */
export function canEditMatrix(role: string): boolean {
  return role === 'planner' || role === 'admin';
}

/** Segments a campaign can still be given: live ones not yet assigned to it. */
export function unassignedSegments(view: Pick<MatrixView, 'segments'>, column: Pick<MatrixColumn, 'segmentOrder'>): MatrixSegment[] {
  const taken = new Set(column.segmentOrder);
  return view.segments.filter((s) => s.status === 'live' && !taken.has(s.id));
}
