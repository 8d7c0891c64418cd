// campaigns.* through the router on a demo workspace: CRUD with field errors, roles, audit, the template
// gallery (segments saved and assigned), and the personalization preview with PII masking and fallbacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { listAudit, listMatrixCells, type KizunaDb } from '@kizuna/db';
import { LOW_STOCK_BELOW } from '@kizuna/campaigns';
import { campaignInput, demoWorkspace, failure, ruleOf, women, type Workspace } from '../matrix/testing';

describe('campaigns', () => {
  let w: Workspace;
  let db: KizunaDb;

  beforeAll(async () => {
    w = await demoWorkspace();
    db = w.db;
  });
  afterAll(async () => {
    await db.close();
  });

  it('lets planners create, edit and archive campaigns that every role can read', async () => {
    const created = await w.planner.campaigns.create(campaignInput('Summer sale'));
    expect(created).toMatchObject({ name: 'Summer sale', startDate: '2025-06-01', endDate: '2025-06-10', archived: false, templateId: null });
    expect(created.offers.map((o) => o.id)).toEqual(['ten', 'ship']);
    const updated = await w.planner.campaigns.update({ ...campaignInput('Summer sale 2', { channel: 'line', holdoutPercent: 5 }), id: created.id });
    expect(updated).toMatchObject({ name: 'Summer sale 2', channel: 'line', holdoutPercent: 5, priority: created.priority });
    expect(await w.manager.campaigns.get({ id: created.id })).toEqual(updated);
    expect((await w.marketer.campaigns.list()).map((c) => c.id)).toContain(created.id);

    await w.planner.campaigns.archive({ id: created.id, archived: true });
    expect((await w.manager.campaigns.list()).map((c) => c.id)).not.toContain(created.id);
    expect((await w.manager.campaigns.list({ includeArchived: true })).find((c) => c.id === created.id)?.archived).toBe(true);

    const { items } = await listAudit(db, { limit: 5 });
    expect(items.slice(0, 3).map((i) => [i.action, i.entityId])).toEqual([
      ['campaign.archive', created.id],
      ['campaign.update', created.id],
      ['campaign.create', created.id],
    ]);
    expect(items[1]!.details).toMatchObject({ changed: ['name', 'channel', 'holdoutPercent'] });
  });

  it('refuses marketers and managers, and reports bad input next to its field', async () => {
    expect((await failure(w.marketer.campaigns.create(campaignInput('X')))).code).toBe('FORBIDDEN');
    expect((await failure(w.manager.campaigns.archive({ id: 'x', archived: true }))).code).toBe('FORBIDDEN');
    const bad = await failure(w.planner.campaigns.create(campaignInput('X', { endDate: '2025-05-01', content: { subject: 'Hi {frist_name}', body: 'x' } })));
    expect(bad.code).toBe('BAD_REQUEST');
    const fields = (bad.cause as { issues?: { path: (string | number)[] }[] }).issues?.map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['endDate', 'content.subject']));
    expect((await failure(w.planner.campaigns.get({ id: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('keeps an offer that the matrix still uses', async () => {
    const campaign = await w.planner.campaigns.create(campaignInput('Offer guard'));
    const segment = await w.marketer.segments.create({ name: 'Guard women', rule: ruleOf(women) });
    await w.planner.matrix.assign({ campaignId: campaign.id, segmentId: segment.id, offerId: 'ship' });
    const input = campaignInput('Offer guard');
    const err = await failure(w.planner.campaigns.update({ ...input, id: campaign.id, offers: input.offers.filter((o) => o.id !== 'ship') }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toMatch(/"ship" is assigned to 1 segment/);
  });

  describe('templates', () => {
    it('lists all eleven ideas with their marks', async () => {
      const templates = await w.manager.campaigns.templates();
      expect(templates).toHaveLength(11);
      expect(templates.filter((t) => t.marks.segmentation && t.marks.personalization).map((t) => t.id)).toEqual(['content_by_gender', 'location_based']);
    });

    it('creates the campaign, saves its segments and assigns them in one matrix version; a second use reuses them', async () => {
      const first = await w.planner.campaigns.createFromTemplate({ templateId: 'content_by_gender', startDate: '2025-07-01' });
      expect(first.campaign).toMatchObject({ templateId: 'content_by_gender', endDate: '2025-07-14', marks: { segmentation: true, personalization: true } });
      expect(first.segments.map((s) => [s.key, s.name, s.created])).toEqual([
        ['women', 'Women', true],
        ['men', 'Men', true],
      ]);
      const cells = (await listMatrixCells(db)).filter((c) => c.campaignId === first.campaign.id);
      expect(cells.map((c) => [c.segmentId, c.offerId, c.priority])).toEqual([
        [first.segments[0]!.segmentId, 'women', 1],
        [first.segments[1]!.segmentId, 'men', 2],
      ]);
      expect(first.matrixVersion).toBe((await w.manager.matrix.versions()).at(0)?.version);
      const { id: _id, archived: _a, priority: _p, createdAt: _c, updatedAt: _u, ...editable } = first.campaign;
      expect((await w.planner.campaigns.update({ ...editable, templateId: undefined, id: first.campaign.id, name: 'Renamed' })).templateId).toBe('content_by_gender');

      const again = await w.planner.campaigns.createFromTemplate({ templateId: 'content_by_gender', startDate: '2025-08-01', endDate: null, name: 'Autumn by gender' });
      expect(again.campaign).toMatchObject({ name: 'Autumn by gender', endDate: null });
      expect(again.segments.map((s) => [s.segmentId, s.created])).toEqual(first.segments.map((s) => [s.segmentId, false]));
      expect((await w.manager.campaigns.templates()).find((t) => t.id === 'content_by_gender')!.segments.map((s) => s.existingSegmentId)).toEqual(
        first.segments.map((s) => s.segmentId),
      );
    });

    it('does not reuse a segment that only shares the name, and makes personalization-only campaigns without segments', async () => {
      await w.marketer.segments.create({ name: 'Loyal customers', rule: ruleOf(women) });
      const loyalty = await w.planner.campaigns.createFromTemplate({ templateId: 'loyalty', startDate: '2025-07-01' });
      expect(loyalty.segments.map((s) => [s.name, s.created])).toEqual([['Loyal customers (copy)', true]]);
      const birthday = await w.planner.campaigns.createFromTemplate({ templateId: 'birthday', startDate: '2025-07-01' });
      expect(birthday).toMatchObject({ segments: [], matrixVersion: null, campaign: { endDate: null, marks: { segmentation: false, personalization: true } } });
      expect((await failure(w.planner.campaigns.createFromTemplate({ templateId: 'nope', startDate: '2025-07-01' }))).code).toBe('NOT_FOUND');
      const badDates = await failure(w.planner.campaigns.createFromTemplate({ templateId: 'birthday', startDate: '2025-07-01', endDate: '2025-06-01' }));
      expect(badDates.code).toBe('BAD_REQUEST');
      expect(badDates.message).toBe('The end date is before the start date');
    });

    it('lists and creates in Japanese: the campaign’s texts and its segments’ names, same rules and marks', async () => {
      const listed = (await w.manager.campaigns.templates({ language: 'ja' })).find((t) => t.id === 'content_by_gender')!;
      expect(listed.campaign.name).toBe('新シーズンコレクション');
      expect(listed.segments.map((s) => s.name)).toEqual(['女性', '男性']);
      const created = await w.planner.campaigns.createFromTemplate({ templateId: 'content_by_gender', startDate: '2025-07-01', language: 'ja' });
      expect(created.campaign).toMatchObject({ name: '新シーズンコレクション', marks: { segmentation: true, personalization: true } });
      expect(created.campaign.content.subject).toBe('{first_name|お客}様への新シーズンのおすすめ');
      expect(created.campaign.offers.map((o) => o.label)).toEqual(['ウィメンズコレクション 10% オフ', 'メンズコレクション 10% オフ']);
      expect(created.segments.map((s) => [s.name, s.created])).toEqual([
        ['女性', true],
        ['男性', true],
      ]);
      const english = (await w.manager.campaigns.templates()).find((t) => t.id === 'content_by_gender')!;
      expect((await w.manager.segments.get({ id: created.segments[0]!.segmentId })).rule).toEqual(english.segments[0]!.rule);
    });
  });

  describe('preview', () => {
    const sql = async <T>(text: string, params: unknown[] = []) => (await db.kysely.executeQuery<T>(CompiledQuery.raw(text, params))).rows;

    it('renders for a sample member of the campaign’s segments, using the offer of the customer’s cell', async () => {
      const campaign = await w.planner.campaigns.create(campaignInput('Preview me'));
      const segment = await w.marketer.segments.create({ name: 'Preview women', rule: ruleOf(women) });
      await w.planner.matrix.assign({ campaignId: campaign.id, segmentId: segment.id, offerId: 'ship' });
      const p = await w.planner.campaigns.preview({ campaignId: campaign.id });
      expect(p.target).toEqual({ kind: 'campaign', size: segment.size });
      expect(p.sample.length).toBe(10);
      expect(p.customerId).toBe(p.sample[0]);
      expect(p.inTarget).toBe(true);
      expect(p.offerId).toBe('ship');
      const [customer] = await sql<{ first_name: string; city: string | null }>('SELECT first_name, city FROM customers WHERE customer_id = ?', [p.customerId]);
      expect(p.subject).toBe(`Hello ${customer!.first_name}`);
      expect(p.body).toContain('Enjoy free shipping with no code needed.');
      expect(p.tokens.find((t) => t.token === 'coupon_code')).toEqual({ token: 'coupon_code', value: 'no code needed', fallback: true });
      expect(p.piiMasked).toBe(false);

      const masked = await w.manager.campaigns.preview({ campaignId: campaign.id, customerId: p.customerId!, offerId: 'ten' });
      expect(masked.subject).toBe(`Hello ${Array.from(customer!.first_name)[0]}***`);
      expect(masked.body).toContain('Enjoy 10% off with TEN.');
      expect(masked.piiMasked).toBe(true);
    });

    it('recommends in-stock products of the customer’s favourite category', async () => {
      const campaign = await w.planner.campaigns.create(campaignInput('Recs'));
      const [top] = await sql<{ customer_id: string; category: string }>(
        `SELECT customer_id, category FROM orders WHERE category IS NOT NULL GROUP BY customer_id, category ORDER BY COUNT(*) DESC, customer_id LIMIT 1`,
      );
      const p = await w.planner.campaigns.preview({ campaignId: campaign.id, customerId: top!.customer_id });
      const names = p.tokens.find((t) => t.token === 'recommended_products')!.value.split(', ');
      expect(names).toHaveLength(3);
      const rows = await sql<{ category: string; stock: number | null }>(
        `SELECT category, stock FROM products WHERE name IN (${names.map(() => '?').join(',')})`,
        names,
      );
      expect(rows.some((r) => r.category === top!.category)).toBe(true);
      expect(rows.every((r) => r.stock === null || r.stock > 0)).toBe(true);
    });

    it('lists favourites that are nearly sold out, and falls back when there are none', async () => {
      const [fan] = await sql<{ customer_id: string; name: string }>(
        `SELECT e.customer_id, p.name FROM events e JOIN products p ON p.product_id = e.product_id
         WHERE e.event_type = 'favorite' AND p.stock > 0 AND p.stock < ? ORDER BY e.occurred_day DESC LIMIT 1`,
        [LOW_STOCK_BELOW],
      );
      const draft = { content: { subject: '', body: 'Hurry: {favorite_low_stock|your saved items}' } };
      const p = await w.manager.campaigns.preview({ ...draft, customerId: fan!.customer_id });
      expect(p.body).toContain(fan!.name);
      expect(p.target.kind).toBe('everyone');
      const [none] = await sql<{ customer_id: string }>(
        `SELECT customer_id FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM events WHERE event_type = 'favorite') LIMIT 1`,
      );
      expect((await w.manager.campaigns.preview({ ...draft, customerId: none!.customer_id })).body).toBe('Hurry: your saved items');
      expect((await failure(w.manager.campaigns.preview({ ...draft, customerId: 'nobody' }))).code).toBe('NOT_FOUND');
      expect((await failure(w.manager.campaigns.preview({}))).code).toBe('BAD_REQUEST');
    });
  });
});
