// Feature cases shared by features.test.ts (SQLite) and features.pg.test.ts (PostgreSQL): hand-computed
// values, and the SQL R/F/M scores against the JS definition on random data.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkUpsert } from './bulk';
import type { KizunaDb } from './client';
import { ageOnDay, dayFromDate } from './days';
import { rebuildFeatures, scoreQuintiles } from './features';
import { updateSettings } from './settings';

const now = '2024-01-01T00:00:00Z';
const customerColumns = ['customer_id', 'email', 'birth_date', 'signup_date', 'canceled_at', 'email_opt_in', 'sms_opt_in', 'custom_attributes', 'updated_at'];
const orderColumns = ['order_id', 'customer_id', 'ordered_at', 'ordered_day', 'amount', 'updated_at'];

async function addCustomers(db: KizunaDb, rows: unknown[][]): Promise<void> {
  await bulkUpsert(db, 'customers', customerColumns, ['customer_id'], rows.map((r) => [...r, now]));
}

async function addOrders(db: KizunaDb, rows: [string, string, string, number][]): Promise<void> {
  await bulkUpsert(db, 'orders', orderColumns, ['order_id'], rows.map(([id, customer, date, amount]) => [id, customer, date, dayFromDate(date), amount, now]));
}

async function features(db: KizunaDb): Promise<Record<string, Record<string, unknown>>> {
  const rows = await db.kysely.selectFrom('customer_features').selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.customer_id, r as unknown as Record<string, unknown>]));
}

