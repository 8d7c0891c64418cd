// The import contract as the web sees it (POST /api/import, then data.importStatus). Kept structural so the
// pure shaping functions are testable without the server; the hooks check it against the router's types.
export const importFiles = ['customers', 'orders', 'events', 'products'] as const;
export type ImportFile = (typeof importFiles)[number];

export type ImportStatus = 'receiving' | 'running' | 'succeeded' | 'failed';

/** Server progress: `file` is being read (`rows` and `bytes` of that file so far), then features are rebuilt. */
export interface ImportProgressView {
  file: string | null;
  /** 'receiving' | 'queued' | 'reading' | 'features' | 'done' | 'failed' */
  phase: string;
  rows: number;
  bytes: number;
  totalBytes: number | null;
}

/** The order the server reads files in, so that references resolve. */
export const serverReadOrder: readonly ImportFile[] = ['products', 'customers', 'orders', 'events'];

export interface ImportRowError {
  file: string;
  /** As a spreadsheet numbers rows: the header is line 1. */
  line: number | null;
  column: string | null;
  value: string | null;
  /** What is wrong, as a stable code with the values its sentence mentions (see rowErrorText.ts). */
  code?: string;
  params?: Readonly<Record<string, string | number>>;
  /** The same in English: shown when this build has no words for `code`. */
  reason: string;
}

export interface ImportReportView {
  ok: boolean;
  counts: Record<string, { inserted: number; updated: number }>;
  customersCreatedFromOrders: number;
  errors: ImportRowError[];
  errorCount: number;
  durationMs: number;
}

export interface ImportStatusView {
  id: string;
  status: ImportStatus;
  progress: ImportProgressView;
  report: ImportReportView | null;
  /** Why it failed when it failed before producing a report. */
  error?: string | null;
}
