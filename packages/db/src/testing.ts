// Fresh, migrated databases for tests: in-memory SQLite, or a new database on the throwaway PostgreSQL
// server that scripts/with-postgres.sh starts (KIZUNA_PG_TEST_URL).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type KizunaDb } from './client';
import { migrate } from './migrate';

export async function createTestDb(): Promise<KizunaDb> {
  const db = openDatabase(':memory:');
  await migrate(db);
  return db;
}

/** A migrated SQLite database in a file of its own (loads then read it through a private read-only connection), removed on close. */
export async function createFileTestDb(): Promise<KizunaDb> {
  const dir = mkdtempSync(join(tmpdir(), 'kizuna-test-'));
  const db = openDatabase(join(dir, 'test.db'));
  await migrate(db);
  return {
    ...db,
    close: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `load` while counting the callbacks of other work (a setImmediate chain, one per event-loop turn) that get the thread before it finishes. */
export async function turnsDuring<T>(load: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let done = false;
  const tick = (): void => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await load(), turns };
  } finally {
    done = true;
  }
}

/** A new, empty, migrated PostgreSQL database; dropped again by the returned db's close(). */
export async function createPgTestDb(): Promise<KizunaDb> {
  const base = process.env.KIZUNA_PG_TEST_URL;
  if (!base) {
    throw new Error('KIZUNA_PG_TEST_URL is not set: run the PostgreSQL suite with `npm run test:pg`.');
  }
  const name = `kizuna_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString());
  await migrate(db);
  return {
    ...db,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: base });
      await dropper.connect();
      try {
        // The pool's sockets may still be closing: wait for them rather than FORCE, which would kill them
        // mid-close and surface as an uncaught 57P01 in the test process.
        for (let attempt = 0; ; attempt++) {
          try {
            await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (err) {
            if (attempt >= 50 || (err as { code?: string }).code !== '55006') throw err;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      } finally {
        await dropper.end();
      }
    },
  };
}
