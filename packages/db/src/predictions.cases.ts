// Cases for predictions.ts, run on SQLite (predictions.test.ts) and PostgreSQL (predictions.pg.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from './client';
import { readCustomerPredictions, readPredictionFit, replaceCustomerPredictions } from './predictions';

const fit = (asOfDate: string) => ({
  asOfDate,
  dataStamp: `stamp-${asOfDate}`,
  horizonDays: 365,
  model: { bgnbd: { r: 0.5, alpha: 10, a: 0.8, b: 2.5 } },
  fittedAt: '2025-01-01T00:00:00.000Z',
});

export function predictionCases(createDb: () => Promise<KizunaDb>): void {
  describe('customer predictions', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('has no fit before anything was written', async () => {
      expect(await readPredictionFit(db)).toBeNull();
      expect(await readCustomerPredictions(db)).toEqual([]);
    });

    it('writes one row per predicted customer, skipping customers without a prediction, and rounds CLV', async () => {
      const written = await replaceCustomerPredictions(
        db,
        {
          customerIds: ['b', 'a', 'c', 'd'],
          pAlive: [0.25, 1, Number.NaN, 0.5],
          expectedPurchases90d: [0.1, 2.5, Number.NaN, Number.POSITIVE_INFINITY],
          predictedClv: [1234.6, 99.4, Number.NaN, 10],
        },
        fit('2024-06-01'),
      );
      expect(written).toBe(2);
      expect(await readCustomerPredictions(db)).toEqual([
        { customerId: 'a', pAlive: 1, expectedPurchases90d: 2.5, predictedClv: 99 },
        { customerId: 'b', pAlive: 0.25, expectedPurchases90d: 0.1, predictedClv: 1235 },
      ]);
      expect(await readCustomerPredictions(db, ['b', 'zz'])).toHaveLength(1);
      expect(await readPredictionFit(db)).toEqual({ ...fit('2024-06-01'), customers: 2 });
    });

    it('replaces every row and the fit on the next write, and clears them with null', async () => {
      await replaceCustomerPredictions(db, { customerIds: ['a', 'b'], pAlive: [1, 1], expectedPurchases90d: [1, 1], predictedClv: [1, 1] }, fit('2024-06-01'));
      await replaceCustomerPredictions(db, { customerIds: ['c'], pAlive: [0.5], expectedPurchases90d: [0.2], predictedClv: [300] }, fit('2024-07-01'));
      expect((await readCustomerPredictions(db)).map((p) => p.customerId)).toEqual(['c']);
      expect(await readPredictionFit(db)).toMatchObject({ asOfDate: '2024-07-01', customers: 1 });

      await replaceCustomerPredictions(db, null, { ...fit('2024-08-01'), model: { error: 'too few repeat customers' } });
      expect(await readCustomerPredictions(db)).toEqual([]);
      expect(await readPredictionFit(db)).toMatchObject({ asOfDate: '2024-08-01', customers: 0, model: { error: 'too few repeat customers' } });
    });

    it('writes many rows in batches', async () => {
      const n = 12_345;
      const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(6, '0')}`);
      const values = Float64Array.from({ length: n }, (_, i) => i / n);
      expect(await replaceCustomerPredictions(db, { customerIds: ids, pAlive: values, expectedPurchases90d: values, predictedClv: values.map((v) => v * 1000) }, fit('2024-06-01'))).toBe(n);
      const rows = await readCustomerPredictions(db);
      expect(rows).toHaveLength(n);
      expect(rows[n - 1]).toEqual({ customerId: ids[n - 1], pAlive: (n - 1) / n, expectedPurchases90d: (n - 1) / n, predictedClv: Math.round(((n - 1) / n) * 1000) });
    });

    it('refuses columns of different lengths and writes nothing', async () => {
      await expect(
        replaceCustomerPredictions(db, { customerIds: ['a', 'b'], pAlive: [1], expectedPurchases90d: [1, 1], predictedClv: [1, 1] }, fit('2024-06-01')),
      ).rejects.toThrow(/pAlive has 1 entries for 2 customers/);
      expect(await readPredictionFit(db)).toBeNull();
    });
  });
}
