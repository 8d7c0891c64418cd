import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkUpsert, withTransaction } from './bulk';
import { bulkCases } from './bulk.cases';
import type { KizunaDb } from './client';
import { createTestDb } from './testing';

describe('SQLite', () => {
  bulkCases(createTestDb);

  describe('withTransaction on the single SQLite connection', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createTestDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('skips foreign key checks only inside a transaction that asks for it', async () => {
      const orphan = (id: string) => [id, 'nobody', '2024-01-01', 19_723, 1, '2024-01-01T00:00:00Z'];
      const columns = ['order_id', 'customer_id', 'ordered_at', 'ordered_day', 'amount', 'updated_at'];
      await withTransaction(db, async (tx) => {
        await bulkUpsert(tx, 'orders', columns, ['order_id'], [orphan('o1')]);
      }, { skipForeignKeyChecks: true });
      expect(db.sqlite!.pragma('foreign_keys', { simple: true })).toBe(1);
      await expect(bulkUpsert(db, 'orders', columns, ['order_id'], [orphan('o2')])).rejects.toThrow(/FOREIGN KEY/);
    });

    it('makes concurrent Kysely queries wait until the transaction ends', async () => {
      const seen: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const txDone = withTransaction(db, async (tx) => {
        await tx.kysely.insertInto('settings').values({ key: 'in-tx', value: '1' }).execute();
        await gate;
        seen.push('tx-end');
        throw new Error('roll back');
      }).catch(() => undefined);
      const outside = db.kysely.selectFrom('settings').select('key').execute().then((rows) => {
        seen.push(`outside saw ${rows.length}`);
      });
      await new Promise((r) => setTimeout(r, 10));
      release();
      await Promise.all([txDone, outside]);
      expect(seen).toEqual(['tx-end', 'outside saw 0']);
      expect(db.sqlite!.inTransaction).toBe(false);
    });
  });
});
