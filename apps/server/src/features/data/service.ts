// Data in and out of the workspace: CSV imports (from an upload or the CLI, same path), the import history
// and dataset statistics.
import { importCsv, writeAudit, type CsvFile, type ImportCounts, type ImportReport, type KizunaDb } from '@kizuna/db';
import { invalidateKpiCache } from '../kpis/cache';
import { invalidateSegmentEngine } from '../segments/engine';

export const importFileKinds: readonly CsvFile[] = ['customers', 'orders', 'events', 'products'];
export type ImportFileKind = CsvFile;
export type ImportFilePaths = Partial<Record<ImportFileKind, string>>;
type ImportOptions = NonNullable<Parameters<typeof importCsv>[2]>;

export interface RunImportOptions {
  strict?: boolean;
  user: { id: string; email: string } | null;
  /** Where the import came from, for the audit log. */
  source: 'upload' | 'cli';
  onProgress?: ImportOptions['onProgress'];
}

/** Imports the given files (all or nothing) and audits the outcome, success or not. */
export async function runImport(db: KizunaDb, paths: ImportFilePaths, options: RunImportOptions): Promise<ImportReport> {
  const files = Object.fromEntries(
    Object.entries(paths).flatMap(([kind, path]) => (path ? [[kind, { path }]] : [])),
  ) as Parameters<typeof importCsv>[1];
  const audit = { entityType: 'import', userId: options.user?.id ?? null, userEmail: options.user?.email ?? null };
  let report: ImportReport;
  try {
    report = await importCsv(db, files, {
      strict: options.strict ?? false,
      userId: options.user?.id,
      onProgress: options.onProgress,
    });
  } catch (err) {
    await writeAudit(db, {
      ...audit,
      action: 'data.import',
      details: { ok: false, source: options.source, files: Object.keys(files), error: errorMessage(err) },
    });
    throw err;
  }
  if (report.ok) await invalidateKpiCache(db);
  if (report.ok) invalidateSegmentEngine(db);
  await writeAudit(db, {
    ...audit,
    action: 'data.import',
    entityId: report.importId,
    details: {
      ok: report.ok,
      source: options.source,
      files: Object.keys(files),
      counts: report.counts,
      errorCount: report.errorCount,
      durationMs: report.durationMs,
    },
  });
  return report;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface ImportHistoryItem {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  userId: string | null;
  userEmail: string | null;
  /** Per file: its name as uploaded, size in bytes (null when unknown) and data rows read. */
  files: Partial<Record<CsvFile, { name: string; bytes: number | null; rows: number }>>;
  counts: Partial<Record<CsvFile, ImportCounts>>;
  customersCreatedFromOrders: number;
  errorCount: number;
}

/** The newest imports first, from the imports table (so they survive restarts, unlike the job registry). */
export async function listImports(db: KizunaDb, limit: number): Promise<ImportHistoryItem[]> {
  const rows = await db.kysely
    .selectFrom('imports')
    .leftJoin('users', 'users.id', 'imports.user_id')
    .select([
      'imports.id',
      'imports.status',
      'imports.started_at',
      'imports.finished_at',
      'imports.user_id',
      'users.email',
      'imports.files',
      'imports.counts',
      'imports.error_count',
    ])
    .orderBy('imports.started_at', 'desc')
    .orderBy('imports.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    // The importer writes these JSON columns; customersCreatedFromOrders rides along in counts.
    const { customersCreatedFromOrders, ...counts } = parseObject(r.counts);
    return {
      id: r.id,
      status: r.status,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      userId: r.user_id,
      userEmail: r.email,
      files: parseObject(r.files) as ImportHistoryItem['files'],
      counts: counts as ImportHistoryItem['counts'],
      customersCreatedFromOrders: Number(customersCreatedFromOrders ?? 0),
      errorCount: Number(r.error_count),
    };
  });
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
