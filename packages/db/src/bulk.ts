// Fast bulk writes and transactions that work the same on both dialects: prepared statements on the raw
// SQLite handle, multi-row INSERT … ON CONFLICT batches on PostgreSQL.
import { CompiledQuery, type Kysely } from 'kysely';
import type { KizunaDb } from './client';
import type { Database } from './tables';

/** Transaction-bound handles handed out by withTransaction: nested calls join instead of deadlocking. */
const transactionHandles = new WeakSet<KizunaDb>();

/** True when db is the handle withTransaction gave to its callback. */
export function isInTransaction(db: KizunaDb): boolean {
  return transactionHandles.has(db);
}

export interface TransactionOptions {
  /**
   * SQLite only: skip the per-row foreign key lookups for this transaction (a bulk load that creates
   * every parent itself). Ignored when joining an outer transaction.
   */
  skipForeignKeyChecks?: boolean;
}

/**
 * Runs fn in one transaction and gives it a KizunaDb bound to that transaction; commits when fn resolves,
 * rolls back when it throws. SQLite: BEGIN IMMEDIATE on db.sqlite while holding Kysely's single-connection
 * lock, so other Kysely queries wait instead of slipping into this transaction (raw db.sqlite calls made
 * inside fn belong to it). PostgreSQL: a Kysely transaction on a dedicated pool client; tx.pgPool is still
 * the pool, so use tx.kysely (or bulkUpsert(tx, …)) for work that must be part of the transaction.
 * Called with a handle that is already a transaction, fn simply joins it.
 */
export async function withTransaction<T>(
  db: KizunaDb,
  fn: (tx: KizunaDb) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  if (transactionHandles.has(db)) return fn(db);
  if (db.sqlite) {
    const sqlite = db.sqlite;
    return db.kysely.connection().execute(async (conn) => {
      // The pragma is a no-op inside a transaction: set it before BEGIN, while holding the connection.
      const restoreForeignKeys = options.skipForeignKeyChecks === true && sqlite.pragma('foreign_keys', { simple: true }) === 1;
      if (restoreForeignKeys) sqlite.pragma('foreign_keys = OFF');
      try {
        return await runSqliteTransaction(db, conn, fn);
      } finally {
        if (restoreForeignKeys) sqlite.pragma('foreign_keys = ON');
      }
    });
  }
  return db.kysely.transaction().execute(async (trx) => {
    const tx: KizunaDb = { ...db, kysely: trx };
    transactionHandles.add(tx);
    try {
      return await fn(tx);
    } finally {
      transactionHandles.delete(tx);
    }
  });
}

async function runSqliteTransaction<T>(db: KizunaDb, conn: Kysely<Database>, fn: (tx: KizunaDb) => Promise<T>): Promise<T> {
  const sqlite = db.sqlite!;
  sqlite.exec('BEGIN IMMEDIATE');
  const tx: KizunaDb = { ...db, kysely: conn };
  transactionHandles.add(tx);
  try {
    const result = await fn(tx);
    sqlite.exec('COMMIT');
    return result;
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw err;
  } finally {
    transactionHandles.delete(tx);
  }
}

/** A column's value on conflict, per dialect, written against the existing row `<table>` and `excluded`. */
export interface UpdateExpression {
  sqlite: string;
  postgres: string;
}

