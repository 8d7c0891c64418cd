// matrix.* through the router on a demo workspace. Cell counts are checked against an independent account
// of each step: members from the segments' SQL materialization, consent from customer_features, holdout
// from isHeldOut, the cap from the higher campaign's treatment. Then versions, restores, conflicts, roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { isHeldOut } from '@kizuna/campaigns';
import { listAudit, readSegmentMemberIds, type KizunaDb } from '@kizuna/db';
import { buyers90, campaignInput, demoWorkspace, failure, loyal, ruleOf, women, type Workspace } from './testing';

interface Reach {
  email: Set<string>;
  line: Set<string>;
}

const inter = (a: Iterable<string>, b: Set<string>) => [...a].filter((x) => b.has(x));

describe('matrix', () => {
  let w: Workspace;
  let db: KizunaDb;
  let reach: Reach;
  const seg: Record<'women' | 'buyers' | 'loyal', { id: string; members: string[] }> = {} as never;
  let k1: string;
  let k2: string;

  beforeAll(async () => {
    w = await demoWorkspace();
    db = w.db;
    for (const [key, rule] of [['women', women], ['buyers', buyers90], ['loyal', loyal]] as const) {
      const s = await w.marketer.segments.create({ name: `M ${key}`, rule: ruleOf(rule) });
      seg[key] = { id: s.id, members: await readSegmentMemberIds(db, s.id) };
    }
    const rows = (await db.kysely.executeQuery<{ customer_id: string; e: number; l: number }>(
      CompiledQuery.raw('SELECT customer_id, has_email * email_opt_in AS e, line_opt_in AS l FROM customer_features'),
    )).rows;
    reach = { email: new Set(rows.filter((r) => Number(r.e) === 1).map((r) => r.customer_id)), line: new Set(rows.filter((r) => Number(r.l) === 1).map((r) => r.customer_id)) };
    k1 = (await w.planner.campaigns.create(campaignInput('K1 email', { startDate: '2025-06-01', endDate: '2025-06-10', holdoutPercent: 10 }))).id;
    k2 = (await w.planner.campaigns.create(campaignInput('K2 line', { channel: 'line', startDate: '2025-06-05', endDate: '2025-06-12', holdoutPercent: 0 }))).id;
    await w.planner.matrix.assign({ campaignId: k1, segmentId: seg.women.id, offerId: 'ten' });
    await w.planner.matrix.assign({ campaignId: k1, segmentId: seg.buyers.id, offerId: 'ship' });
    await w.planner.matrix.assign({ campaignId: k2, segmentId: seg.buyers.id, offerId: 'ten' });
    await w.planner.matrix.setFrequencyCap({ frequencyCapPerWeek: 1 });
  });
  afterAll(async () => {
    await db.close();
  });

  const cell = async (campaignId: string, segmentId: string) => (await w.manager.matrix.get()).cells.find((c) => c.campaignId === campaignId && c.segmentId === segmentId)!;

  it('computes every step of every cell exactly', async () => {
    const m = await w.manager.matrix.get();
    expect(m).toMatchObject({ version: 4, frequencyCapPerWeek: 1, customers: 400 });
    expect(m.campaigns.map((c) => [c.id, c.priority, c.segmentOrder, c.sharesWeekWith])).toEqual([
      [k1, 1, [seg.women.id, seg.buyers.id], []],
      [k2, 2, [seg.buyers.id], [k1]],
    ]);
    expect(m.segments.filter((s) => s.status === 'live').map((s) => [s.id, s.size])).toEqual(
      expect.arrayContaining([[seg.women.id, seg.women.members.length], [seg.loyal.id, seg.loyal.members.length]]),
    );

    // K1, highest priority: women first, then buyers who are not women.
    const womenEligible = inter(seg.women.members, reach.email);
    const buyersEligible = inter(seg.buyers.members, reach.email);
    const womenSet = new Set(womenEligible);
    const buyersFresh = buyersEligible.filter((id) => !womenSet.has(id));
    const split = (ids: string[], campaignId: string, pct: number) => ({
      holdout: ids.filter((id) => isHeldOut(id, campaignId, pct)),
      treatment: ids.filter((id) => !isHeldOut(id, campaignId, pct)),
    });
    const a = split(womenEligible, k1, 10);
    const b = split(buyersFresh, k1, 10);
    const unit = (cost: number, rate: number) => (cost * rate) / 100;
    expect(m.cells.find((c) => c.campaignId === k1 && c.segmentId === seg.women.id)).toEqual({
      campaignId: k1, segmentId: seg.women.id, offerId: 'ten', rank: 1, status: 'ok',
      members: seg.women.members.length, eligible: womenEligible.length, removedNoConsent: seg.women.members.length - womenEligible.length,
      removedDuplicate: 0, removedFrequencyCap: 0, holdout: a.holdout.length, treatment: a.treatment.length,
      estimatedCost: Math.round(a.treatment.length * unit(500, 20)),
    });
    expect(m.cells.find((c) => c.campaignId === k1 && c.segmentId === seg.buyers.id)).toMatchObject({
      rank: 2, eligible: buyersEligible.length, removedDuplicate: buyersEligible.length - buyersFresh.length, removedFrequencyCap: 0,
      holdout: b.holdout.length, treatment: b.treatment.length, estimatedCost: Math.round(b.treatment.length * unit(600, 50)),
    });
    expect(a.holdout.length + b.holdout.length).toBeGreaterThan(0);

    // K2 shares a week with K1 and the cap is 1: K1's treated customers are K2's capped ones.
    const k1Treated = new Set([...a.treatment, ...b.treatment]);
    const lineEligible = inter(seg.buyers.members, reach.line);
    const capped = lineEligible.filter((id) => k1Treated.has(id));
    expect(capped.length).toBeGreaterThan(0);
    expect(m.cells.find((c) => c.campaignId === k2)).toMatchObject({
      eligible: lineEligible.length, removedFrequencyCap: capped.length, holdout: 0, treatment: lineEligible.length - capped.length,
    });

    const targeted = new Set([...seg.women.members, ...seg.buyers.members]);
    expect(m.campaigns[0]!.totals).toMatchObject({
      targeted: targeted.size,
      conflicts: inter(womenEligible, new Set(buyersEligible)).length,
      treatment: k1Treated.size,
      leftOut: [...targeted].filter((id) => !reach.email.has(id)).length,
    });
    expect(m.totals.messages).toBe(k1Treated.size + lineEligible.length - capped.length);
  });

  it('re-ranks segments and campaigns: the lower one loses first', async () => {
    const before = await w.manager.matrix.get();
    await w.planner.matrix.reorderSegments({ campaignId: k1, segmentIds: [seg.buyers.id, seg.women.id], baseVersion: before.version });
    expect((await cell(k1, seg.buyers.id)).removedDuplicate).toBe(0);
    expect((await cell(k1, seg.women.id)).removedDuplicate).toBeGreaterThan(0);

    await w.planner.matrix.reorderCampaigns({ campaignIds: [k2, k1] });
    expect((await cell(k2, seg.buyers.id)).removedFrequencyCap).toBe(0);
    const k1Capped = (await cell(k1, seg.buyers.id)).removedFrequencyCap + (await cell(k1, seg.women.id)).removedFrequencyCap;
    expect(k1Capped).toBeGreaterThan(0);

    const stale = await failure(w.planner.matrix.assign({ campaignId: k1, segmentId: seg.loyal.id, offerId: 'ten', baseVersion: before.version }));
    expect(stale.code).toBe('CONFLICT');
    const notAll = await failure(w.planner.matrix.reorderSegments({ campaignId: k1, segmentIds: [seg.women.id] }));
    expect(notAll.code).toBe('BAD_REQUEST');
    expect((await failure(w.planner.matrix.reorderCampaigns({ campaignIds: [k1, k1] }))).code).toBe('BAD_REQUEST');
  });

  it('versions every change and restores an old version, cap included', async () => {
    const versions = await w.manager.matrix.versions();
    expect(versions.map((v) => v.change).slice(0, 6)).toEqual(['reorder_campaigns', 'reorder_segments', 'frequency_cap', 'assign', 'assign', 'assign']);
    const v3 = await w.manager.matrix.version({ version: 3 });
    expect(v3.snapshot).toEqual({
      campaignOrder: expect.arrayContaining([k1, k2]),
      cells: [
        { campaignId: k1, segmentId: seg.women.id, offerId: 'ten' },
        { campaignId: k1, segmentId: seg.buyers.id, offerId: 'ship' },
        { campaignId: k2, segmentId: seg.buyers.id, offerId: 'ten' },
      ],
      frequencyCapPerWeek: 3,
    });
    expect(v3.names[k1]).toBe('K1 email');

    const restored = await w.planner.matrix.restore({ version: 3 });
    const m = await w.manager.matrix.get();
    expect(m.version).toBe(restored.version);
    expect(m.frequencyCapPerWeek).toBe(3);
    expect((await w.manager.settings.get()).frequencyCapPerWeek).toBe(3);
    expect(m.campaigns.map((c) => [c.id, c.segmentOrder])).toEqual([
      [k1, [seg.women.id, seg.buyers.id]],
      [k2, [seg.buyers.id]],
    ]);
    const { items } = await listAudit(db, { limit: 1 });
    expect(items[0]).toMatchObject({ action: 'matrix.restore', entityType: 'matrix', details: { version: restored.version, restoredVersion: 3 } });
    expect((await failure(w.planner.matrix.restore({ version: 999 }))).code).toBe('NOT_FOUND');
  });

  it('validates assignments and keeps readers out of changes', async () => {
    expect((await failure(w.marketer.matrix.assign({ campaignId: k1, segmentId: seg.loyal.id, offerId: 'ten' }))).code).toBe('FORBIDDEN');
    expect((await failure(w.manager.matrix.setFrequencyCap({ frequencyCapPerWeek: 2 }))).code).toBe('FORBIDDEN');
    const badOffer = await failure(w.planner.matrix.assign({ campaignId: k1, segmentId: seg.loyal.id, offerId: 'nope' }));
    expect(badOffer.code).toBe('BAD_REQUEST');
    expect(badOffer.cause).toMatchObject({ fieldErrors: { offerId: ['Pick one of the campaign’s offers'] } });
    expect((await failure(w.planner.matrix.assign({ campaignId: k1, segmentId: 'ghost', offerId: 'ten' }))).code).toBe('NOT_FOUND');
    expect((await failure(w.planner.matrix.unassign({ campaignId: k1, segmentId: seg.loyal.id }))).code).toBe('NOT_FOUND');
    expect((await failure(w.planner.matrix.setFrequencyCap({ frequencyCapPerWeek: 0 }))).code).toBe('BAD_REQUEST');

    const archived = (await w.planner.campaigns.create(campaignInput('Archived one'))).id;
    await w.planner.campaigns.archive({ id: archived, archived: true });
    expect((await failure(w.planner.matrix.assign({ campaignId: archived, segmentId: seg.loyal.id, offerId: 'ten' }))).code).toBe('BAD_REQUEST');
    expect((await w.manager.matrix.get()).campaigns.map((c) => c.id)).not.toContain(archived);
  });

  it('keeps computing when an assigned segment is deleted, and shows the cell as such', async () => {
    const doomed = await w.marketer.segments.create({ name: 'Doomed', rule: ruleOf(loyal, women) });
    await w.planner.matrix.assign({ campaignId: k2, segmentId: doomed.id, offerId: 'ship' });
    await w.marketer.segments.delete({ id: doomed.id, force: true });
    const m = await w.manager.matrix.get();
    expect(m.segments.find((s) => s.id === doomed.id)).toEqual({ id: doomed.id, name: 'Doomed', size: null, status: 'deleted' });
    expect(m.cells.find((c) => c.segmentId === doomed.id)).toMatchObject({ status: 'segment_deleted', members: 0, treatment: 0 });
    expect(m.cells.find((c) => c.campaignId === k2 && c.segmentId === seg.buyers.id)!.treatment).toBeGreaterThan(0);
    await w.planner.matrix.unassign({ campaignId: k2, segmentId: doomed.id });
    expect((await w.manager.matrix.get()).segments.some((s) => s.id === doomed.id)).toBe(false);
  });
});
