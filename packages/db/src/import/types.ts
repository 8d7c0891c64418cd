// Public types of the CSV import.
import type { RowErrorCode, RowErrorParams } from './problems';

export type CsvFile = 'customers' | 'orders' | 'events' | 'products';

/** The order files are read in, so that references resolve: products, customers, then orders and events. */
export const csvFiles: readonly CsvFile[] = ['products', 'customers', 'orders', 'events'];

/** A file on disk, or a function opening a fresh stream of its bytes (size, when known, drives progress). */
export type CsvSource = { path: string } | { stream: () => NodeJS.ReadableStream; size?: number };

export interface ImportOptions {
  /** Reject orders and events for customers neither in the database nor in customers.csv. Default false. */
  strict?: boolean;
  /** Recorded with the import. */
  userId?: string | null;
  onProgress?: (p: ImportProgress) => void;
  /** Rebuild customer_features after a successful import. Default true. */
  rebuildFeatures?: boolean;
}

export interface ImportProgress {
  file: CsvFile | null;
  phase: 'reading' | 'features' | 'done';
  /** Data rows of `file` read so far. */
  rows: number;
  /** Bytes of `file` read so far. */
  bytes: number;
  totalBytes: number | null;
}

export interface RowError {
  file: CsvFile;
  /** The row number a spreadsheet shows: the header is line 1, a quoted multi-line field stays one row. */
  line: number;
  /** Normalized column name, or null for errors about the whole row or file. */
  column: string | null;
  value: string | null;
  /** What is wrong, stable across versions and languages; `params` are the values its sentence mentions. */
  code: RowErrorCode;
  params: RowErrorParams;
  /** The same in English, for the CLI, logs and API clients (the web words `code` in the user's language). */
  reason: string;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
}

export interface ImportReport {
  importId: string;
  /** True when every row was valid and everything was written; false means nothing was written. */
  ok: boolean;
  counts: Record<CsvFile, ImportCounts>;
  /** Customers created because an order or event referred to an id not in the database or customers.csv. */
  customersCreatedFromOrders: number;
  /** The first 1,000 errors in file order. */
  errors: RowError[];
  errorCount: number;
  durationMs: number;
}
