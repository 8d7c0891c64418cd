// Cases for campaigns.ts, run on SQLite (campaigns.test.ts) and PostgreSQL (campaigns.pg.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTransaction } from './bulk';
import {
  appendMatrixVersion,
  campaignsKysely,
  currentMatrixVersion,
  deleteMatrixCell,
  getCampaignRecord,
  getMatrixVersion,
  insertCampaign,
  isMatrixVersionRace,
  listCampaignRecords,
  listMatrixCells,
  listMatrixVersions,
  readMatrixSnapshot,
  setCampaignArchived,
  setCampaignOrder,
  setSegmentOrder,
  updateCampaignRecord,
  upsertMatrixCell,
  writeMatrixSnapshot,
  type CampaignValues,
} from './campaigns';
import type { KizunaDb } from './client';

const values = (name: string, more: Partial<CampaignValues> = {}): CampaignValues => ({
  name,
  goal: 'win_back',
  channel: 'email',
  startDay: 20_000,
  endDay: null,
  holdoutPercent: 12.5,
  segmentation: true,
  personalization: false,
  offers: [{ id: 'a', kind: 'free_shipping', label: 'Free shipping', costPerRedemption: 600, redemptionRatePercent: 10 }],
  content: { subject: 'Hello', body: 'Body {offer}' },
  templateId: null,
  ...more,
});

