// Closing a PostgreSQL handle ends its pool whether or not it was ever used, and never ends it twice.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';

function testUrl(): string {
  const url = process.env.KIZUNA_PG_TEST_URL;
  if (!url) throw new Error('KIZUNA_PG_TEST_URL is not set: run the PostgreSQL suite with `npm run test:pg`.');
  return url;
}

describe('openDatabase (PostgreSQL) close', () => {
  it('ends a pool that was never queried', async () => {
    const db = openDatabase(testUrl());
    await db.close();
    expect(db.pgPool?.ending).toBe(true);
  });

  it('ends a pool that was used, once', async () => {
    const db = openDatabase(testUrl());
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db.kysely);
    expect(rows[0]?.one).toBe(1);
    await expect(db.close()).resolves.toBeUndefined();
    expect(db.pgPool?.ending).toBe(true);
    expect(db.pgPool?.totalCount).toBe(0);
  });
});
