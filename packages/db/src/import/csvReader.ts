// Streams one CSV source through csv-parse, numbering records the way a spreadsheet numbers rows (the
// header is line 1; a quoted field with newlines stays one row; blank lines count but are skipped).
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CsvSource } from './types';

export interface CsvCallbacks {
  /** The header row; return false to stop reading the file (e.g. a required column is missing). */
  header(fields: string[]): boolean;
  /** A data row; may return a promise (a batch being written), which is awaited before reading on. */
  row(fields: string[], line: number): void | Promise<void>;
  /** Called every `progressEvery` rows and once at the end. */
  progress?(rows: number, bytes: number): void;
}

export interface CsvReadResult {
  rows: number;
  bytes: number;
  /** The file could not be read past `line`: a CSV syntax error, or an I/O error (`unreadable`). */
  failure: { line: number; detail: string; unreadable: boolean } | null;
  /** There was no header row at all. */
  empty: boolean;
}

const progressEvery = 10_000;

/**
 * The records a parser has ready, a batch at a time: one promise per batch instead of one per record (the
 * stream's own async iterator), which matters at a million rows.
 */
async function* recordBatches(stream: Readable): AsyncGenerator<string[][]> {
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => wake?.();
  stream.on('readable', notify);
  stream.on('end', () => {
    ended = true;
    notify();
  });
  stream.on('error', (err: Error) => {
    failure = err;
    notify();
  });
  for (;;) {
    if (failure) throw failure;
    const batch: string[][] = [];
    let record: string[] | null;
    while ((record = stream.read() as string[] | null) !== null) batch.push(record);
    if (batch.length > 0) {
      yield batch;
      continue;
    }
    if (ended) return;
    // Set synchronously after read() returned null, so no 'readable' or 'end' can slip in between.
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}

export function sourceSize(source: CsvSource): number | null {
  if ('path' in source) return statSync(source.path).size;
  return source.size ?? null;
}

export async function readCsv(source: CsvSource, cb: CsvCallbacks): Promise<CsvReadResult> {
  const input: NodeJS.ReadableStream =
    'path' in source ? createReadStream(source.path, { highWaterMark: 1 << 20 }) : source.stream();
  // relax_quotes lets a stray quote inside an unquoted field through (5" screen); an unclosed quoted
  // field is still an error. Column counts are checked by the caller, per row, with a clear message.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true });
  input.on('error', (err: Error) => parser.destroy(err));
  input.pipe(parser);
  let line = 0;
  let rows = 0;
  let sawHeader = false;
  const bytes = (): number => Number(parser.info?.bytes ?? 0);
  // Errors thrown by the callbacks (a failed write) propagate; only reading and parsing errors become a
  // failure of the file.
  let callbackError: unknown = undefined;
  try {
    for await (const batch of recordBatches(parser)) {
      for (const record of batch) {
        line++;
        if (record.length === 1 && record[0]!.trim() === '') continue;
        if (!sawHeader) {
          sawHeader = true;
          if (!cb.header(record)) return { rows, bytes: bytes(), failure: null, empty: false };
          continue;
        }
        rows++;
        try {
          const pending = cb.row(record, line);
          if (pending) await pending;
          if (rows % progressEvery === 0) cb.progress?.(rows, bytes());
        } catch (err) {
          callbackError = err;
          throw err;
        }
      }
    }
  } catch (err) {
    if (err === callbackError) throw err;
    const e = err as Error & { code?: string; records?: number };
    if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
      return { rows, bytes: bytes(), failure: { line: (e.records ?? line) + 1, detail: e.message, unreadable: false }, empty: !sawHeader };
    }
    return { rows, bytes: bytes(), failure: { line: line + 1, detail: e.message, unreadable: true }, empty: !sawHeader };
  } finally {
    // Stopping early (or failing) must not leave the file open.
    parser.destroy();
    (input as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
  cb.progress?.(rows, bytes());
  return { rows, bytes: bytes(), failure: null, empty: !sawHeader };
}
