// Bulk reads for the in-memory loaders (segment columns, KPI data) that neither freeze the server nor see
// half an import: every query of one load reads the same committed snapshot, and rows reach the caller in
// slices with a macrotask turn (setImmediate) in between, so requests arriving mid-load are answered.
// - SQLite file: a private read-only connection in one read transaction (WAL keeps its snapshot while the
//   main connection writes); its iterator stays open across the turns, since nothing else uses it.
// - SQLite :memory: (tests, small demos): no second connection can see the data, so each query reads in one
//   go under Kysely's connection lock (never inside another request's open transaction), then is sliced.
// - PostgreSQL: one REPEATABLE READ, READ ONLY transaction; a cursor per query, fetched in batches.
import BetterSqlite3 from 'better-sqlite3';
import type { KizunaDb } from './client';

export interface PaceOptions {
  /** Longest stretch (ms) of loading between two turns of the event loop. */
  sliceMs?: number;
  /** At most this many rows (or units of work) between two turns, whatever the time. */
  chunkRows?: number;
}

/** Slices long loops: `if (pacer.due()) await pacer.pause();` once per row or unit of work. */
export class Pacer {
  /** Turns handed to the event loop so far. */
  turns = 0;
  private units = 0;
  private sinceCheck = 0;
  private sliceStart = performance.now();
  private readonly sliceMs: number;
  private readonly chunkRows: number;

  constructor(options: PaceOptions = {}) {
    this.sliceMs = options.sliceMs ?? 40;
    this.chunkRows = options.chunkRows ?? 250_000;
  }

  /** Counts `units` of work done; true when it is time to give the event loop a turn. */
  due(units = 1): boolean {
    this.units += units;
    if (this.units >= this.chunkRows) return true;
    // Reading the clock on every row would cost more than the rows: look every 512 units.
    this.sinceCheck += units;
    if (this.sinceCheck < 512) return false;
    this.sinceCheck = 0;
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  /** One macrotask turn: timers, I/O and queued requests run before loading goes on. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.turns++;
    this.units = 0;
    this.sinceCheck = 0;
    this.sliceStart = performance.now();
  }
}

export interface ReadSnapshot {
  readonly dialect: KizunaDb['dialect'];
  readonly pacer: Pacer;
  /**
   * Streams one query's rows (arrays of column values) to `onRow`, pausing between slices. Parameters are
   * positional `?` (rewritten to $n on PostgreSQL); identifiers must be whitelisted by the caller.
   */
  forEachRow(sqlText: string, onRow: (row: unknown[]) => void, params?: readonly unknown[]): Promise<void>;
  /** The column names of a table in the snapshot's database/schema. */
  tableColumns(table: string): Promise<Set<string>>;
}

/** Runs `load` over one consistent snapshot of the database, then releases it (also when `load` throws). */
export async function withReadSnapshot<T>(db: KizunaDb, load: (snapshot: ReadSnapshot) => Promise<T>, options: PaceOptions = {}): Promise<T> {
  const pacer = new Pacer(options);
  if (db.sqlite) {
    const main = db.sqlite;
    if (main.memory || main.name === '') return load(memorySnapshot(db, main, pacer));
    return fileSnapshot(main.name, pacer, load);
  }
  return pgSnapshot(db, pacer, load);
}

function plainTable(table: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Not a plain table name: ${table}`);
  return table;
}

async function fileSnapshot<T>(file: string, pacer: Pacer, load: (snapshot: ReadSnapshot) => Promise<T>): Promise<T> {
  const conn = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    conn.pragma('busy_timeout = 5000');
    // Bulk scans read each page once: a modest private cache, freed when the load ends.
    conn.pragma('cache_size = -65536');
    conn.exec('BEGIN');
    const snapshot: ReadSnapshot = {
      dialect: 'sqlite',
      pacer,
      async forEachRow(sqlText, onRow, params = []) {
        const rows = conn.prepare(sqlText).raw(true).iterate(...params) as IterableIterator<unknown[]>;
        for (const row of rows) {
          onRow(row);
          if (pacer.due()) await pacer.pause();
        }
      },
      tableColumns: async (table) => sqliteColumns(conn, table),
    };
    const result = await load(snapshot);
    conn.exec('COMMIT');
    return result;
  } finally {
    conn.close();
  }
}

function sqliteColumns(conn: BetterSqlite3.Database, table: string): Set<string> {
  const rows = conn.prepare(`PRAGMA table_info(${plainTable(table)})`).all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

function memorySnapshot(db: KizunaDb, main: BetterSqlite3.Database, pacer: Pacer): ReadSnapshot {
  const locked = <R>(read: () => R): Promise<R> => db.kysely.connection().execute(async () => read());
  return {
    dialect: 'sqlite',
    pacer,
    async forEachRow(sqlText, onRow, params = []) {
      const rows = await locked(() => main.prepare(sqlText).raw(true).all(...params) as unknown[][]);
      for (const row of rows) {
        onRow(row);
        if (pacer.due()) await pacer.pause();
      }
    },
    tableColumns: (table) => locked(() => sqliteColumns(main, table)),
  };
}

const PG_BATCH = 20_000;

async function pgSnapshot<T>(db: KizunaDb, pacer: Pacer, load: (snapshot: ReadSnapshot) => Promise<T>): Promise<T> {
  const pool = db.pgPool;
  if (!pool) throw new Error('Database handle has neither SQLite nor PostgreSQL');
  const client = await pool.connect();
  let cursors = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const forEachRow: ReadSnapshot['forEachRow'] = async (sqlText, onRow, params = []) => {
      const cursor = `kizuna_rows_${++cursors}`;
      let n = 0;
      const text = sqlText.replace(/\?/g, () => `$${++n}`);
      await client.query({ text: `DECLARE ${cursor} NO SCROLL CURSOR FOR ${text}`, values: [...params] });
      for (;;) {
        const res = await client.query<unknown[]>({ text: `FETCH ${PG_BATCH} FROM ${cursor}`, rowMode: 'array' });
        for (const row of res.rows) {
          onRow(row);
          if (pacer.due()) await pacer.pause();
        }
        if (res.rows.length < PG_BATCH) break;
      }
      await client.query(`CLOSE ${cursor}`);
    };
    const snapshot: ReadSnapshot = {
      dialect: 'postgres',
      pacer,
      forEachRow,
      async tableColumns(table) {
        const names = new Set<string>();
        await forEachRow(
          'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?',
          (row) => names.add(String(row[0])),
          [plainTable(table)],
        );
        return names;
      },
    };
    const result = await load(snapshot);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
