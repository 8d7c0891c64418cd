// kpis.holdout on a demo workspace: a campaign of the matrix, its treatment and holdout groups' purchase
// rates in the campaign window (counted here straight from the orders table), and the difference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromDate } from '@kizuna/db';
import { computeMatrix } from '../matrix/compute';
import { campaignInput, demoWorkspace, failure, ruleOf, women, type Workspace } from '../matrix/testing';

async function buyersIn(w: Workspace, ids: string[], from: string, to: string): Promise<{ buyers: number; revenue: number }> {
  if (ids.length === 0) return { buyers: 0, revenue: 0 };
  const marks = ids.map(() => '?').join(',');
  const row = w.db.sqlite!
    .prepare(`SELECT COUNT(DISTINCT customer_id) AS buyers, COALESCE(SUM(amount), 0) AS revenue FROM orders WHERE customer_id IN (${marks}) AND ordered_day BETWEEN ? AND ?`)
    .get(...ids, dayFromDate(from), dayFromDate(to)) as { buyers: number; revenue: number };
  return row;
}

describe('kpis.holdout', () => {
  let w: Workspace;
  let campaignId: string;
  let futureId: string;
  beforeAll(async () => {
    w = await demoWorkspace(600, 12);
    const segment = await w.marketer.segments.create({ name: 'Women', rule: ruleOf(women) as unknown as Record<string, unknown> });
    const campaign = await w.planner.campaigns.create(campaignInput('Autumn', { startDate: '2026-09-01', endDate: '2026-09-30', holdoutPercent: 30 }));
    const future = await w.planner.campaigns.create(campaignInput('Next year', { startDate: '2027-01-01', endDate: null, holdoutPercent: 10 }));
    campaignId = campaign.id;
    futureId = future.id;
    await w.planner.matrix.assign({ campaignId, segmentId: segment.id, offerId: 'ten' });
    await w.planner.matrix.assign({ campaignId: futureId, segmentId: segment.id, offerId: 'ten' });
  });
  afterAll(async () => {
    await w.db.close();
  });

  it('compares the purchase rate of the treatment and holdout groups in the campaign window', async () => {
    const result = await w.manager.kpis.holdout({ campaignId });
    expect(result).toMatchObject({ campaignName: 'Autumn', holdoutPercent: 30, status: 'ok', window: { from: '2026-09-01', to: '2026-09-30' } });
    const m = await computeMatrix(w.db);
    const cells = m.allocation.campaigns.find((c) => c.campaignId === campaignId)!.cells;
    const ids = (key: 'treatmentSet' | 'holdoutSet') => cells.flatMap((c) => c[key].toIndexes()).map((i) => m.engine.customerIds[i]!);
    const treated = ids('treatmentSet');
    const held = ids('holdoutSet');
    expect(held.length).toBeGreaterThan(20);
    expect(result.treatment.customers).toBe(treated.length);
    expect(result.holdout.customers).toBe(held.length);
    const t = await buyersIn(w, treated, '2026-09-01', '2026-09-30');
    const h = await buyersIn(w, held, '2026-09-01', '2026-09-30');
    expect(result.treatment).toMatchObject({ buyers: t.buyers, revenue: t.revenue, rate: t.buyers / treated.length });
    expect(result.holdout).toMatchObject({ buyers: h.buyers, revenue: h.revenue, rate: h.buyers / held.length });
    const d = result.difference!;
    expect(d.delta).toBeCloseTo(t.buyers / treated.length - h.buyers / held.length, 12);
    const se = Math.sqrt(result.treatment.rate! * (1 - result.treatment.rate!) / treated.length + result.holdout.rate! * (1 - result.holdout.rate!) / held.length);
    expect(d.high - d.low).toBeCloseTo(2 * 1.96 * se, 2);
    expect(d.low).toBeLessThan(d.delta);
    expect(d.pValue).toBeGreaterThanOrEqual(0);
    expect(d.pValue).toBeLessThanOrEqual(1);
  });

  it('says a campaign that has not started has nothing to compare, and refuses unknown campaigns', async () => {
    const result = await w.manager.kpis.holdout({ campaignId: futureId });
    expect(result).toMatchObject({ status: 'not_started', window: null, difference: null });
    expect(result.treatment.buyers).toBe(0);
    expect((await failure(w.manager.kpis.holdout({ campaignId: 'nope' }))).code).toBe('NOT_FOUND');
  });
});
