// The per-database segment engine: in-memory members agree with the SQL-materialized ones, one engine per
// handle, reloaded after imports, as-of changes and changes made by another process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readSegmentMemberIds, segmentSizeHistory, type KizunaDb } from '@kizuna/db';
import { callerAs } from '../../testing';
import { runImport } from '../data/service';
import { getSegmentEngine, indexOfSorted, invalidateSegmentEngine } from './engine';
import { sqlRegistry } from './sqlPath';
import { allOf, boughtLast90, demoDb, emailReachable, greaterTokyo, highValue, memoryMemberIds, ruleOf, sqlMemberIds, women } from './testing';

describe('segment engine', () => {
  let db: KizunaDb;
  let dir: string;

  beforeAll(async () => {
    db = await demoDb(400, 5);
    dir = mkdtempSync(join(tmpdir(), 'kizuna-engine-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers membersOf in memory exactly as the SQL materialized the saved segments', async () => {
    const { caller } = await callerAs(db, 'marketer');
    const a = await caller.segments.create({ name: 'A', rule: ruleOf(women, boughtLast90) });
    const b = await caller.segments.create({ name: 'B', rule: ruleOf({ kind: 'group', combinator: 'or', children: [highValue, greaterTokyo] }) });
    const c = await caller.segments.create({
      name: 'C',
      rule: ruleOf({ kind: 'segment', op: 'not_in', segmentId: a.id }, allOf({ kind: 'segment', op: 'in', segmentId: b.id }, emailReachable)),
    });
    const engine = await getSegmentEngine(db);
    for (const s of [a, b, c]) {
      const bits = await engine.membersOf(s.id);
      const ids = bits.toIndexes().map((i) => engine.customerIds[i]!).sort();
      expect(ids, s.name).toEqual(await readSegmentMemberIds(db, s.id));
      expect(ids.length, s.name).toBe(s.size);
    }
    expect((await readSegmentMemberIds(db, c.id)).length).toBeGreaterThan(0);

    // A copy: the caller may change it without touching the engine's cache.
    const first = await engine.membersOf(a.id);
    first.words.fill(0);
    expect((await engine.membersOf(a.id)).count()).toBe(a.size);
    await expect(engine.membersOf('no-such-id')).rejects.toMatchObject({ name: 'NotFoundError' });
    await caller.segments.delete({ id: c.id });
    await expect(engine.membersOf(c.id)).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('has the registry the SQL path reads without loading the data', async () => {
    const engine = await getSegmentEngine(db);
    const fromSql = await sqlRegistry(db);
    const fields = (r: typeof fromSql) => r.fields.map((f) => [f.id, f.type, f.storage]);
    expect(fields(fromSql)).toEqual(fields(engine.registry));
    expect(fields(fromSql).map((f) => f[0])).toEqual(expect.arrayContaining(['custom:skin_type', 'predicted_clv', 'recency_days']));
    expect(fromSql.eventTypes).toEqual(engine.registry.eventTypes);
  });

  it('keeps one engine per database handle until it is invalidated', async () => {
    const one = await getSegmentEngine(db);
    expect(await getSegmentEngine(db)).toBe(one);
    const [x, y] = await Promise.all([getSegmentEngine(db), getSegmentEngine(db)]);
    expect(x).toBe(one);
    expect(y).toBe(one);
    invalidateSegmentEngine(db);
    const two = await getSegmentEngine(db);
    expect(two).not.toBe(one);
    expect(two.data.size).toBe(one.data.size);
  });

  it('reloads after an import, so new customers and orders count at once', async () => {
    const before = await getSegmentEngine(db);
    const rule = ruleOf({ kind: 'attribute', field: 'city', op: 'eq', value: '架空市' });
    expect(await memoryMemberIds(db, rule)).toEqual([]);
    writeFileSync(join(dir, 'customers.csv'), 'customer_id,email,gender,city,email_opt_in\nZ001,z1@example.com,female,架空市,yes\nZ002,,male,架空市,no\n');
    writeFileSync(join(dir, 'orders.csv'), 'order_id,customer_id,ordered_at,amount\nZO1,Z001,2026-10-20,5000\nZO2,Z001,2026-10-25,7000\n');
    const report = await runImport(db, { customers: join(dir, 'customers.csv'), orders: join(dir, 'orders.csv') }, { user: null, source: 'cli' });
    expect(report.ok).toBe(true);
    const after = await getSegmentEngine(db);
    expect(after).not.toBe(before);
    expect(after.data.size).toBe(before.data.size + 2);
    expect(after.indexOf('Z001')).toBeGreaterThanOrEqual(0);
    expect(await memoryMemberIds(db, rule)).toEqual(['Z001', 'Z002']);
    expect(await memoryMemberIds(db, ruleOf({ kind: 'attribute', field: 'city', op: 'eq', value: '架空市' }, boughtLast90))).toEqual(['Z001']);
    expect(await sqlMemberIds(db, ruleOf({ kind: 'attribute', field: 'city', op: 'eq', value: '架空市' }, boughtLast90))).toEqual(['Z001']);
  });

  it('reloads when an admin changes the as-of date, and records the sizes for the new date', async () => {
    const { caller: marketer } = await callerAs(db, 'marketer');
    const s = await marketer.segments.create({ name: 'Recent', rule: ruleOf(boughtLast90) });
    const before = await getSegmentEngine(db);
    const { caller: admin } = await callerAs(db, 'admin');
    await admin.settings.update({ asOfDate: '2026-01-01' });
    const after = await getSegmentEngine(db);
    expect(after).not.toBe(before);
    expect(after.asOfDate).toBe('2026-01-01');
    const size = (await sqlMemberIds(db, ruleOf(boughtLast90))).length;
    expect((await marketer.segments.get({ id: s.id })).size).toBe(size);
    const history = (await segmentSizeHistory(db, { ids: [s.id] })).get(s.id);
    expect(history).toEqual([
      { date: '2026-01-01', size },
      { date: before.asOfDate, size: s.size },
    ]);
    // The materialized members are for the old date until refreshed.
    expect((await marketer.segments.get({ id: s.id })).membersStale).toBe(true);
    await marketer.segments.refresh({ ids: [s.id] });
    expect((await marketer.segments.get({ id: s.id })).membersStale).toBe(false);
    expect(await readSegmentMemberIds(db, s.id)).toEqual(await sqlMemberIds(db, ruleOf(boughtLast90)));
    await admin.settings.update({ asOfDate: null });
  });

  it('notices data changed by another process when it next checks', async () => {
    const before = await getSegmentEngine(db);
    // What `kizuna` run elsewhere would do: write the settings row directly.
    await db.kysely.insertInto('settings').values({ key: 'as_of_date', value: '2025-12-01' }).execute();
    expect(await getSegmentEngine(db)).toBe(before);
    const later = Date.now() + 10_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    const after = await getSegmentEngine(db);
    expect(after).not.toBe(before);
    expect(after.asOfDate).toBe('2025-12-01');
    await db.kysely.deleteFrom('settings').where('key', '=', 'as_of_date').execute();
    invalidateSegmentEngine(db);
  });
});

describe('indexOfSorted', () => {
  it('finds ids by binary search and falls back to a scan when the order differs', () => {
    const ids = ['A1', 'B2', 'C3', 'D4', 'E5'];
    expect(ids.map((id) => indexOfSorted(ids, id))).toEqual([0, 1, 2, 3, 4]);
    expect(indexOfSorted(ids, 'C0')).toBe(-1);
    // A collation that sorts lower case first (as a PostgreSQL locale may).
    const collated = ['a', 'B', 'c', 'D'];
    expect(collated.map((id) => indexOfSorted(collated, id))).toEqual([0, 1, 2, 3]);
    expect(indexOfSorted([], 'x')).toBe(-1);
  });
});
