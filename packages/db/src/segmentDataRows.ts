// Row streaming for bulk reads, one row (an array of column values) at a time: better-sqlite3's raw
// iterator on SQLite, a server-side cursor fetched in batches on PostgreSQL. SQL text only, no parameters:
// callers inline validated integers and whitelisted identifiers.
import type { KizunaDb } from './client';

const PG_BATCH = 20_000;

export async function forEachRow(db: KizunaDb, sqlText: string, onRow: (row: unknown[]) => void): Promise<void> {
  if (db.sqlite) {
    const stmt = db.sqlite.prepare(sqlText).raw(true);
    for (const row of stmt.iterate() as IterableIterator<unknown[]>) onRow(row);
    return;
  }
  const pool = db.pgPool;
  if (!pool) throw new Error('Database handle has neither SQLite nor PostgreSQL');
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE kizuna_rows NO SCROLL CURSOR FOR ${sqlText}`);
    for (;;) {
      const res = await client.query<unknown[]>({ text: `FETCH ${PG_BATCH} FROM kizuna_rows`, rowMode: 'array' });
      for (const row of res.rows) onRow(row);
      if (res.rows.length < PG_BATCH) break;
    }
    await client.query('CLOSE kizuna_rows');
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The column names of a table in the current database/schema. */
export async function tableColumns(db: KizunaDb, table: string): Promise<Set<string>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Not a plain table name: ${table}`);
  const names = new Set<string>();
  if (db.sqlite) {
    for (const r of db.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]) names.add(r.name);
    return names;
  }
  await forEachRow(
    db,
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}'`,
    (row) => names.add(String(row[0])),
  );
  return names;
}