export function featureCases(open: () => Promise<KizunaDb>): void {
  let db: KizunaDb;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(async () => {
    await db.close();
  });

  describe('rebuildFeatures on hand-computed cases (as of 2024-04-01)', () => {
    const asOf = '2024-04-01';
    beforeEach(async () => {
      await addCustomers(db, [
        ['A', 'a@example.com', '1990-04-01', '2024-01-01', null, 1, 0, '{"tier":"gold"}'],
        ['B', null, '2000-02-29', null, null, null, 1, '{}'],
        ['C', '', null, '2024-03-31', '2024-02-01', 0, null, '{}'],
        ['D', 'd@example.com', '1990-04-02', '2023-04-01', null, 0, 0, '{}'],
        ['E', 'e@example.com', '2025-01-01', '2024-06-01', null, 1, 1, '{}'],
      ]);
      await addOrders(db, [
        ['a1', 'A', '2024-03-01', 100],
        ['a2', 'A', '2024-03-01', 200], // same day as a1
        ['a3', 'A', '2024-03-10', 0], // zero amount still counts as an order
        ['a4', 'A', '2024-04-01', 9999], // on the as-of day: ignored
        ['a5', 'A', '2024-05-01', 9999], // after it: ignored
        ['b1', 'B', '2024-01-15', 300],
        ['c1', 'C', '2024-04-02', 500], // only after the as-of day
        ['d1', 'D', '2024-03-10', 300],
        ['e1', 'E', '2024-03-20', 50],
        ['e2', 'E', '2024-03-25', 50],
      ]);
      await updateSettings(db, { asOfDate: asOf });
    });

    it('computes frequency, purchase days, monetary, AOV, recency and tenure', async () => {
      const result = await rebuildFeatures(db);
      expect(result).toMatchObject({ customers: 5, asOfDay: dayFromDate(asOf) });
      const f = await features(db);
      const pick = (id: string) => {
        const r = f[id]!;
        return [r.frequency, r.purchase_days, r.monetary, r.aov, r.first_order_day, r.last_order_day, r.recency_days, r.tenure_days];
      };
      const d = dayFromDate;
      expect(pick('A')).toEqual([3, 2, 300, 100, d('2024-03-01'), d('2024-03-10'), 22, 91]);
      expect(pick('B')).toEqual([1, 1, 300, 300, d('2024-01-15'), d('2024-01-15'), 77, 77]); // no signup: since first order
      expect(pick('C')).toEqual([0, 0, 0, null, null, null, null, 1]);
      expect(pick('D')).toEqual([1, 1, 300, 300, d('2024-03-10'), d('2024-03-10'), 22, 366]);
      expect(pick('E')).toEqual([2, 2, 100, 50, d('2024-03-20'), d('2024-03-25'), 7, null]); // signs up after the as-of day
    });

    it('scores R/F/M 1–5 with ties sharing a score, null without orders', async () => {
      await rebuildFeatures(db);
      const f = await features(db);
      const scores = Object.fromEntries(Object.entries(f).map(([id, r]) => [id, [r.r_score, r.f_score, r.m_score]]));
      // n = 4 buyers; score = 1 + floor(5 × below / 4).
      expect(scores).toEqual({
        A: [2, 4, 2], // recency 22: 1 worse (B); frequency 3: 3 lower; monetary 300: 1 lower (E)
        B: [1, 1, 2],
        C: [null, null, null],
        D: [2, 1, 2], // ties A on recency and B on frequency and monetary
        E: [4, 3, 1],
      });
    });

    it('computes age on the as-of day like ageOnDay, and copies attributes and flags', async () => {
      await rebuildFeatures(db);
      const f = await features(db);
      expect(Object.fromEntries(Object.entries(f).map(([id, r]) => [id, r.age]))).toEqual({ A: 34, B: 24, C: null, D: 33, E: null });
      for (const r of Object.values(f)) {
        const expected = r.birth_date === null ? null : ageOnDay(r.birth_date as string, dayFromDate(asOf));
        expect(r.age).toBe(expected);
      }
      expect(f.A).toMatchObject({ has_email: 1, email_opt_in: 1, sms_opt_in: 0, push_opt_in: 0, custom_attributes: '{"tier":"gold"}', signup_day: dayFromDate('2024-01-01'), signup_date: '2024-01-01' });
      expect(f.B).toMatchObject({ has_email: 0, email_opt_in: 0, sms_opt_in: 1 });
      expect(f.C).toMatchObject({ has_email: 0, canceled_day: dayFromDate('2024-02-01'), birth_date: null });
    });

    it('follows the as-of date when it changes, and is automatic without one', async () => {
      await updateSettings(db, { asOfDate: '2024-03-05' });
      await rebuildFeatures(db);
      let f = await features(db);
      expect([f.A!.frequency, f.A!.monetary, f.A!.recency_days, f.A!.r_score]).toEqual([2, 300, 4, 3]); // 2 buyers: A beats B
      expect(f.D!.frequency).toBe(0);
      await updateSettings(db, { asOfDate: null });
      const result = await rebuildFeatures(db);
      expect(result.asOfDay).toBe(dayFromDate('2024-05-02')); // the day after the newest order
      f = await features(db);
      expect([f.A!.frequency, f.A!.monetary, f.C!.frequency]).toEqual([5, 20298, 1]);
    });

    it('replaces the previous rows and joins an outer transaction', async () => {
      await rebuildFeatures(db);
      await db.kysely.deleteFrom('orders').where('customer_id', '=', 'E').execute();
      await db.kysely.deleteFrom('customers').where('customer_id', '=', 'E').execute();
      const result = await rebuildFeatures(db, { asOf: { asOfDay: dayFromDate(asOf) } });
      expect(result.customers).toBe(4);
      expect(Object.keys(await features(db)).sort()).toEqual(['A', 'B', 'C', 'D']);
    });
  });

  describe('R/F/M scores in SQL match scoreQuintiles', () => {
    it('on random customers with many ties (fixed seed)', async () => {
      const orderSpec = fc.array(fc.record({ customer: fc.integer({ min: 0, max: 39 }), day: fc.integer({ min: 0, max: 30 }), amount: fc.integer({ min: 0, max: 5 }).map((a) => a * 100) }), { minLength: 1, maxLength: 150 });
      const [orders] = fc.sample(orderSpec, { seed: 20240401, numRuns: 1 });
      await addCustomers(db, Array.from({ length: 40 }, (_, i) => [`K${i}`, null, null, null, null, null, null, '{}']));
      const base = dayFromDate('2024-01-01');
      await bulkUpsert(db, 'orders', orderColumns, ['order_id'], orders!.map((o, i) => [`o${i}`, `K${o.customer}`, 'x', base + o.day, o.amount, now]));
      const asOfDay = base + 31;
      await rebuildFeatures(db, { asOf: { asOfDay } });
      const f = Object.values(await features(db)).filter((r) => (r.frequency as number) > 0);
      const recency = f.map((r) => r.recency_days as number);
      const expectR = scoreQuintiles(recency.map((v) => -v));
      const expectF = scoreQuintiles(f.map((r) => r.frequency as number));
      const expectM = scoreQuintiles(f.map((r) => r.monetary as number));
      expect(f.map((r) => r.r_score)).toEqual(expectR);
      expect(f.map((r) => r.f_score)).toEqual(expectF);
      expect(f.map((r) => r.m_score)).toEqual(expectM);
      expect(new Set(expectF).size).toBeGreaterThan(1);
    });
  });
}
