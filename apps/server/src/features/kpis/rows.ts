// Raw rows of one SELECT on either dialect (tests compare compiled SQL against the engine with it), and the
// event-loop turn the KPI refresh takes between its model-fit steps. The loaders stream through
// @kizuna/db's withReadSnapshot instead.
import type { KizunaDb } from '@kizuna/db';

/**
 * Runs one SELECT with positional parameters (`?`; rewritten to $n for PostgreSQL) and returns raw rows.
 * SQLite: the raw handle, but while holding Kysely's connection lock, so a read never lands inside another
 * request's open transaction (an import writing in chunks) and sees its uncommitted rows.
 */
export async function selectRows(db: KizunaDb, sqlText: string, params: readonly unknown[] = []): Promise<unknown[][]> {
  const sqlite = db.sqlite;
  if (sqlite) {
    return db.kysely.connection().execute(async () => sqlite.prepare(sqlText).raw(true).all(...params) as unknown[][]);
  }
  const pool = db.pgPool;
  if (!pool) throw new Error('Database handle has neither SQLite nor PostgreSQL');
  let n = 0;
  const text = sqlText.replace(/\?/g, () => `$${++n}`);
  const res = await pool.query<unknown[]>({ text, values: [...params], rowMode: 'array' });
  return res.rows;
}

/** Lets queued requests run between two chunks of a long load. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
