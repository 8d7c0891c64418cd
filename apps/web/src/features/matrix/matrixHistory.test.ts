import { describe, expect, it } from 'vitest';
import type { MatrixSnapshot } from './matrixHistory';
import { matrixSummaries, matrixSummary, type MatrixSummaryKey } from '@kizuna/campaigns';
import { diffSnapshots, isEmptyDiff, knownChange, nameOf, offerLabeller, readSummary, snapshotGroups } from './matrixHistory';

const cell = (campaignId: string, segmentId: string, offerId = 'o') => ({ campaignId, segmentId, offerId });

const base: MatrixSnapshot = {
  campaignOrder: ['c1', 'c2', 'c3'],
  cells: [cell('c1', 's1', 'a'), cell('c1', 's2', 'b'), cell('c2', 's1', 'x')],
  frequencyCapPerWeek: 3,
};

describe('snapshotGroups', () => {
  it('lists every campaign in priority order with its cells in segment priority, empty ones included', () => {
    expect(snapshotGroups(base)).toEqual([
      { campaignId: 'c1', priority: 1, cells: [{ segmentId: 's1', offerId: 'a' }, { segmentId: 's2', offerId: 'b' }] },
      { campaignId: 'c2', priority: 2, cells: [{ segmentId: 's1', offerId: 'x' }] },
      { campaignId: 'c3', priority: 3, cells: [] },
    ]);
  });
  it('keeps a cell whose campaign is missing from the order, after the others', () => {
    const groups = snapshotGroups({ campaignOrder: ['c1'], cells: [cell('c9', 's1'), cell('c1', 's2')], frequencyCapPerWeek: 1 });
    expect(groups.map((g) => [g.campaignId, g.priority, g.cells.length])).toEqual([
      ['c1', 1, 1],
      ['c9', 2, 1],
    ]);
  });
});

