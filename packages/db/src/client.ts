// Opens the workspace database: SQLite (better-sqlite3, WAL, foreign keys on) by default, PostgreSQL when the
// URL starts with postgres://. Callers pass the handle along; nothing here is global.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables';

export type Dialect = 'sqlite' | 'postgres';

export interface KizunaDb {
  readonly kysely: Kysely<Database>;
  /**
   * For reads that must not wait behind a long write (session lookups while an import runs). SQLite: a second,
   * read-only connection that sees the last committed state (WAL); the same handle as `kysely` for :memory:
   * and PostgreSQL, where the pool already reads concurrently.
   */
  readonly reader: Kysely<Database>;
  readonly dialect: Dialect;
  /** The raw SQLite handle, for bulk paths that must skip the query builder. Null on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | null;
  /** The PostgreSQL pool, for COPY-style bulk paths. Null on SQLite. */
  readonly pgPool: pg.Pool | null;
  /** Where the data lives, with any password removed: for logs and the UI. */
  readonly description: string;
  close(): Promise<void>;
}

// COUNT(*) and BIGINT columns come back from pg as strings; every value we keep fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * `url` is a file path (`data/kizuna.db`), `:memory:`, or `postgres://user:pass@host:port/db`.
 */
export function openDatabase(url: string): KizunaDb {
  if (isPostgresUrl(url)) return openPostgres(url);
  return openSqlite(url.replace(/^(sqlite|file):/, ''));
}

function openSqlite(path: string): KizunaDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('temp_store = MEMORY');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let reader = kysely;
  if (path !== ':memory:') {
    reader = new Kysely<Database>({
      dialect: new SqliteDialect({
        database: async () => {
          const ro = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
          ro.pragma('busy_timeout = 5000');
          return ro;
        },
      }),
    });
  }
  return {
    kysely,
    reader,
    dialect: 'sqlite',
    sqlite,
    pgPool: null,
    description: `sqlite:${path}`,
    close: async () => {
      if (reader !== kysely) await reader.destroy();
      await kysely.destroy();
    },
  };
}

function openPostgres(url: string): KizunaDb {
  const pgPool = new pg.Pool({ connectionString: url, max: 8 });
  // An idle client can fail (server restart, a terminated backend); without a listener that kills the process.
  pgPool.on('error', (err) => console.error(`PostgreSQL pool: ${err.message}`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pgPool }) });
  const safe = new URL(url);
  safe.password = '';
  return {
    kysely,
    reader: kysely,
    dialect: 'postgres',
    sqlite: null,
    pgPool,
    description: safe.toString(),
    close: async () => {
      await kysely.destroy();
      // Kysely ends the pool only if it ever used it; a handle closed unused would leave it open.
      if (!pgPool.ending) await pgPool.end();
    },
  };
}
