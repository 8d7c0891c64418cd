import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './export';

describe('CSV export cells', () => {
  it('quotes separators and quotes, and defuses spreadsheet formulas except in the id', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5', true)).toBe('-5');
    expect(csvCell('@me')).toBe("'@me");
    const line = csvLine({ customerId: 'C1', email: 'a@b.jp', firstName: '裕美', lastName: null, hasEmail: true, emailOptIn: false, smsOptIn: true, pushOptIn: false, lineOptIn: true });
    expect(line).toBe('C1,a@b.jp,裕美,,false,true,false,true');
  });
});
