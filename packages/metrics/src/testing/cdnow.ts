// Test helper: the published CDNOW calibration summaries (fixtures/cdnow_summary.csv, time in weeks).
import { readFileSync } from 'node:fs';

export interface CdnowRow {
  x: number;
  tx: number;
  T: number;
  /** Mean value of the repeat purchases, dollars; 0 when x = 0. */
  monetary: number;
}

export function loadCdnow(): CdnowRow[] {
  const text = readFileSync(new URL('../fixtures/cdnow_summary.csv', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('frequency'))
    .map((line) => {
      const [x, tx, T, monetary] = line.split(',').map(Number) as [number, number, number, number];
      return { x, tx, T, monetary };
    });
}