export function campaignCases(createDb: () => Promise<KizunaDb>): void {
  describe('campaign persistence', () => {
    let db: KizunaDb;
    beforeEach(async () => {
      db = await createDb();
    });
    afterEach(async () => {
      await db.close();
    });

    it('stores campaigns with their JSON and lists them by priority, new ones last', async () => {
      const at = new Date('2025-01-01T00:00:00Z');
      const a = await insertCampaign(db, values('A', { endDay: 20_010 }), { id: 'ca', userId: 'u1', now: at });
      const b = await insertCampaign(db, values('B', { segmentation: false, personalization: true, templateId: 'birthday' }), { id: 'cb', userId: null });
      expect(a).toMatchObject({ id: 'ca', priority: 1, archived: false, endDay: 20_010, holdoutPercent: 12.5, createdAt: '2025-01-01T00:00:00.000Z', createdBy: 'u1' });
      expect(a.offers).toEqual(values('A').offers);
      expect(b).toMatchObject({ priority: 2, segmentation: false, personalization: true, templateId: 'birthday', endDay: null });
      expect((await listCampaignRecords(db)).map((c) => c.id)).toEqual(['ca', 'cb']);

      const changed = await updateCampaignRecord(db, 'ca', values('A2', { channel: 'line', content: { subject: '', body: 'x' } }), { userId: 'u2' });
      expect(changed).toMatchObject({ name: 'A2', channel: 'line', content: { subject: '', body: 'x' }, updatedBy: 'u2', priority: 1 });
      expect(await updateCampaignRecord(db, 'missing', values('X'), { userId: null })).toBeNull();

      await setCampaignArchived(db, 'ca', true, { userId: 'u2' });
      expect((await listCampaignRecords(db)).map((c) => c.id)).toEqual(['cb']);
      expect((await listCampaignRecords(db, { includeArchived: true })).map((c) => [c.id, c.archived])).toEqual([
        ['ca', true],
        ['cb', false],
      ]);
      expect(await getCampaignRecord(db, 'nope')).toBeNull();
    });

    it('reorders campaigns; unlisted ones keep their order after the listed', async () => {
      for (const id of ['c1', 'c2', 'c3', 'c4']) await insertCampaign(db, values(id), { id, userId: null });
      await setCampaignOrder(db, ['c3', 'ghost', 'c1']);
      expect((await listCampaignRecords(db)).map((c) => [c.id, c.priority])).toEqual([
        ['c3', 1],
        ['c1', 2],
        ['c2', 3],
        ['c4', 4],
      ]);
    });

    it('keeps cells ranked within their campaign through assign, re-assign, remove and reorder', async () => {
      await insertCampaign(db, values('K'), { id: 'k', userId: null });
      await insertCampaign(db, values('L'), { id: 'l', userId: null });
      await upsertMatrixCell(db, { campaignId: 'k', segmentId: 's1', offerId: 'a' });
      await upsertMatrixCell(db, { campaignId: 'k', segmentId: 's2', offerId: 'a' });
      await upsertMatrixCell(db, { campaignId: 'k', segmentId: 's3', offerId: 'a' });
      await upsertMatrixCell(db, { campaignId: 'l', segmentId: 's1', offerId: 'a' });
      await upsertMatrixCell(db, { campaignId: 'k', segmentId: 's1', offerId: 'b' });
      const rows = async () => (await listMatrixCells(db)).map((c) => `${c.campaignId}:${c.segmentId}:${c.offerId}:${c.priority}`);
      expect(await rows()).toEqual(['k:s1:b:1', 'k:s2:a:2', 'k:s3:a:3', 'l:s1:a:1']);
      expect(await deleteMatrixCell(db, 'k', 's2')).toBe(true);
      expect(await deleteMatrixCell(db, 'k', 's2')).toBe(false);
      expect(await rows()).toEqual(['k:s1:b:1', 'k:s3:a:2', 'l:s1:a:1']);
      await setSegmentOrder(db, 'k', ['s3', 's1']);
      expect(await rows()).toEqual(['k:s3:a:1', 'k:s1:b:2', 'l:s1:a:1']);
    });

    it('versions snapshots and restores them, skipping campaigns that no longer exist', async () => {
      await insertCampaign(db, values('K'), { id: 'k', userId: null });
      await insertCampaign(db, values('L'), { id: 'l', userId: null });
      await upsertMatrixCell(db, { campaignId: 'k', segmentId: 's1', offerId: 'a' });
      await upsertMatrixCell(db, { campaignId: 'k', segmentId: 's2', offerId: 'a' });
      expect(await currentMatrixVersion(db)).toBe(0);
      const first = await readMatrixSnapshot(db, 3);
      expect(first).toEqual({
        campaignOrder: ['k', 'l'],
        cells: [
          { campaignId: 'k', segmentId: 's1', offerId: 'a' },
          { campaignId: 'k', segmentId: 's2', offerId: 'a' },
        ],
        frequencyCapPerWeek: 3,
      });
      expect(await appendMatrixVersion(db, { change: 'assign', summary: 'two cells', snapshot: first, userId: 'u', userEmail: 'u@x' })).toBe(1);

      await setCampaignOrder(db, ['l', 'k']);
      await deleteMatrixCell(db, 'k', 's1');
      await upsertMatrixCell(db, { campaignId: 'l', segmentId: 's9', offerId: 'a' });
      await insertCampaign(db, values('M'), { id: 'm', userId: null });
      expect(await appendMatrixVersion(db, { change: 'reorder_campaigns', summary: 'l first', snapshot: await readMatrixSnapshot(db, 2), userId: null, userEmail: null })).toBe(2);

      const v1 = await getMatrixVersion(db, 1);
      await writeMatrixSnapshot(db, { ...v1!.snapshot, cells: [...v1!.snapshot.cells, { campaignId: 'gone', segmentId: 's1', offerId: 'a' }] });
      expect(await readMatrixSnapshot(db, 3)).toEqual({ ...first, campaignOrder: ['k', 'l', 'm'] });
      expect((await listMatrixVersions(db, { limit: 10 })).map((v) => [v.version, v.change, v.summary, v.userEmail])).toEqual([
        [2, 'reorder_campaigns', 'l first', null],
        [1, 'assign', 'two cells', 'u@x'],
      ]);
      expect(await listMatrixVersions(db, { limit: 1 })).toHaveLength(1);
      expect(await getMatrixVersion(db, 9)).toBeNull();
    });

    it('lets only one of two racing writers claim a version number', async () => {
      const snapshot = await readMatrixSnapshot(db, 3);
      // Both read the current version before either writes (where the dialect lets them overlap at all).
      let arrived = 0;
      let release!: () => void;
      const bothRead = new Promise<void>((r) => (release = r));
      const barrier = () => {
        if (++arrived === 2) release();
        return Promise.race([bothRead, new Promise((r) => setTimeout(r, 500))]);
      };
      const results = await Promise.allSettled(
        ['a', 'b'].map((who) =>
          withTransaction(db, async (tx) => {
            const v = await currentMatrixVersion(tx);
            await barrier();
            await campaignsKysely(tx)
              .insertInto('matrix_versions')
              .values({ version: v + 1, created_at: '2025-01-01T00:00:00Z', user_id: null, user_email: who, change: 'assign', summary: '', snapshot: JSON.stringify(snapshot) })
              .execute();
          }),
        ),
      );
      // SQLite serializes the two transactions (both succeed, versions 1 and 2); PostgreSQL lets them overlap
      // and the loser hits the primary key.
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      for (const f of failed) expect(isMatrixVersionRace(f.reason)).toBe(true);
      const versions = (await listMatrixVersions(db, { limit: 5 })).map((v) => v.version);
      expect(versions).toEqual(failed.length === 0 ? [2, 1] : [1]);
      expect(failed.length).toBe(db.dialect === 'sqlite' ? 0 : 1);
    });
  });
}
