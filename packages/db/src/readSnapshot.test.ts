import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { segmentColumns } from '@kizuna/segments';
import type { KizunaDb } from './client';
import { generateDemo } from './demo';
import { Pacer, withReadSnapshot } from './readSnapshot';
import { readSnapshotCases } from './readSnapshot.cases';
import { loadSegmentData } from './segmentData';
import { resolveAsOf } from './settings';
import { createFileTestDb, createTestDb } from './testing';

describe('SQLite in memory', () => {
  readSnapshotCases(createTestDb);
});

describe('SQLite file', () => {
  readSnapshotCases(createFileTestDb);

  describe('snapshot isolation', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createFileTestDb();
      await generateDemo(db, { customers: 60, seed: 5 });
    });
    afterEach(async () => {
      await db.close();
    });

    it('does not see rows committed by the server while the load is paused', async () => {
      const asOfDay = (await resolveAsOf(db)).asOfDay;
      const columns = segmentColumns();
      const before = await loadSegmentData(db, { asOfDay, columns });
      const customer = before.customerIds[0]!;
      let written = false;
      // Stands in for an import committing between two slices of the load.
      const write = (): void => {
        if (written) return;
        written = true;
        db.sqlite!.prepare(
          "INSERT INTO orders (order_id, customer_id, ordered_at, ordered_day, amount, updated_at) VALUES ('late', ?, 'x', ?, 5, 'x')",
        ).run(customer, asOfDay - 1);
      };
      const loading = loadSegmentData(db, { asOfDay, columns, chunkRows: 3 }).then((data) => ({ data, writtenMeanwhile: written }));
      setImmediate(write);
      const isolated = await loading;
      // The write landed while the load was under way, and the load did not see it.
      expect(isolated.writtenMeanwhile).toBe(true);
      expect(isolated.data).toEqual(before);
      // The next load sees the new order.
      expect((await loadSegmentData(db, { asOfDay, columns })).orders.count).toBe(before.orders.count + 1);
    });
  });
});

describe('Pacer', () => {
  it('is due every chunkRows units and after sliceMs, and counts its turns', async () => {
    const byRows = new Pacer({ chunkRows: 3, sliceMs: Number.POSITIVE_INFINITY });
    expect([byRows.due(), byRows.due(), byRows.due()]).toEqual([false, false, true]);
    await byRows.pause();
    expect(byRows.turns).toBe(1);
    expect(byRows.due(2)).toBe(false);
    expect(byRows.due(5)).toBe(true);
    const byTime = new Pacer({ chunkRows: Number.POSITIVE_INFINITY, sliceMs: 0 });
    // The clock is read every 512 units only.
    expect(byTime.due(511)).toBe(false);
    expect(byTime.due(1)).toBe(true);
  });

  it('refuses a snapshot handle with neither database', async () => {
    const db = { sqlite: null, pgPool: null } as unknown as KizunaDb;
    await expect(withReadSnapshot(db, async () => 1)).rejects.toThrow(/neither SQLite nor PostgreSQL/);
  });
});
