// Campaigns and the matrix on PostgreSQL: the allocation against an independent account of each step,
// personalization SQL (affinity, favourites, popularity), versions and restore, the CSV export.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { isHeldOut, LOW_STOCK_BELOW } from '@kizuna/campaigns';
import { createPgTestDb, generateDemo, readSegmentMemberIds, resolveAsOf, type KizunaDb } from '@kizuna/db';
import { createAppServices } from '../../context';
import { callerAs, insertTestUser, sessionCookie } from '../../testing';
import { readCategoryAffinity, readFavoriteLowStock, readProductPopularity } from '../campaigns/personalizationReads';
import { createMatrixExportHandler } from './export';
import { campaignInput, ruleOf, women, type Caller } from './testing';

describe('campaigns and matrix on PostgreSQL', () => {
  let db: KizunaDb;
  let planner: Caller;
  let marketer: Caller;
  const sql = async <T>(text: string, params: unknown[] = []) => (await db.kysely.executeQuery<T>(CompiledQuery.raw(text, params))).rows;

  beforeAll(async () => {
    db = await createPgTestDb();
    await generateDemo(db, { customers: 250, seed: 21 });
    planner = (await callerAs(db, 'planner')).caller;
    marketer = (await callerAs(db, 'marketer')).caller;
  });
  afterAll(async () => {
    await db.close();
  });

  it('allocates, versions, restores and exports', async () => {
    const segment = await marketer.segments.create({ name: 'PG women', rule: ruleOf(women) });
    const campaign = await planner.campaigns.create(campaignInput('PG campaign', { holdoutPercent: 15 }));
    await planner.matrix.assign({ campaignId: campaign.id, segmentId: segment.id, offerId: 'ten' });

    const members = await readSegmentMemberIds(db, segment.id);
    const reachable = new Set(
      (await sql<{ customer_id: string }>('SELECT customer_id FROM customer_features WHERE has_email = 1 AND email_opt_in = 1')).map((r) => r.customer_id),
    );
    const eligible = members.filter((id) => reachable.has(id));
    const held = eligible.filter((id) => isHeldOut(id, campaign.id, 15));
    const m = await planner.matrix.get();
    expect(m.cells[0]).toMatchObject({ members: members.length, eligible: eligible.length, holdout: held.length, treatment: eligible.length - held.length });

    await planner.matrix.setFrequencyCap({ frequencyCapPerWeek: 5 });
    await planner.matrix.unassign({ campaignId: campaign.id, segmentId: segment.id });
    await planner.matrix.restore({ version: 1 });
    const restored = await planner.matrix.get();
    expect(restored).toMatchObject({ version: 4, frequencyCapPerWeek: 3, cells: [{ segmentId: segment.id, treatment: eligible.length - held.length }] });

    const handler = createMatrixExportHandler(createAppServices(db), () => undefined);
    const server = http.createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const cookie = sessionCookie((await insertTestUser(db, 'planner')).token);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/export/matrix-cell?campaignId=${campaign.id}&segmentId=${segment.id}`;
      const lines = (await (await fetch(url, { headers: { cookie } })).text()).trim().split('\r\n');
      expect(lines.length - 1).toBe(eligible.length);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('reads personalization data with the same meaning as on SQLite', async () => {
    const { asOfDay } = await resolveAsOf(db);
    const [top] = await sql<{ customer_id: string; category: string; n: number }>(
      `SELECT customer_id, category, COUNT(*) AS n FROM orders WHERE category IS NOT NULL AND ordered_day < $1
       GROUP BY customer_id, category ORDER BY COUNT(*) DESC, customer_id LIMIT 1`,
      [asOfDay],
    );
    const affinity = (await readCategoryAffinity(db, [top!.customer_id], asOfDay)).get(top!.customer_id)!;
    expect(affinity.find((a) => a.category === top!.category)?.orders).toBe(Number(top!.n));

    const popularity = await readProductPopularity(db, asOfDay);
    const stock = new Map((await sql<{ product_id: string; stock: number | null }>('SELECT product_id, stock FROM products')).map((r) => [r.product_id, r.stock]));
    expect(popularity.overall.length).toBeGreaterThan(0);
    expect(popularity.overall.every((p) => (stock.get(p.productId) ?? 1) > 0)).toBe(true);

    const fans = await sql<{ customer_id: string }>(
      `SELECT DISTINCT e.customer_id FROM events e JOIN products p ON p.product_id = e.product_id
       WHERE e.event_type = 'favorite' AND p.stock > 0 AND p.stock < $1 AND e.occurred_day < $2 LIMIT 5`,
      [LOW_STOCK_BELOW, asOfDay],
    );
    const favorites = await readFavoriteLowStock(db, fans.map((f) => f.customer_id), asOfDay);
    expect(fans.length).toBeGreaterThan(0);
    for (const f of fans) expect(favorites.get(f.customer_id)?.length).toBeGreaterThan(0);
  });
});
