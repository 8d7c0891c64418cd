import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes what needs quoting and starts with a BOM', () => {
    const text = toCsv([
      ['name', 'count'],
      ['A, "quoted"', 12],
      ['東京都', null],
      ['line\nbreak', -3],
    ]);
    expect(text).toBe('\uFEFFname,count\r\n"A, ""quoted""",12\r\n東京都,\r\n"line\nbreak",-3\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv([['=SUM(A1)', '@x', -1]])).toBe("\uFEFF'=SUM(A1),'@x,-1\r\n");
  });
});