describe('diffSnapshots', () => {
  it('finds nothing between equal snapshots', () => {
    const d = diffSnapshots(base, structuredClone(base));
    expect(isEmptyDiff(d)).toBe(true);
  });

  it('reports added, removed and re-offered cells', () => {
    const to: MatrixSnapshot = { ...base, cells: [cell('c1', 's1', 'a2'), cell('c2', 's1', 'x'), cell('c3', 's4', 'z')] };
    const d = diffSnapshots(base, to);
    expect(d.added).toEqual([cell('c3', 's4', 'z')]);
    expect(d.removed).toEqual([cell('c1', 's2', 'b')]);
    expect(d.changed).toEqual([{ campaignId: 'c1', segmentId: 's1', fromOffer: 'a', toOffer: 'a2' }]);
    expect(d.segmentOrder).toEqual([]);
    expect(d.campaignOrder).toBeNull();
    expect(d.cap).toBeNull();
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('reports a segment reorder within a campaign, but not a segment that was only added or removed', () => {
    const swapped: MatrixSnapshot = { ...base, cells: [cell('c1', 's2', 'b'), cell('c1', 's1', 'a'), cell('c2', 's1', 'x')] };
    expect(diffSnapshots(base, swapped).segmentOrder).toEqual([{ campaignId: 'c1', from: ['s1', 's2'], to: ['s2', 's1'] }]);
    const grown: MatrixSnapshot = { ...base, cells: [...base.cells, cell('c1', 's0')] };
    expect(diffSnapshots(base, grown).segmentOrder).toEqual([]);
  });

  it('reports the campaign order only when shared campaigns moved', () => {
    const moved = diffSnapshots(base, { ...base, campaignOrder: ['c2', 'c1', 'c3'] });
    expect(moved.campaignOrder).toEqual({ from: ['c1', 'c2', 'c3'], to: ['c2', 'c1', 'c3'] });
    // A campaign created since (or gone) is not an order change by itself.
    expect(diffSnapshots(base, { ...base, campaignOrder: ['c1', 'c2', 'c3', 'c4'] }).campaignOrder).toBeNull();
    expect(diffSnapshots(base, { ...base, campaignOrder: ['c1', 'c3'] }).campaignOrder).toBeNull();
  });

  it('reports a cap change with both values', () => {
    expect(diffSnapshots(base, { ...base, frequencyCapPerWeek: 1 }).cap).toEqual({ from: 3, to: 1 });
  });

  it('is the mirror image when the sides swap', () => {
    const to: MatrixSnapshot = { campaignOrder: ['c2', 'c1'], cells: [cell('c2', 's1', 'y'), cell('c2', 's5')], frequencyCapPerWeek: 2 };
    const there = diffSnapshots(base, to);
    const back = diffSnapshots(to, base);
    expect(back.added).toEqual(there.removed);
    expect(back.removed).toEqual(there.added);
    expect(back.changed).toEqual(there.changed.map((c) => ({ ...c, fromOffer: c.toOffer, toOffer: c.fromOffer })));
    expect(back.cap).toEqual({ from: 2, to: 3 });
  });
});

describe('readSummary', () => {
  it.each([
    ['"Women" in "Spring": offer a → b', 'offerChanged', { segment: 'Women', campaign: 'Spring', from: 'a', to: 'b' }],
    ['Assigned "High cart value" to "Your next order" with offer big_basket', 'assigned', { segment: 'High cart value', campaign: 'Your next order', offer: 'big_basket' }],
    ['Assigned 2 segment(s) to "Your next order" from template aov', 'assignedTemplate', { count: '2', campaign: 'Your next order', template: 'aov' }],
    ['Removed "Men" from "New-season collection"', 'removed', { segment: 'Men', campaign: 'New-season collection' }],
    ['Reordered the segments of "Your next order"', 'reorderedSegments', { campaign: 'Your next order' }],
    ['Changed campaign priorities', 'reorderedCampaigns', {}],
    ['Frequency cap 3 → 1 messages a week', 'cap', { from: '3', to: '1' }],
    ['Restored version 12', 'restored', { version: '12' }],
  ])('reads %s', (summary, key, values) => {
    expect(readSummary(summary)).toEqual({ key, values });
  });

  it('reads back every summary the server writes with the shared templates', () => {
    for (const key of Object.keys(matrixSummaries) as MatrixSummaryKey[]) {
      const values = { segment: 'Women 30s', campaign: 'Spring “sale”', from: '2', to: '3', offer: 'ten', count: 4, template: 'loyalty', version: 7 };
      const read = readSummary(matrixSummary(key, values));
      expect(read?.key).toBe(key);
      for (const [name, value] of Object.entries(read?.values ?? {})) expect(value).toBe(String(values[name as keyof typeof values]));
    }
  });

  it('keeps quotes inside names', () => {
    expect(readSummary('Removed "The "best" ones" from "Sale"')).toEqual({ key: 'removed', values: { segment: 'The "best" ones', campaign: 'Sale' } });
  });

  it('returns null for a sentence it does not know', () => {
    expect(readSummary('two cells')).toBeNull();
    expect(readSummary('Restored the matrix')).toBeNull();
  });
});

describe('knownChange and nameOf', () => {
  it('knows the change kinds the server writes and nothing else', () => {
    expect(knownChange('reorder_campaigns')).toBe('reorder_campaigns');
    expect(knownChange('campaign_created')).toBeNull();
  });
  it('falls back to the id when no name is known', () => {
    expect(nameOf({ a: 'Alpha' }, 'a')).toBe('Alpha');
    expect(nameOf({}, 'b')).toBe('b');
  });
});

describe('offerLabeller', () => {
  it('finds the label of a campaign’s offer and falls back to the id', () => {
    const label = offerLabeller([
      { id: 'c1', offers: [{ id: 'a', label: '10% off' }] },
      { id: 'c2', offers: [{ id: 'a', label: 'Free gift' }] },
    ]);
    expect(label('c1', 'a')).toBe('10% off');
    expect(label('c2', 'a')).toBe('Free gift');
    expect(label('c1', 'gone')).toBe('gone');
    expect(label('c9', 'a')).toBe('a');
  });
});
