// Collects row errors: counts all of them and keeps the first `limit` in file order (files in import order,
// then line), even when some are found a batch late.
import type { RowProblem } from './problems';
import { csvFiles, type CsvFile, type RowError } from './types';

const fileRank = new Map(csvFiles.map((f, i) => [f, i]));

function compare(a: RowError, b: RowError): number {
  return (fileRank.get(a.file)! - fileRank.get(b.file)!) || a.line - b.line;
}

export class ErrorCollector {
  private readonly kept: RowError[] = [];
  count = 0;

  constructor(private readonly limit = 1000) {}

  add(error: RowError): void {
    this.count++;
    const kept = this.kept;
    if (kept.length < this.limit) {
      kept.push(error);
      if (kept.length === this.limit) kept.sort(compare);
      return;
    }
    // Full (and sorted): keep it only if it comes before the last kept error, which then drops out.
    if (compare(error, kept[kept.length - 1]!) >= 0) return;
    kept.pop();
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(kept[mid]!, error) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, error);
  }

  get any(): boolean {
    return this.count > 0;
  }

  list(): RowError[] {
    return [...this.kept].sort(compare);
  }
}

/** Shortens a cell for the report: errors echo what was found, not whole paragraphs. */
export function excerpt(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

export type ReportError = (file: CsvFile, line: number, column: string | null, value: string | null, problem: RowProblem) => void;
