import { describe, expect, it } from 'vitest';
import { canEditMatrix, cellKey, exportCellUrl, moveBy, moveId, removalSteps, toGridRows, unassignedSegments } from './matrixGrid';

const counts = { members: 10, eligible: 8, removedNoConsent: 2, removedDuplicate: 1, removedFrequencyCap: 3, holdout: 1, treatment: 3, estimatedCost: 300 };

describe('toGridRows', () => {
  it('puts each cell under its campaign column and leaves unassigned ones empty', () => {
    const rows = toGridRows({
      segments: [
        { id: 's1', name: 'A', size: 10, status: 'live' },
        { id: 's2', name: 'B', size: 5, status: 'live' },
      ],
      campaigns: [{ id: 'c1' }, { id: 'c2' }] as never,
      cells: [
        { campaignId: 'c2', segmentId: 's1', offerId: 'o', rank: 1, status: 'ok', ...counts },
        { campaignId: 'c1', segmentId: 's2', offerId: 'p', rank: 1, status: 'ok', ...counts },
      ],
    });
    expect(rows.map((r) => r.segment.id)).toEqual(['s1', 's2']);
    expect(rows[0]!.cells.map((c) => c?.offerId ?? null)).toEqual([null, 'o']);
    expect(rows[1]!.cells.map((c) => c?.offerId ?? null)).toEqual(['p', null]);
  });
});

describe('removalSteps', () => {
  it('lists consent, de-duplication, frequency cap and holdout in that order', () => {
    expect(removalSteps(counts)).toEqual([
      { step: 'consent', count: 2 },
      { step: 'duplicate', count: 1 },
      { step: 'frequencyCap', count: 3 },
      { step: 'holdout', count: 1 },
    ]);
  });
});

describe('moveId and moveBy', () => {
  it('moves an item to the position of another, both ways', () => {
    expect(moveId(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(moveId(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
  });
  it('leaves the order alone for unknown ids or no move', () => {
    expect(moveId(['a', 'b'], 'x', 'a')).toEqual(['a', 'b']);
    expect(moveId(['a', 'b'], 'a', 'a')).toEqual(['a', 'b']);
  });
  it('steps one place and stops at the ends', () => {
    expect(moveBy(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('exportCellUrl', () => {
  it('encodes the ids into the export route', () => {
    expect(exportCellUrl('c 1', 's&2', 'holdout')).toBe('/api/export/matrix-cell?campaignId=c+1&segmentId=s%262&group=holdout');
  });
});

describe('canEditMatrix', () => {
  it('lets planners and admins edit, nobody else', () => {
    expect(['admin', 'planner', 'marketer', 'manager'].map(canEditMatrix)).toEqual([true, true, false, false]);
  });
});

describe('unassignedSegments and cellKey', () => {
  it('offers live segments the campaign does not have yet', () => {
    const segments = [
      { id: 's1', name: 'A', size: 1, status: 'live' as const },
      { id: 's2', name: 'B', size: null, status: 'deleted' as const },
      { id: 's3', name: 'C', size: 2, status: 'live' as const },
    ];
    expect(unassignedSegments({ segments }, { segmentOrder: ['s1'] }).map((s) => s.id)).toEqual(['s3']);
    expect(cellKey('a', 'b')).not.toBe(cellKey('ab', ''));
  });
});
