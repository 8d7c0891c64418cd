// Cases for readSnapshot.ts and the sliced segment load, run on an in-memory and a file SQLite database
// (readSnapshot.test.ts) and on PostgreSQL (readSnapshot.pg.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { segmentColumns } from '@kizuna/segments';
import type { KizunaDb } from './client';
import { generateDemo } from './demo';
import { withReadSnapshot } from './readSnapshot';
import { loadSegmentData } from './segmentData';
import { resolveAsOf } from './settings';
import { turnsDuring } from './testing';

export function readSnapshotCases(createDb: () => Promise<KizunaDb>): void {
  describe('withReadSnapshot', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('streams every row with bound parameters, pausing every chunkRows rows', async () => {
      await generateDemo(db, { customers: 40, seed: 11 });
      const expected = (await db.kysely.selectFrom('orders').select('order_id').where('amount', '>=', 1000).orderBy('order_id').execute()).map((r) => r.order_id);
      expect(expected.length).toBeGreaterThan(20);
      const { value, turns } = await turnsDuring(() =>
        withReadSnapshot(
          db,
          async (snapshot) => {
            const ids: string[] = [];
            await snapshot.forEachRow('SELECT order_id FROM orders WHERE amount >= ? ORDER BY order_id', (row) => ids.push(String(row[0])), [1000]);
            return { ids, turns: snapshot.pacer.turns };
          },
          { chunkRows: 5 },
        ),
      );
      expect(value.ids).toEqual(expected);
      expect(value.turns).toBeGreaterThanOrEqual(Math.floor(expected.length / 5));
      // The turns are real: timers scheduled before the load ran while it was going on.
      expect(turns).toBeGreaterThan(2);
    });

    it('lists the columns of a table and refuses names that are not plain identifiers', async () => {
      const columns = await withReadSnapshot(db, (snapshot) => snapshot.tableColumns('orders'));
      expect([...columns]).toEqual(expect.arrayContaining(['order_id', 'customer_id', 'ordered_day', 'amount']));
      await expect(withReadSnapshot(db, (snapshot) => snapshot.tableColumns('orders; DROP TABLE orders'))).rejects.toThrow(/plain table name/);
    });

    it('passes the load error on and leaves the database usable', async () => {
      await expect(withReadSnapshot(db, (snapshot) => snapshot.forEachRow('SELECT no_such_column FROM orders', () => undefined))).rejects.toThrow();
      await expect(withReadSnapshot(db, async () => 'again')).resolves.toBe('again');
    });
  });

  describe('loadSegmentData in slices', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
      await generateDemo(db, { customers: 120, seed: 7 });
    });
    afterEach(async () => {
      await db.close();
    });

    it('loads exactly what a one-shot load does, across many chunk boundaries, giving the event loop turns', async () => {
      const asOfDay = (await resolveAsOf(db)).asOfDay;
      const columns = segmentColumns();
      const { value: oneShot, turns: oneShotTurns } = await turnsDuring(() =>
        loadSegmentData(db, { asOfDay, columns, chunkRows: Number.POSITIVE_INFINITY, sliceMs: Number.POSITIVE_INFINITY }),
      );
      expect(oneShot.size).toBe(120);
      // Far more orders and events than one chunk, so every phase crosses chunk boundaries.
      expect(oneShot.orders.count).toBeGreaterThan(100);
      expect(oneShot.events.size).toBeGreaterThan(1);
      const { value: sliced, turns } = await turnsDuring(() => loadSegmentData(db, { asOfDay, columns, chunkRows: 7 }));
      expect(sliced).toEqual(oneShot);
      expect(turns).toBeGreaterThan(10);
      // On SQLite the slices are what gives other work the thread (the one-shot load reads without a pause);
      // on PostgreSQL every network wait is a turn too, so there both loads get many.
      if (db.dialect === 'sqlite') expect(turns).toBeGreaterThan(oneShotTurns + 20);
    });
  });
}
