// Imports a batch of CSV files all or nothing: products, customers, then orders and events, in one
// transaction that is rolled back if any row is bad; records the import and rebuilds customer features.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { sql } from 'kysely';
import { withIndexesDeferred, withTransaction } from '../bulk';
import type { KizunaDb } from '../client';
import { rebuildFeatures } from '../features';
import { currencyExponent, getSettings } from '../settings';
import { tableOf } from './columns';
import { readCsv, sourceSize, type CsvReadResult } from './csvReader';
import { ErrorCollector, type ReportError } from './errors';
import { createIdRegistry } from './idRegistry';
import { RowProcessor } from './rows';
import { KnownCustomers, TableSink } from './sinks';
import {
  csvFiles,
  type CsvFile,
  type CsvSource,
  type ImportCounts,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type RowError,
} from './types';
import { rowProblems } from './problems';
import type { ParseContext } from './values';

const bytesPerRowGuess = 60;
const deferIndexesAbove = 50_000;

/** Thrown inside the transaction to roll it back when rows were bad. */
class Rollback extends Error {}

interface FileInfo {
  name: string;
  bytes: number | null;
  rows: number;
}

function zeroCounts(): Record<CsvFile, ImportCounts> {
  return {
    customers: { inserted: 0, updated: 0 },
    orders: { inserted: 0, updated: 0 },
    events: { inserted: 0, updated: 0 },
    products: { inserted: 0, updated: 0 },
  };
}

