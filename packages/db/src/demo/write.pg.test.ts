import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { KizunaDb } from '../client';
import { createPgTestDb, createTestDb } from '../testing';
import { generateDemo } from './write';

const dbs: KizunaDb[] = [];
afterAll(async () => {
  for (const db of dbs) await db.close();
});

/** Rows without updated_at, sorted in JS (PostgreSQL's text collation may order keys differently). */
async function rowsOf(db: KizunaDb, table: string, key: string): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db.kysely);
  return rows
    .map(({ updated_at: _ignored, ...rest }) => rest)
    .sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0));
}

describe('generateDemo on PostgreSQL', () => {
  it('writes the same rows and features as on SQLite', async () => {
    const pg = await createPgTestDb();
    const lite = await createTestDb();
    dbs.push(pg, lite);
    const onPg = await generateDemo(pg, { customers: 400, seed: 3, batchRows: 2_000 });
    const onLite = await generateDemo(lite, { customers: 400, seed: 3 });
    expect({ ...onPg, durationMs: 0 }).toEqual({ ...onLite, durationMs: 0 });
    expect(onPg.orders).toBeGreaterThan(1_000);
    for (const [table, key] of [['products', 'product_id'], ['customers', 'customer_id'], ['orders', 'order_id'], ['events', 'event_key'], ['customer_features', 'customer_id']] as const) {
      expect(await rowsOf(pg, table, key)).toEqual(await rowsOf(lite, table, key));
    }
  });
});
