import { describe, expect, it } from 'vitest';
import type { ListRow } from './segmentList';
import { foldText, nextSort, searchRows, sortRows, sparklinePoints } from './segmentList';

const row = (name: string, extra: Partial<ListRow> = {}): ListRow => ({
  id: name,
  name,
  description: '',
  tags: [],
  size: 0,
  share: 0,
  lastChange: { at: '2026-01-01T00:00:00Z' },
  usedBy: { segments: [], campaigns: [] },
  ...extra,
});

const rows = [
  row('VIP 東京', { size: 120, share: 0.04, tags: ['loyalty'], lastChange: { at: '2026-03-01T00:00:00Z' } }),
  row('Win-back', { size: 900, share: 0.3, description: 'No purchase in 90 days', usedBy: { segments: [1], campaigns: [1, 2] } }),
  row('champions', { size: null, share: null, lastChange: { at: '2026-02-01T00:00:00Z' } }),
  row('segment 10', { size: 5, share: 0.001 }),
  row('segment 9', { size: 5, share: 0.001 }),
];

describe('searchRows', () => {
  it('matches every word in name, description or tags, ignoring case and width', () => {
    expect(searchRows(rows, 'ｖｉｐ').map((r) => r.id)).toEqual(['VIP 東京']);
    expect(searchRows(rows, 'purchase 90').map((r) => r.id)).toEqual(['Win-back']);
    expect(searchRows(rows, 'LOYALTY').map((r) => r.id)).toEqual(['VIP 東京']);
    expect(searchRows(rows, '  ')).toHaveLength(5);
    expect(searchRows(rows, 'vip win')).toEqual([]);
    expect(foldText('ＡＢＣ')).toBe('abc');
  });
});

describe('sortRows', () => {
  it('sorts names naturally and by locale', () => {
    expect(sortRows(rows, { key: 'name', direction: 'ascending' }, 'en').map((r) => r.id)).toEqual([
      'champions',
      'segment 9',
      'segment 10',
      'VIP 東京',
      'Win-back',
    ]);
  });

  it('sorts sizes, with invalid segments last when largest first, and ties by name', () => {
    expect(sortRows(rows, { key: 'size', direction: 'descending' }, 'en').map((r) => r.id)).toEqual([
      'Win-back',
      'VIP 東京',
      'segment 9',
      'segment 10',
      'champions',
    ]);
  });

  it('sorts by last change and by usage', () => {
    expect(sortRows(rows, { key: 'lastChange', direction: 'descending' }, 'en')[0]!.id).toBe('VIP 東京');
    expect(sortRows(rows, { key: 'usedBy', direction: 'descending' }, 'en')[0]!.id).toBe('Win-back');
  });

  it('toggles direction on the same column and starts numbers largest first', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'size')).toEqual({ key: 'size', direction: 'descending' });
    expect(nextSort({ key: 'size', direction: 'descending' }, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });
});

describe('sparklinePoints', () => {
  it('spans the box, largest value at the top', () => {
    expect(sparklinePoints([0, 10, 5], 104, 24)).toBe('2,22 52,2 102,12');
  });

  it('draws a flat line in the middle and nothing for fewer than two points', () => {
    expect(sparklinePoints([7, 7], 20, 10)).toBe('2,5 18,5');
    expect(sparklinePoints([7], 20, 10)).toBeNull();
  });
});