async function countRows(db: KizunaDb, table: keyof typeof tableOf): Promise<number> {
  const row = await db.kysely
    .selectFrom(tableOf[table])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Custom attributes are inserted with null for empty cells (so that merges can clear keys); drop them. */
async function stripNullAttributes(db: KizunaDb): Promise<void> {
  const set =
    db.dialect === 'sqlite'
      ? sql`json_patch('{}', custom_attributes)`
      : sql`jsonb_strip_nulls(custom_attributes::jsonb)::text`;
  await sql`UPDATE customers SET custom_attributes = ${set} WHERE custom_attributes LIKE '%null%'`.execute(db.kysely);
}

/** What every file of one import shares. */
interface ImportState {
  tx: KizunaDb;
  ctx: ParseContext;
  strict: boolean;
  updatedAt: string;
  errors: ErrorCollector;
  report: ReportError;
  known: KnownCustomers;
  progress: (p: ImportProgress) => void;
}

interface FileOutcome {
  counts: ImportCounts;
  stubs: number;
  rows: number;
}

/** Reads, checks and (while no error has been found) writes one file. */
async function importFile(state: ImportState, file: CsvFile, source: CsvSource, totalBytes: number | null): Promise<FileOutcome> {
  const { tx, errors, report } = state;
  const before = await countRows(tx, file);
  const ids = createIdRegistry(tx);
  let processor: RowProcessor | null = null;
  let sink: TableSink | null = null;
  try {
    const tick = (rows: number, bytes: number): void => state.progress({ file, phase: 'reading', rows, bytes, totalBytes });
    tick(0, 0);
    const read = async (): Promise<CsvReadResult> => {
      const result = await readCsv(source, {
        header: (fields) => {
          processor = new RowProcessor(file, fields, state.ctx, report, state.updatedAt, ids);
          if (!processor.usable) return false;
          sink = new TableSink(tx, processor, {
            customers: file === 'orders' || file === 'events' ? state.known : null,
            strict: state.strict,
            writing: () => !errors.any,
            report,
            updatedAt: state.updatedAt,
          });
          return true;
        },
        row: (fields, line) => {
          const parsed = processor!.process(fields, line);
          return parsed && sink ? sink.add(parsed) : undefined;
        },
        progress: tick,
      });
      await sink?.finish();
      return result;
    };
    // On SQLite a load bigger than the table is faster with its indexes built once at the end (nothing
    // else can use the connection meanwhile). PostgreSQL keeps them: dropping one would lock out readers.
    const estimatedRows = (totalBytes ?? 0) / bytesPerRowGuess;
    const deferIndexes = tx.sqlite !== null && estimatedRows > deferIndexesAbove && estimatedRows > before;
    const result = deferIndexes ? await withIndexesDeferred(tx, tableOf[file], read) : await read();
    if (result.empty && !result.failure) report(file, 1, null, null, rowProblems.emptyFile);
    if (result.failure) {
      const { line, detail, unreadable } = result.failure;
      report(file, line, null, null, unreadable ? rowProblems.unreadable(detail) : rowProblems.malformed(detail));
    }
    // TypeScript cannot see the assignments made inside the callbacks above.
    const fileProcessor = processor as RowProcessor | null;
    const fileSink = sink as TableSink | null;
    if (file === 'customers' && fileProcessor) {
      for (const id of fileProcessor.idsSeen()) state.known.add(id);
      if (fileProcessor.extraColumns.length > 0 && !errors.any) await stripNullAttributes(tx);
    }
    if (errors.any || !fileSink) return { counts: { inserted: 0, updated: 0 }, stubs: 0, rows: result.rows };
    const inserted = (await countRows(tx, file)) - before;
    return { counts: { inserted, updated: fileSink.written - inserted }, stubs: fileSink.stubsCreated, rows: result.rows };
  } finally {
    ids.close();
  }
}

/**
 * Imports the given CSV files into the database. Every row of every file is checked; if any is bad
 * nothing is written and the report lists the problems (ok: false). Re-importing the same ids updates.
 */
export async function importCsv(
  db: KizunaDb,
  sources: Partial<Record<CsvFile, CsvSource>>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const importId = randomUUID();
  const updatedAt = new Date().toISOString();
  const strict = options.strict ?? false;
  const progress = options.onProgress ?? (() => undefined);
  const files = csvFiles.filter((f) => sources[f] !== undefined);
  const info: Partial<Record<CsvFile, FileInfo>> = {};
  for (const f of files) {
    const source = sources[f]!;
    info[f] = { name: 'path' in source ? basename(source.path) : `${f}.csv`, bytes: sourceSize(source), rows: 0 };
  }
  await db.kysely
    .insertInto('imports')
    .values({ id: importId, started_at: updatedAt, finished_at: null, user_id: options.userId ?? null, status: 'running', files: JSON.stringify(info) })
    .execute();

  const settings = await getSettings(db);
  const ctx: ParseContext = { timeZone: settings.timeZone, currency: settings.currency, exponent: currencyExponent(settings.currency) };
  const errors = new ErrorCollector();
  const report: ReportError = (file, line, column, value, problem) =>
    errors.add({ file, line, column, value, code: problem.code, params: problem.params, reason: problem.reason });
  let counts = zeroCounts();
  let stubs = 0;

  const finish = async (status: 'succeeded' | 'failed', extra: RowError[] = []): Promise<ImportReport> => {
    const list = [...errors.list(), ...extra];
    const result: ImportReport = {
      importId,
      ok: status === 'succeeded',
      counts: status === 'succeeded' ? counts : zeroCounts(),
      customersCreatedFromOrders: status === 'succeeded' ? stubs : 0,
      errors: list,
      errorCount: errors.count + extra.length,
      durationMs: Math.round(performance.now() - started),
    };
    await db.kysely
      .updateTable('imports')
      .set({
        status,
        finished_at: new Date().toISOString(),
        files: JSON.stringify(info),
        counts: JSON.stringify({ ...result.counts, customersCreatedFromOrders: result.customersCreatedFromOrders }),
        error_count: result.errorCount,
        errors: JSON.stringify(list),
      })
      .where('id', '=', importId)
      .execute();
    progress({ file: null, phase: 'done', rows: 0, bytes: 0, totalBytes: null });
    return result;
  };

  try {
    await withTransaction(db, async (tx) => {
      const state: ImportState = { tx, ctx, strict, updatedAt, errors, report, known: new KnownCustomers(tx), progress };
      for (const file of files) {
        const outcome = await importFile(state, file, sources[file]!, info[file]!.bytes);
        info[file]!.rows = outcome.rows;
        counts[file] = outcome.counts;
        stubs += outcome.stubs;
      }
      if (errors.any) throw new Rollback('import has errors');
      if (options.rebuildFeatures ?? true) {
        progress({ file: null, phase: 'features', rows: 0, bytes: 0, totalBytes: null });
        await rebuildFeatures(tx);
      }
      // Every order and event customer is known or created as a stub before the row is written, so
      // SQLite's per-row foreign key lookups would only repeat that work.
    }, { skipForeignKeyChecks: true });
  } catch (err) {
    if (err instanceof Rollback) return finish('failed');
    counts = zeroCounts();
    await finish('failed', [
      { file: files[0] ?? 'customers', line: 0, column: null, value: null, ...rowProblems.importFailed((err as Error).message) },
    ]).catch(() => undefined);
    throw err;
  }
  return finish('succeeded');
}
