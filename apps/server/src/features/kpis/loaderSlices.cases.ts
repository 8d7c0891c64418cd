// Cases for the sliced KPI load, run on in-memory and file SQLite (loaderSlices.test.ts) and PostgreSQL
// (loaderSlices.pg.test.ts): slicing changes when the event loop gets turns, never what is loaded.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayFromDate, generateDemo, turnsDuring, type KizunaDb } from '@kizuna/db';
import { loadMetricsData } from './loader';

export function loaderSliceCases(createDb: () => Promise<KizunaDb>): void {
  describe('loadMetricsData in slices', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
      await generateDemo(db, { customers: 120, seed: 9 });
    });
    afterEach(async () => {
      await db.close();
    });

    it('loads exactly what a one-shot load does, across many chunk boundaries, giving the event loop turns', async () => {
      const asOfDay = dayFromDate('2026-11-01');
      const unbounded = Number.POSITIVE_INFINITY;
      const { value: oneShot, turns: oneShotTurns } = await turnsDuring(() =>
        loadMetricsData(db, asOfDay, { customerPage: 1_000_000, orderChunk: 1_000_000, chunkRows: unbounded, sliceMs: unbounded }),
      );
      expect(oneShot.customerIds).toHaveLength(120);
      expect(oneShot.data.orders.day.length).toBeGreaterThan(100);
      // More orders and surveys than one block of 4 rows, so the blocks are joined too.
      expect(oneShot.data.surveys!.day.length).toBeGreaterThan(4);
      const { value: sliced, turns } = await turnsDuring(() => loadMetricsData(db, asOfDay, { customerPage: 13, orderChunk: 7, chunkRows: 5, blockRows: 4 }));
      expect(sliced.customerIds).toEqual(oneShot.customerIds);
      expect(sliced.orphanRows).toBe(oneShot.orphanRows);
      expect(sliced.data).toEqual(oneShot.data);
      expect(turns).toBeGreaterThan(10);
      // On SQLite the slices are what gives other work the thread (the one-shot load reads without a pause);
      // on PostgreSQL every network wait is a turn too, so there both loads get many.
      if (db.dialect === 'sqlite') expect(turns).toBeGreaterThan(oneShotTurns + 20);
    });
  });
}
