// Cases for loader.ts, run on SQLite (loader.test.ts) and PostgreSQL (loader.pg.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkUpsert, dayFromDate, generateDemo, getSettings, type KizunaDb } from '@kizuna/db';
import { MemberStatus, NO_DAY } from '@kizuna/metrics';
import { loadMetricsData } from './loader';
import { readIndependently, seedSmall } from './testData';

const d = dayFromDate;

/** Each customer's orders as sorted "day:amount" strings, to compare loads whose same-day order may differ. */
function ordersByCustomer(data: Awaited<ReturnType<typeof loadMetricsData>>['data']): string[][] {
  const { offsets, day, amount } = data.orders;
  return Array.from({ length: data.customers.count }, (_, i) => {
    const out: string[] = [];
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) out.push(`${day[k]}:${amount[k]}`);
    return out.sort();
  });
}

export function loaderCases(createDb: () => Promise<KizunaDb>): void {
  describe('loadMetricsData', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('loads customers in id order, orders in CSR by day, surveys and membership columns', async () => {
      await seedSmall(db);
      const { data, customerIds, orphanRows } = await loadMetricsData(db, d('2024-04-01'));
      expect(customerIds).toEqual(['c0', 'c1', 'c2', 'c3']);
      expect(orphanRows).toBe(0);
      expect(data.asOfDay).toBe(d('2024-04-01'));
      expect(Array.from(data.customers.signupDay)).toEqual([d('2023-06-01'), d('2023-12-01'), NO_DAY, d('2024-01-10')]);
      expect(Array.from(data.customers.canceledDay)).toEqual([d('2024-02-15'), NO_DAY, NO_DAY, NO_DAY]);
      expect(Array.from(data.customers.memberStatus)).toEqual([MemberStatus.canceled, MemberStatus.active, MemberStatus.none, MemberStatus.paused]);
      expect(Array.from(data.orders.offsets)).toEqual([0, 0, 3, 4, 4]);
      expect(Array.from(data.orders.customer)).toEqual([1, 1, 1, 2]);
      expect(Array.from(data.orders.day)).toEqual([d('2024-01-05'), d('2024-01-05'), d('2024-03-31'), d('2024-02-10')]);
      expect(Array.from(data.orders.amount).slice(2)).toEqual([2000, 3000]);
      expect(Array.from(data.orders.amount).slice(0, 2).sort()).toEqual([1000, 500]);
      expect(data.surveys).toEqual({ customer: Int32Array.from([2]), day: Int32Array.from([d('2024-02-11')]), value: Float64Array.from([4]) });
    });

    it('keeps orders on or after the as-of day, which every KPI ignores, so other as-of days are views', async () => {
      await seedSmall(db);
      const { data } = await loadMetricsData(db, d('2024-02-01'));
      expect(data.asOfDay).toBe(d('2024-02-01'));
      expect(data.orders.day).toHaveLength(4);
    });

    it('skips orders of customers that have no feature row yet, and counts them', async () => {
      await seedSmall(db);
      // c15 sorts between c1 and c2; features were built before it arrived.
      await bulkUpsert(db, 'customers', ['customer_id', 'updated_at'], ['customer_id'], [['c15', 'x']]);
      await bulkUpsert(db, 'orders', ['order_id', 'customer_id', 'ordered_at', 'ordered_day', 'amount', 'updated_at'], ['order_id'], [
        ['o9', 'c15', '2024-01-01', d('2024-01-01'), 10, 'x'],
      ]);
      const { data, customerIds, orphanRows } = await loadMetricsData(db, d('2024-04-01'));
      expect(customerIds).toEqual(['c0', 'c1', 'c2', 'c3']);
      expect(orphanRows).toBe(1);
      expect(Array.from(data.orders.offsets)).toEqual([0, 0, 3, 4, 4]);
    });

    it('matches an independent read of a demo workspace across page and chunk boundaries', async () => {
      await generateDemo(db, { customers: 150, seed: 3 });
      const asOfDay = d('2026-11-01');
      const loaded = await loadMetricsData(db, asOfDay, { customerPage: 13, orderChunk: 7 });
      const independent = await readIndependently(db, asOfDay);
      expect(loaded.customerIds).toEqual(independent.ids);
      expect(ordersByCustomer(loaded.data)).toEqual(ordersByCustomer(independent.data));
      expect(loaded.data.customers).toEqual(independent.data.customers);
      const surveys = (data: typeof loaded.data) =>
        Array.from(data.surveys!.customer, (c, k) => `${c}:${data.surveys!.day[k]}:${data.surveys!.value[k]}`).sort();
      expect(surveys(loaded.data)).toEqual(surveys(independent.data));
      expect(loaded.data.surveys!.customer.length).toBeGreaterThan(0);
    });

    it('loads an empty workspace', async () => {
      // As the app always does first (resolveAsOf): on PostgreSQL, close() only ends a pool Kysely has used.
      await getSettings(db);
      const { data, customerIds } = await loadMetricsData(db, d('2024-04-01'));
      expect(customerIds).toEqual([]);
      expect(data.orders.offsets).toEqual(Int32Array.from([0]));
    });
  });
}
