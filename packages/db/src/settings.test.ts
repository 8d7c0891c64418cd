import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KizunaDb } from './client';
import { dayFromDate } from './days';
import { currencyExponent, defaultSettings, getSettings, resolveAsOf, settingsPatch, updateSettings } from './settings';
import { createTestDb } from './testing';

describe('settings', () => {
  let db: KizunaDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('has the documented defaults on an empty database', async () => {
    expect(await getSettings(db)).toEqual({
      asOfDate: null,
      currency: 'JPY',
      timeZone: 'Asia/Tokyo',
      smallSegmentThreshold: 100,
      frequencyCapPerWeek: 3,
    });
    expect(await getSettings(db)).toEqual(defaultSettings);
  });

  it('applies a patch, keeps omitted fields, and clears the as-of date with null', async () => {
    await updateSettings(db, { asOfDate: '2024-03-01', currency: 'USD' });
    expect(await updateSettings(db, { smallSegmentThreshold: 50 })).toEqual({
      ...defaultSettings,
      asOfDate: '2024-03-01',
      currency: 'USD',
      smallSegmentThreshold: 50,
    });
    expect((await updateSettings(db, { asOfDate: null })).asOfDate).toBeNull();
  });

  it.each([
    [{ asOfDate: '2024-02-30' }],
    [{ asOfDate: '2024/03/01' }],
    [{ currency: 'yen' }],
    [{ currency: 'XYZ' }],
    [{ timeZone: 'Mars/Olympus' }],
    [{ smallSegmentThreshold: -1 }],
    [{ smallSegmentThreshold: 1.5 }],
    [{ frequencyCapPerWeek: 0 }],
    [{ unknown: 1 }],
  ])('rejects %j and changes nothing', async (patch) => {
    expect(settingsPatch.safeParse(patch).success).toBe(false);
    await expect(updateSettings(db, patch as never)).rejects.toThrow();
    expect(await getSettings(db)).toEqual(defaultSettings);
  });

  it('knows currency exponents', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
  });
});

describe('resolveAsOf', () => {
  let db: KizunaDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await db.close();
  });
  const now = '2024-01-01T00:00:00Z';

  async function addOrder(id: string, day: string): Promise<void> {
    await db.kysely.insertInto('customers').values({ customer_id: 'c1', updated_at: now } as never).onConflict((oc) => oc.doNothing()).execute();
    await db.kysely
      .insertInto('orders')
      .values({ order_id: id, customer_id: 'c1', ordered_at: day, ordered_day: dayFromDate(day), amount: 1, quantity: null, category: null, channel: null, coupon_code: null, updated_at: now })
      .execute();
  }

  it('is today in the workspace zone without data', async () => {
    const at = new Date('2024-06-30T16:00:00Z');
    expect(await resolveAsOf(db, undefined, at)).toEqual({ asOfDay: dayFromDate('2024-07-01'), asOfDate: '2024-07-01', dataThroughDate: null, explicit: false });
  });

  it('is the day after the newest order or event', async () => {
    await addOrder('o1', '2024-03-01');
    await addOrder('o2', '2024-03-05');
    expect(await resolveAsOf(db)).toMatchObject({ asOfDate: '2024-03-06', dataThroughDate: '2024-03-05', explicit: false });
    await db.kysely
      .insertInto('events')
      .values({ event_key: 'e1', customer_id: 'c1', event_type: 'page_view', occurred_at: '2024-03-09', occurred_day: dayFromDate('2024-03-09'), product_id: null, value: null, properties: null, updated_at: now })
      .execute();
    expect(await resolveAsOf(db)).toMatchObject({ asOfDate: '2024-03-10', dataThroughDate: '2024-03-09' });
  });

  it('uses the explicit date when set', async () => {
    await addOrder('o1', '2024-03-01');
    await updateSettings(db, { asOfDate: '2024-02-15' });
    expect(await resolveAsOf(db)).toEqual({ asOfDay: dayFromDate('2024-02-15'), asOfDate: '2024-02-15', dataThroughDate: '2024-03-01', explicit: true });
  });
});
