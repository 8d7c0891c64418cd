// Shapes the import history (data.imports) for its table. `files` holds the uploaded files (keyed by kind);
// `counts` has every kind, uploaded or not, plus totals such as customersCreatedFromOrders, which are skipped.
import { importFiles } from './importTypes';

export interface ImportHistoryView {
  id: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  userEmail: string | null;
  files: Record<string, unknown>;
  counts: Record<string, unknown>;
  errorCount: number;
}

export interface HistoryRow {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  durationMs: number | null;
  userEmail: string | null;
  files: string[];
  /** Rows inserted or updated over all files. */
  rowsWritten: number;
  errorCount: number;
}

const fileRank = (file: string) => {
  const index = (importFiles as readonly string[]).indexOf(file.replace(/\.csv$/, ''));
  return index === -1 ? importFiles.length : index;
};

function rowsOf(count: unknown): number {
  if (typeof count === 'number' && Number.isFinite(count)) return count;
  if (typeof count === 'object' && count !== null) {
    const { inserted, updated } = count as { inserted?: unknown; updated?: unknown };
    return (typeof inserted === 'number' ? inserted : 0) + (typeof updated === 'number' ? updated : 0);
  }
  return 0;
}

function statusOf(status: string): HistoryRow['status'] {
  return status === 'succeeded' || status === 'failed' ? status : 'running';
}

export function toHistoryRow(item: ImportHistoryView): HistoryRow {
  const started = Date.parse(item.startedAt);
  const finished = item.finishedAt ? Date.parse(item.finishedAt) : Number.NaN;
  const files = Object.keys(item.files)
    .map((f) => f.replace(/\.csv$/, ''))
    .sort((a, b) => fileRank(a) - fileRank(b) || a.localeCompare(b));
  const perFile = Object.entries(item.counts).filter(([key]) => fileRank(key) < importFiles.length);
  return {
    id: item.id,
    status: statusOf(item.status),
    startedAt: item.startedAt,
    durationMs: Number.isNaN(started) || Number.isNaN(finished) ? null : Math.max(0, finished - started),
    userEmail: item.userEmail,
    files: [...new Set(files)],
    rowsWritten: item.status === 'succeeded' ? perFile.reduce((sum, [, c]) => sum + rowsOf(c), 0) : 0,
    errorCount: item.errorCount,
  };
}
