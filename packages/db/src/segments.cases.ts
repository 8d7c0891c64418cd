// Cases for segments.ts and segmentMembers.ts, run on SQLite (segments.test.ts) and PostgreSQL
// (segments.pg.test.ts).
import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SegmentRule } from '@kizuna/segments';
import type { KizunaDb } from './client';
import { rebuildFeatures } from './features';
import {
  campaignUsageOfSegments,
  createSavedSegment,
  findLiveSegmentByName,
  forEachSegmentExportRow,
  getSavedSegment,
  getSegmentVersion,
  listSavedSegments,
  listSegmentVersions,
  readSegmentMemberIds,
  recordSegmentSize,
  replaceSegmentMembers,
  saveSegmentVersion,
  SegmentConflictError,
  segmentSizeHistory,
  softDeleteSegment,
  type CompileWhere,
} from './segments';

const rule = (value: string): SegmentRule => ({
  version: 1,
  kind: 'group',
  combinator: 'and',
  children: [{ kind: 'attribute', field: 'gender', op: 'eq', value }],
});
const snapshot = (name: string, value = 'female') => ({ name, description: `about ${name}`, tags: ['t1'], rule: rule(value) });

async function seedCustomers(db: KizunaDb): Promise<void> {
  const now = new Date().toISOString();
  const rows = [
    ['c1', 'a@example.com', 'Aiko', 3],
    ['c2', null, 'Ben', 1],
    ['c3', 'c@example.com', null, 2],
    ['c4', 'd@example.com', 'Dai', 0],
  ] as const;
  for (const [id, email, first, orders] of rows) {
    await db.kysely.insertInto('customers').values({ customer_id: id, email, first_name: first, email_opt_in: 1, updated_at: now } as never).execute();
    for (let o = 0; o < orders; o++) {
      await db.kysely
        .insertInto('orders')
        .values({ order_id: `${id}-o${o}`, customer_id: id, ordered_at: '2024-03-01', ordered_day: 19783 + o, amount: 1000, updated_at: now })
        .execute();
    }
  }
  await rebuildFeatures(db);
}

/** frequency >= n, written by hand for the dialect (the server compiles real rules). */
const frequencyAtLeast =
  (db: KizunaDb, n: number): CompileWhere =>
  (offset) => ({ where: db.dialect === 'postgres' ? `cf.frequency >= $${offset + 1}::integer` : 'cf.frequency >= ?', params: [n] });

