// Cases shared by bulk.test.ts (SQLite) and bulk.pg.test.ts (PostgreSQL).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkUpsert, createUpserter, isInTransaction, withIndexesDeferred, withTransaction } from './bulk';
import type { KizunaDb } from './client';

const now = '2024-01-01T00:00:00.000Z';

export function bulkCases(open: () => Promise<KizunaDb>): void {
    describe('bulkUpsert', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => {
      await db.close();
    });

    it('inserts, then updates on key conflict without duplicating', async () => {
      const cols = ['product_id', 'name', 'price', 'updated_at'];
      expect(await bulkUpsert(db, 'products', cols, ['product_id'], [['p1', 'A', 100, now], ['p2', 'B', 200, now]])).toBe(2);
      expect(await bulkUpsert(db, 'products', cols, ['product_id'], [['p1', 'A2', 150, now]])).toBe(1);
      const rows = await db.kysely.selectFrom('products').select(['product_id', 'name', 'price']).orderBy('product_id').execute();
      expect(rows).toEqual([
        { product_id: 'p1', name: 'A2', price: 150 },
        { product_id: 'p2', name: 'B', price: 200 },
      ]);
    });

    it('updates only the listed columns, or nothing with update: []', async () => {
      const cols = ['product_id', 'name', 'price', 'updated_at'];
      await bulkUpsert(db, 'products', cols, ['product_id'], [['p1', 'A', 100, now]]);
      await bulkUpsert(db, 'products', cols, ['product_id'], [['p1', 'X', 999, now]], { update: ['price'] });
      await bulkUpsert(db, 'products', cols, ['product_id'], [['p1', 'Y', 1, now]], { update: [] });
      const row = await db.kysely.selectFrom('products').select(['name', 'price']).executeTakeFirstOrThrow();
      expect(row).toEqual({ name: 'A', price: 999 });
    });

    it('writes many rows across chunks', async () => {
      const rows = Array.from({ length: 25_000 }, (_, i) => [`p${i}`, null, i, now]);
      expect(await bulkUpsert(db, 'products', ['product_id', 'name', 'price', 'updated_at'], ['product_id'], rows)).toBe(25_000);
      const { n } = await db.kysely.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(n).toBe(25_000);
    });

    it('is all or nothing: a failing row rolls back the whole call', async () => {
      const rows = [['p1', 'A', 1, now], ['p2', 'B', 2, null]]; // updated_at is NOT NULL
      await expect(bulkUpsert(db, 'products', ['product_id', 'name', 'price', 'updated_at'], ['product_id'], rows)).rejects.toThrow();
      expect(await db.kysely.selectFrom('products').selectAll().execute()).toEqual([]);
    });

    it('rejects column names that are not plain identifiers', async () => {
      await expect(bulkUpsert(db, 'products', ['product_id; drop table x', 'updated_at'], ['product_id'], [['a', now]])).rejects.toThrow(/column name/);
      expect(() => createUpserter(db, 'products', ['name', 'updated_at'], ['product_id'])).toThrow(/key column/);
    });
  });

    describe('withTransaction', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => {
      await db.close();
    });

    it('commits on success and rolls back everything on error, Kysely and bulk writes alike', async () => {
      await withTransaction(db, async (tx) => {
        expect(isInTransaction(tx)).toBe(true);
        await tx.kysely.insertInto('settings').values({ key: 'a', value: '1' }).execute();
      });
      await expect(
        withTransaction(db, async (tx) => {
          await tx.kysely.insertInto('settings').values({ key: 'b', value: '2' }).execute();
          await bulkUpsert(tx, 'products', ['product_id', 'updated_at'], ['product_id'], [['p1', now]]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.kysely.selectFrom('settings').select('key').execute()).toEqual([{ key: 'a' }]);
      expect(await db.kysely.selectFrom('products').selectAll().execute()).toEqual([]);
    });

    it('nested calls join the outer transaction', async () => {
      await expect(
        withTransaction(db, async (tx) => {
          await withTransaction(tx, async (inner) => {
            await inner.kysely.insertInto('settings').values({ key: 'x', value: '1' }).execute();
          });
          throw new Error('outer fails');
        }),
      ).rejects.toThrow('outer fails');
      expect(await db.kysely.selectFrom('settings').selectAll().execute()).toEqual([]);
    });  });

  describe('withIndexesDeferred', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await open();
    });
    afterEach(async () => {
      await db.close();
    });

    async function orderIndexes(): Promise<string[]> {
      const { sql } = await import('kysely');
      const q = db.sqlite
        ? sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL ORDER BY name`
        : sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE tablename = 'orders' AND indexname NOT LIKE '%pkey' ORDER BY indexname`;
      return (await q.execute(db.kysely)).rows.map((r) => r.name);
    }

    it('drops the secondary indexes while loading and rebuilds them after, or on failure keeps them', async () => {
      const before = await orderIndexes();
      expect(before.length).toBeGreaterThan(0);
      await bulkUpsert(db, 'customers', ['customer_id', 'updated_at'], ['customer_id'], [['c1', now]]);
      const rows = Array.from({ length: 100 }, (_, i) => [`o${i}`, 'c1', '2024-01-01', 19_723, i, now]);
      await withIndexesDeferred(db, 'orders', async (tx) => {
        expect(isInTransaction(tx)).toBe(true);
        await bulkUpsert(tx, 'orders', ['order_id', 'customer_id', 'ordered_at', 'ordered_day', 'amount', 'updated_at'], ['order_id'], rows);
      });
      expect(await orderIndexes()).toEqual(before);
      await expect(
        withIndexesDeferred(db, 'orders', async () => {
          throw new Error('load failed');
        }),
      ).rejects.toThrow('load failed');
      expect(await orderIndexes()).toEqual(before);
      const { n } = await db.kysely.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(n).toBe(100);
    });
  });
}
