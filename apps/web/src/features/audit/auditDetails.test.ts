import { describe, expect, it } from 'vitest';
import { currentCursor, firstPage, nextPage, pageNumber, previousPage, summarizeDetails } from './auditDetails';

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
