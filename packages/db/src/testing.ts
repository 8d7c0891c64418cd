// Fresh, migrated databases for tests: in-memory SQLite, or a new database on the throwaway PostgreSQL
// server that scripts/with-postgres.sh starts (KIZUNA_PG_TEST_URL).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type KizunaDb } from './client';
import { migrate } from './migrate';

export async function createTestDb(): Promise<KizunaDb> {
  const db = openDatabase(':memory:');
  await migrate(db);
  return db;
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
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