export function segmentsCases(createDb: () => Promise<KizunaDb>): void {
  describe('saved segments', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('creates, reads, lists and versions segments', async () => {
      const a = await createSavedSegment(db, snapshot('Women'), { userId: 'u1', now: new Date('2025-01-01T00:00:00Z') });
      expect(a).toMatchObject({ name: 'Women', description: 'about Women', tags: ['t1'], version: 1, createdBy: 'u1', deletedAt: null, rule: rule('female') });
      await createSavedSegment(db, snapshot('Men', 'male'), { userId: null });
      expect((await listSavedSegments(db)).map((s) => s.name)).toEqual(['Men', 'Women']);

      const v2 = await saveSegmentVersion(db, a.id, { ...snapshot('Women 2', 'other'), tags: [] }, { userId: 'u2', expectedVersion: 1 });
      expect(v2).toMatchObject({ version: 2, name: 'Women 2', tags: [], updatedBy: 'u2', createdBy: 'u1', rule: rule('other') });
      const v3 = await saveSegmentVersion(db, a.id, snapshot('Women 3'), { userId: 'u2', note: 'restored version 1' });
      expect(v3?.version).toBe(3);
      const versions = await listSegmentVersions(db, a.id);
      expect(versions.map((v) => [v.version, v.name, v.note])).toEqual([
        [3, 'Women 3', 'restored version 1'],
        [2, 'Women 2', null],
        [1, 'Women', null],
      ]);
      expect((await getSegmentVersion(db, a.id, 2))?.rule).toEqual(rule('other'));
      expect(await getSegmentVersion(db, a.id, 9)).toBeNull();
      expect(await saveSegmentVersion(db, 'nope', snapshot('X'), { userId: null })).toBeNull();
    });

    it('refuses a taken name (ignoring case) and a stale expected version; deleting frees the name', async () => {
      const a = await createSavedSegment(db, snapshot('VIP'), { userId: null });
      const b = await createSavedSegment(db, snapshot('Other'), { userId: null });
      await expect(createSavedSegment(db, snapshot('vip'), { userId: null })).rejects.toMatchObject({ reason: 'name_taken' });
      await expect(saveSegmentVersion(db, b.id, snapshot('Vip'), { userId: null })).rejects.toBeInstanceOf(SegmentConflictError);
      await saveSegmentVersion(db, a.id, snapshot('VIP'), { userId: null });
      await expect(saveSegmentVersion(db, a.id, snapshot('VIP'), { userId: null, expectedVersion: 1 })).rejects.toMatchObject({ reason: 'version_changed' });
      expect((await getSavedSegment(db, a.id))?.version).toBe(2);

      expect(await softDeleteSegment(db, a.id, { userId: 'u9' })).toBe(true);
      expect(await softDeleteSegment(db, a.id, { userId: 'u9' })).toBe(false);
      expect(await findLiveSegmentByName(db, 'vip')).toBeNull();
      expect((await getSavedSegment(db, a.id))?.deletedAt).not.toBeNull();
      expect(await saveSegmentVersion(db, a.id, snapshot('VIP'), { userId: null })).toBeNull();
      const again = await createSavedSegment(db, snapshot('vip'), { userId: null });
      expect((await findLiveSegmentByName(db, 'VIP'))?.id).toBe(again.id);
      expect((await listSavedSegments(db, { includeDeleted: true })).length).toBe(3);
    });

    it('materializes members from a compiled condition and streams them in pages', async () => {
      await seedCustomers(db);
      const s = await createSavedSegment(db, snapshot('Buyers'), { userId: null });
      expect(await replaceSegmentMembers(db, s.id, frequencyAtLeast(db, 2), '2024-03-10')).toBe(2);
      expect(await readSegmentMemberIds(db, s.id)).toEqual(['c1', 'c3']);
      expect(await getSavedSegment(db, s.id)).toMatchObject({ membersAsOfDate: '2024-03-10' });
      expect(await replaceSegmentMembers(db, s.id, frequencyAtLeast(db, 1), '2024-03-11')).toBe(3);
      expect(await readSegmentMemberIds(db, s.id)).toEqual(['c1', 'c2', 'c3']);

      const seen: string[] = [];
      const n = await forEachSegmentExportRow(db, frequencyAtLeast(db, 0), (r) => void seen.push(r.customerId), 2);
      expect(n).toBe(4);
      expect(seen).toEqual(['c1', 'c2', 'c3', 'c4']);
      const rows: unknown[] = [];
      await forEachSegmentExportRow(db, frequencyAtLeast(db, 2), (r) => void rows.push(r));
      expect(rows).toEqual([
        { customerId: 'c1', email: 'a@example.com', firstName: 'Aiko', lastName: null, hasEmail: true, emailOptIn: true, smsOptIn: false, pushOptIn: false, lineOptIn: false },
        { customerId: 'c3', email: 'c@example.com', firstName: null, lastName: null, hasEmail: true, emailOptIn: true, smsOptIn: false, pushOptIn: false, lineOptIn: false },
      ]);
    });

    it('keeps one size per segment and day, newest last, limited per segment', async () => {
      const a = await createSavedSegment(db, snapshot('A'), { userId: null });
      const b = await createSavedSegment(db, snapshot('B'), { userId: null });
      await recordSegmentSize(db, a.id, '2024-03-02', 10);
      await recordSegmentSize(db, a.id, '2024-03-01', 5);
      await recordSegmentSize(db, a.id, '2024-03-02', 12);
      await recordSegmentSize(db, a.id, '2024-03-03', 15);
      await recordSegmentSize(db, b.id, '2024-03-01', 1);
      const all = await segmentSizeHistory(db);
      expect(all.get(a.id)).toEqual([
        { date: '2024-03-01', size: 5 },
        { date: '2024-03-02', size: 12 },
        { date: '2024-03-03', size: 15 },
      ]);
      const limited = await segmentSizeHistory(db, { ids: [a.id], limit: 2 });
      expect([...limited.keys()]).toEqual([a.id]);
      expect(limited.get(a.id)?.map((p) => p.date)).toEqual(['2024-03-02', '2024-03-03']);
      expect((await segmentSizeHistory(db, { ids: [] })).size).toBe(0);
    });

    it('finds the live campaigns that use a segment through any campaign/segment link table', async () => {
      const a = await createSavedSegment(db, snapshot('A'), { userId: null });
      expect((await campaignUsageOfSegments(db)).size).toBe(0);
      const exec = (text: string) => db.kysely.executeQuery(CompiledQuery.raw(text));
      for (const [id, name, archived] of [['k1', 'Win-back', 0], ['k2', 'Birthday', 0], ['k3', 'Old', 1]] as const) {
        await exec(
          'INSERT INTO campaigns (id, name, goal, channel, start_day, holdout_percent, segmentation, personalization, offers, content, priority, archived, created_at, updated_at) ' +
            `VALUES ('${id}', '${name}', 'win_back', 'email', 20000, 10, 1, 0, '[]', '{}', 1, ${archived}, 'x', 'x')`,
        );
      }
      await exec('CREATE TABLE campaign_segment_notes (campaign_id TEXT NOT NULL, segment_id TEXT NOT NULL, note TEXT)');
      await exec(`INSERT INTO matrix_cells (campaign_id, segment_id, offer_id, priority) VALUES ('k1', '${a.id}', 'ten', 1), ('k3', '${a.id}', 'x', 1)`);
      await exec(`INSERT INTO campaign_segment_notes VALUES ('k2', '${a.id}', 'n'), ('k1', '${a.id}', 'n')`);
      const usage = await campaignUsageOfSegments(db);
      expect([...usage.keys()]).toEqual([a.id]);
      expect(usage.get(a.id)).toEqual([
        { id: 'k2', name: 'Birthday' },
        { id: 'k1', name: 'Win-back' },
      ]);
    });
  });
}
