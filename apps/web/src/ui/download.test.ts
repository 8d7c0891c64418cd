import { describe, expect, it } from 'vitest';
import { fileNameOf } from './download';

describe('fileNameOf', () => {
  it('keeps letters of any script and folds the rest', () => {
    expect(fileNameOf('Overlaps: VIP / 東京都 (2026)', 'png')).toBe('Overlaps-VIP-東京都-2026.png');
    expect(fileNameOf('  ', 'csv')).toBe('chart.csv');
  });
});
