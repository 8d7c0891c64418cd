import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from '../client';
import { createTestDb } from '../testing';
import { badRowCases } from './badRows.cases';
import { importCases } from './import.cases';
import { importCsv } from './importCsv';
import { csv, rowsOf, snapshot } from './testHelpers';

describe('CSV import on SQLite', () => {
  importCases(createTestDb);
  badRowCases(createTestDb);

  describe('large loads (indexes built once at the end)', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createTestDb();
    });
    afterEach(async () => {
      await db.close();
    });
    const O = 'order_id,customer_id,ordered_at,amount\n';
    // The declared size is what decides; a small file claiming to be big takes the same path.
    const big = (text: string) => ({ ...(csv(text) as { stream: () => NodeJS.ReadableStream }), size: 50_000_000 });
    const indexes = async () =>
      (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('orders', 'events') ORDER BY name`.execute(db.kysely)).rows;

    it('writes the rows and restores every index', async () => {
      const before = await indexes();
      // Progress callbacks run inside the import's transaction: count the orders indexes as it reads.
      const countOrderIndexes = db.sqlite!.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL").pluck();
      const seen: number[] = [];
      const report = await importCsv(
        db,
        { orders: big(`${O}1,A,2024-01-01,5\n2,B,2024-01-02,7\n`), events: big('customer_id,event_type,occurred_at\nA,x,2024-01-01\n') },
        { onProgress: (p) => p.file === 'orders' && seen.push(countOrderIndexes.get() as number) },
      );
      expect(report.ok).toBe(true);
      expect(seen.at(0)).toBeGreaterThan(0);
      expect(seen.at(-1)).toBe(0);
      expect(report.counts.orders).toEqual({ inserted: 2, updated: 0 });
      expect(await indexes()).toEqual(before);
      expect((await rowsOf(db, 'customer_features', 'customer_id')).map((f) => f.monetary)).toEqual([5, 7]);
    });

    it('rolls back rows and index changes alike when a row is bad', async () => {
      await importCsv(db, { orders: csv(`${O}1,A,2024-01-01,5\n`) });
      const before = await snapshot(db);
      const beforeIndexes = await indexes();
      const report = await importCsv(db, { orders: big(`${O}2,A,2024-01-01,5\n3,A,bad,1\n`) });
      expect(report.ok).toBe(false);
      expect(await snapshot(db)).toEqual(before);
      expect(await indexes()).toEqual(beforeIndexes);
    });
  });
});
