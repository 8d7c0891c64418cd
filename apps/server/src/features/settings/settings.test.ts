import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { createTestDb, dayFromDate, listAudit, type KizunaDb } from '@kizuna/db';
import { createCaller } from '../../appRouter';
import { createTestContext, insertTestUser } from '../../testing';

/** One customer with one order on 2024-03-01 (SQLite only: these tests use in-memory databases). */
function seedOneCustomer(db: KizunaDb): void {
  const now = new Date().toISOString();
  db.sqlite!.prepare('INSERT INTO customers (customer_id, email, updated_at) VALUES (?, ?, ?)').run('c1', 'c1@example.com', now);
  db.sqlite!
    .prepare('INSERT INTO orders (order_id, customer_id, ordered_at, ordered_day, amount, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run('o1', 'c1', '2024-03-01', dayFromDate('2024-03-01'), 5000, now);
}

describe('settings router', () => {
  let db: KizunaDb;
  let admin: ReturnType<typeof createCaller>;
  let adminId: string;

  beforeEach(async () => {
    db = await createTestDb();
    const signedIn = await insertTestUser(db, 'admin');
    adminId = signedIn.user.id;
    admin = createCaller(createTestContext(db, { user: signedIn.user, sessionId: signedIn.sessionId }));
  });
  afterEach(async () => {
    await db.close();
  });

  it('returns the defaults, applies a patch and returns the new settings', async () => {
    expect(await admin.settings.get()).toEqual({
      asOfDate: null,
      currency: 'JPY',
      timeZone: 'Asia/Tokyo',
      smallSegmentThreshold: 100,
      frequencyCapPerWeek: 3,
    });
    const updated = await admin.settings.update({ currency: 'USD', smallSegmentThreshold: 50 });
    expect(updated).toMatchObject({ currency: 'USD', smallSegmentThreshold: 50, asOfDate: null });
    expect(await admin.settings.get()).toEqual(updated);
  });

  it('rejects bad values with field errors and changes nothing', async () => {
    const err = await admin.settings.update({ currency: 'XXXX', asOfDate: '2024-02-30' }).catch((e: unknown) => e as TRPCError);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
    expect(await admin.settings.get()).toMatchObject({ currency: 'JPY', asOfDate: null });
  });

  it('rebuilds customer features when the as-of date changes, and audits the change', async () => {
    seedOneCustomer(db);
    await admin.settings.update({ asOfDate: '2024-03-11' });
    const row = await db.kysely.selectFrom('customer_features').select(['customer_id', 'recency_days', 'frequency']).executeTakeFirst();
    expect(row).toEqual({ customer_id: 'c1', recency_days: 10, frequency: 1 });

    await admin.settings.update({ asOfDate: '2024-03-21' });
    const later = await db.kysely.selectFrom('customer_features').select('recency_days').executeTakeFirst();
    expect(later?.recency_days).toBe(20);

    await admin.settings.update({ smallSegmentThreshold: 10 });
    const { items } = await listAudit(db, { limit: 10 });
    expect(items.map((i) => i.action)).toEqual(['settings.update', 'settings.update', 'settings.update']);
    expect(items[0]!.details).toMatchObject({ changes: { smallSegmentThreshold: { from: 100, to: 10 } }, featuresRebuilt: null });
    expect(items[1]).toMatchObject({
      userId: adminId,
      details: { changes: { asOfDate: { from: '2024-03-11', to: '2024-03-21' } }, featuresRebuilt: { customers: 1 } },
    });
  });
});

describe('workspace.summary', () => {
  it('reports the effective as-of date, data through, currency and zone', async () => {
    const db = await createTestDb();
    try {
      const signedIn = await insertTestUser(db, 'manager');
      const caller = createCaller(createTestContext(db, { user: signedIn.user, sessionId: signedIn.sessionId }));
      const empty = await caller.workspace.summary();
      expect(empty).toMatchObject({ dataThroughDate: null, asOfExplicit: false, currency: 'JPY', timeZone: 'Asia/Tokyo' });
      expect(empty.asOfDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      seedOneCustomer(db);
      expect(await caller.workspace.summary()).toEqual({
        asOfDate: '2024-03-02',
        dataThroughDate: '2024-03-01',
        asOfExplicit: false,
        currency: 'JPY',
        timeZone: 'Asia/Tokyo',
      });
      await db.kysely.insertInto('settings').values({ key: 'as_of_date', value: '2024-01-15' }).execute();
      expect(await caller.workspace.summary()).toMatchObject({ asOfDate: '2024-01-15', dataThroughDate: '2024-03-01', asOfExplicit: true });
    } finally {
      await db.close();
    }
  });
});