export interface UpsertOptions {
  /** Columns overwritten on conflict; default every column not in `key`. An empty list means DO NOTHING. */
  update?: string[];
  /** SQL replacing `excluded.<column>` for some of the updated columns (e.g. merging JSON). */
  updateExpressions?: Record<string, UpdateExpression>;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

function checkIdentifiers(names: string[]): void {
  for (const n of names) {
    if (!identifier.test(n)) throw new Error(`bulkUpsert: not a plain column name: ${JSON.stringify(n)}`);
  }
}

function conflictClause(db: KizunaDb, columns: string[], key: string[], options: UpsertOptions): string {
  const update = options.update ?? columns.filter((c) => !key.includes(c));
  checkIdentifiers(update);
  if (update.length === 0) return `ON CONFLICT (${key.join(', ')}) DO NOTHING`;
  const sets = update.map((c) => {
    const custom = options.updateExpressions?.[c];
    return `${c} = ${custom ? custom[db.dialect] : `excluded.${c}`}`;
  });
  return `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${sets.join(', ')}`;
}

/** PostgreSQL's bind-parameter limit is 65535 per statement; stay under it with some room. */
const pgMaxParams = 60_000;
const pgMaxRows = 5_000;
const sqliteChunk = 10_000;

/**
 * Streams rows into one table, upserting on `key`. Rows are written as they come (SQLite) or per batch
 * (PostgreSQL); call flush() at the end. Use it inside withTransaction: it does not open one itself.
 */
export interface Upserter {
  add(row: unknown[]): Promise<void> | void;
  flush(): Promise<void>;
  /** Rows written so far (on PostgreSQL, rows of a batch count once the batch is sent). */
  readonly written: number;
}

export function createUpserter(
  db: KizunaDb,
  table: keyof Database,
  columns: string[],
  key: string[],
  options: UpsertOptions = {},
): Upserter {
  checkIdentifiers([table, ...columns, ...key]);
  if (columns.length === 0) throw new Error('bulkUpsert: no columns');
  const keyIndexes = key.map((k) => columns.indexOf(k));
  if (keyIndexes.some((i) => i < 0)) throw new Error('bulkUpsert: every key column must be among the columns');
  const conflict = conflictClause(db, columns, key, options);
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;

  if (db.sqlite) {
    const stmt = db.sqlite.prepare(`${head}(${columns.map(() => '?').join(', ')}) ${conflict}`);
    let written = 0;
    return {
      add(row) {
        stmt.run(row);
        written++;
      },
      async flush() {},
      get written() {
        return written;
      },
    };
  }

  const batchRows = Math.max(1, Math.min(pgMaxRows, Math.floor(pgMaxParams / columns.length)));
  const kysely = db.kysely;
  let batch: unknown[][] = [];
  let written = 0;
  const send = async (): Promise<void> => {
    if (batch.length === 0) return;
    // One statement may not touch the same key twice on PostgreSQL; keep the last, as SQLite would.
    const byKey = new Map<string, unknown[]>();
    for (const row of batch) byKey.set(JSON.stringify(keyIndexes.map((i) => row[i])), row);
    const rows = byKey.size === batch.length ? batch : [...byKey.values()];
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const marks = row.map((v) => {
        params.push(v);
        return `$${params.length}`;
      });
      return `(${marks.join(', ')})`;
    });
    written += batch.length;
    batch = [];
    await kysely.executeQuery(CompiledQuery.raw(`${head}${tuples.join(', ')} ${conflict}`, params));
  };
  return {
    async add(row) {
      if (row.length !== columns.length) throw new Error(`bulkUpsert: row has ${row.length} values, expected ${columns.length}`);
      batch.push(row);
      if (batch.length >= batchRows) await send();
    },
    flush: send,
    get written() {
      return written;
    },
  };
}

/**
 * Inserts rows into `table`; a row whose `key` already exists updates the other columns instead (see
 * UpsertOptions). Runs in one transaction (joins the caller's when db comes from withTransaction). SQLite:
 * one prepared statement on db.sqlite, yielding to the event loop between chunks. PostgreSQL: multi-row
 * INSERT … ON CONFLICT in batches under the 65535 bind limit. Returns how many rows were written.
 */
export async function bulkUpsert(
  db: KizunaDb,
  table: keyof Database,
  columns: string[],
  key: string[],
  rows: unknown[][],
  options: UpsertOptions = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  return withTransaction(db, async (tx) => {
    const up = createUpserter(tx, table, columns, key, options);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.length !== columns.length) throw new Error(`bulkUpsert: row ${i} has ${row.length} values, expected ${columns.length}`);
      const pending = up.add(row);
      if (pending) await pending;
      if (tx.sqlite && i % sqliteChunk === sqliteChunk - 1) await yieldToEventLoop();
    }
    await up.flush();
    return up.written;
  });
}

/**
 * Drops the secondary indexes of `table` (not its primary key), runs fn, then recreates them: building an
 * index once is much faster than updating it row by row when a load is larger than the table. Runs in one
 * transaction (joins the caller's), so a failure restores the indexes with everything else.
 */
export async function withIndexesDeferred<T>(db: KizunaDb, table: keyof Database, fn: (tx: KizunaDb) => Promise<T>): Promise<T> {
  checkIdentifiers([table]);
  return withTransaction(db, async (tx) => {
    let definitions: string[];
    if (tx.sqlite) {
      const rows = tx.sqlite
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(table) as { name: string; sql: string }[];
      for (const r of rows) tx.sqlite.exec(`DROP INDEX "${r.name}"`);
      definitions = rows.map((r) => r.sql);
    } else {
      // Constraint-backed indexes (primary key, UNIQUE) stay: they are what ON CONFLICT relies on.
      const res = await tx.kysely.executeQuery<{ indexname: string; indexdef: string }>(
        CompiledQuery.raw(
          `SELECT i.indexname, i.indexdef FROM pg_indexes i
           WHERE i.schemaname = current_schema() AND i.tablename = $1
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
          [table],
        ),
      );
      for (const r of res.rows) await tx.kysely.executeQuery(CompiledQuery.raw(`DROP INDEX "${r.indexname}"`));
      definitions = res.rows.map((r) => r.indexdef);
    }
    const result = await fn(tx);
    for (const definition of definitions) {
      if (tx.sqlite) tx.sqlite.exec(definition);
      else await tx.kysely.executeQuery(CompiledQuery.raw(definition));
    }
    return result;
  });
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
