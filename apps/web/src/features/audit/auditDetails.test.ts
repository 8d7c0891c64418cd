import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { enResources, jaResources } from '../../i18n/resources';
import { auditLabel, currentCursor, firstPage, nextPage, pageNumber, previousPage, summarizeDetails } from './auditDetails';

describe('summarizeDetails', () => {
  it('reads setting and role changes as from → to', () => {
    expect(
      summarizeDetails({ changes: { asOfDate: { from: null, to: '2026-10-01' }, currency: { from: 'JPY', to: 'USD' } } }),
    ).toBe('asOfDate: ∅ → 2026-10-01 · currency: JPY → USD');
  });

  it('lists other keys with compact values', () => {
    expect(summarizeDetails({ ok: true, files: ['orders'], errorCount: 3 })).toBe('ok: true · files: ["orders"] · errorCount: 3');
    expect(summarizeDetails({})).toBe('');
  });

  it('handles non-objects and truncates long text', () => {
    expect(summarizeDetails('raw')).toBe('raw');
    expect(summarizeDetails(null)).toBe('∅');
    const long = summarizeDetails({ note: 'x'.repeat(500) });
    expect(long).toHaveLength(140);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('cursor paging', () => {
  it('walks forward and back through pages', () => {
    let stack = firstPage;
    expect(currentCursor(stack)).toBeNull();
    expect(pageNumber(stack)).toBe(1);
    stack = nextPage(stack, 'c2');
    stack = nextPage(stack, 'c3');
    expect(currentCursor(stack)).toBe('c3');
    expect(pageNumber(stack)).toBe(3);
    stack = previousPage(stack);
    expect(currentCursor(stack)).toBe('c2');
    expect(previousPage(previousPage(stack))).toEqual(firstPage);
  });

  it('stays put at the last page', () => {
    expect(nextPage(firstPage, null)).toBe(firstPage);
  });
});

describe('auditLabel', () => {
  const instance = i18next.createInstance();
  const ready = instance.init({ lng: 'ja', resources: { en: { translation: enResources }, ja: { translation: jaResources } }, fallbackLng: 'en' });
  const label = (group: 'actions' | 'entities', code: string) => auditLabel(instance.t.bind(instance) as never, group, code);

  it('words action codes and entity types in the current language', async () => {
    await ready;
    expect(label('actions', 'segment.update')).toBe('セグメント編集');
    expect(label('actions', 'matrix.reorder_campaigns')).toBe('キャンペーンの優先順位を変更');
    expect(label('entities', 'matrix_cell')).toBe('マトリクスのセル');
  });

  it('shows a code it has no words for as sent', async () => {
    await ready;
    expect(label('actions', 'segment.teleport')).toBe('segment.teleport');
    expect(label('actions', 'Weird Code!')).toBe('Weird Code!');
    expect(label('entities', 'spaceship')).toBe('spaceship');
  });
});
