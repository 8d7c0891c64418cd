// Applies the numbered SQL files of migrations/ in order, each in its own transaction, once.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KizunaDb } from './client';

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }));
}

/** Runs every migration not yet applied; returns the versions it applied. */
export async function migrate(db: KizunaDb, migrations = listMigrations()): Promise<string[]> {
  const applied: string[] = [];
  if (db.sqlite) {
    const sqlite = db.sqlite;
    sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set(
      (sqlite.prepare('SELECT version FROM schema_migrations').all() as { version: string }[]).map((r) => r.version),
    );
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      sqlite.transaction(() => {
        sqlite.exec(m.sql);
        sqlite.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, new Date().toISOString());
      })();
      applied.push(m.version);
    }
    return applied;
  }
  const pool = db.pgPool!;
  const client = await pool.connect();
  try {
    // One server-wide lock so two processes starting at once do not race.
    await client.query('SELECT pg_advisory_lock(4242001)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const res = await client.query<{ version: string }>('SELECT version FROM schema_migrations');
    const done = new Set(res.rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      applied.push(m.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(4242001)').catch(() => undefined);
    client.release();
  }
  return applied;
}
