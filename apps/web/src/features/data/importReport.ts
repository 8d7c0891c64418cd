// Shapes an import report for display: rows written per file, and the row-error table with its true total.
import type { ImportReportView, ImportRowError } from './importTypes';
import { importFiles } from './importTypes';

export interface CountRow {
  file: string;
  inserted: number;
  updated: number;
}

/**
 * Per-file counts in the data contract's file order (customers, orders, events, products), then any others.
 * The server reports every kind; `uploaded`, when given, keeps only the files that were sent.
 */
export function toCountRows(counts: ImportReportView['counts'], uploaded?: readonly string[]): CountRow[] {
  const order = (file: string) => {
    const index = (importFiles as readonly string[]).indexOf(file.replace(/\.csv$/, ''));
    return index === -1 ? importFiles.length : index;
  };
  const keep = uploaded ? new Set(uploaded.map((f) => f.replace(/\.csv$/, ''))) : null;
  return Object.entries(counts)
    .filter(([file]) => !keep || keep.has(file.replace(/\.csv$/, '')))
    .map(([file, c]) => ({ file, inserted: c.inserted, updated: c.updated }))
    .sort((a, b) => order(a.file) - order(b.file) || a.file.localeCompare(b.file));
}

export function countTotals(rows: CountRow[]): { inserted: number; updated: number } {
  return rows.reduce((sum, r) => ({ inserted: sum.inserted + r.inserted, updated: sum.updated + r.updated }), {
    inserted: 0,
    updated: 0,
  });
}

export interface ErrorTable {
  rows: (ImportRowError & { key: string })[];
  /** Rows in the table. */
  shown: number;
  /** Every bad row the server found; more than `shown` when it sent only the first ones. */
  total: number;
  truncated: boolean;
  /** Bad rows per file among those shown, for a one-line overview. */
  byFile: { file: string; count: number }[];
}

export function toErrorTable(report: Pick<ImportReportView, 'errors' | 'errorCount'>): ErrorTable {
  const rows = report.errors.map((error, index) => ({ ...error, key: `${error.file}:${error.line ?? ''}:${index}` }));
  const total = Math.max(report.errorCount, rows.length);
  const perFile = new Map<string, number>();
  for (const row of rows) perFile.set(row.file, (perFile.get(row.file) ?? 0) + 1);
  return {
    rows,
    shown: rows.length,
    total,
    truncated: total > rows.length,
    byFile: [...perFile].map(([file, count]) => ({ file, count })),
  };
}
