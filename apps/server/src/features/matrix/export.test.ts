// GET /api/export/matrix-cell over real HTTP: the CSV holds exactly the cell's treatment and holdout, with
// personalization filled, PII masked for roles without access, every export audited, bad requests refused.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, type KizunaDb } from '@kizuna/db';
import { createAppServices } from '../../context';
import { insertTestUser, sessionCookie } from '../../testing';
import { attachmentDisposition, csvField, csvLine } from './csv';
import { createMatrixExportHandler } from './export';
import { campaignInput, demoWorkspace, ruleOf, women, type Workspace } from './testing';

/** Splits our own CSV output (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('matrix cell export', () => {
  let w: Workspace;
  let db: KizunaDb;
  let server: http.Server;
  let base: string;
  let campaignId: string;
  let segmentId: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    w = await demoWorkspace(300, 8);
    db = w.db;
    const handler = createMatrixExportHandler(createAppServices(db), () => undefined);
    server = http.createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/export/matrix-cell`;
    for (const role of ['planner', 'manager'] as const) cookies[role] = sessionCookie((await insertTestUser(db, role)).token);
    campaignId = (await w.planner.campaigns.create(campaignInput('Export "test", 夏', { holdoutPercent: 20 }))).id;
    segmentId = (await w.marketer.segments.create({ name: 'Export women', rule: ruleOf(women) })).id;
    await w.planner.matrix.assign({ campaignId, segmentId, offerId: 'ten' });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await db.close();
  });

  const get = (query: string, cookie?: string) => fetch(`${base}?${query}`, { headers: cookie ? { cookie } : {} });

  it('exports the treatment and holdout of a cell with the personalization filled', async () => {
    const res = await get(`campaignId=${campaignId}&segmentId=${segmentId}`, cookies.planner);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="Export-test-_-Export-women-all.csv"; filename*=UTF-8''Export-test-%E5%A4%8F-Export-women-all.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM, as spreadsheets do.
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
    expect(header).toEqual(['customer_id', 'email', 'first_name', 'offer', 'coupon_code', 'recommended_products', 'city', 'subject', 'body', 'offer_id', 'group']);

    const cell = (await w.manager.matrix.get()).cells.find((c) => c.campaignId === campaignId)!;
    expect(rows.filter((r) => r[10] === 'treatment')).toHaveLength(cell.treatment);
    expect(rows.filter((r) => r[10] === 'holdout')).toHaveLength(cell.holdout);
    expect(cell.holdout).toBeGreaterThan(0);
    const ids = rows.map((r) => r[0]!);
    expect(ids).toEqual([...ids].sort());

    const first = rows[0]!;
    const contact = await db.kysely.selectFrom('customers').select(['email', 'first_name', 'city']).where('customer_id', '=', first[0]!).executeTakeFirstOrThrow();
    expect(first.slice(1, 5)).toEqual([contact.email ?? '', contact.first_name ?? '', '10% off', 'TEN']);
    expect(first[7]).toBe(`Hello ${contact.first_name}`);
    expect(first[8]).toContain(`Enjoy 10% off with TEN.`);
    expect(first[6]).toBe(contact.city ?? '');

    const holdoutOnly = parseCsv(await (await get(`campaignId=${campaignId}&segmentId=${segmentId}&group=holdout`, cookies.planner)).text());
    expect(holdoutOnly.slice(1).map((r) => r[0])).toEqual(rows.filter((r) => r[10] === 'holdout').map((r) => r[0]));
  });

  it('masks email and first name for roles without PII access, and audits every export', async () => {
    const text = await (await get(`campaignId=${campaignId}&segmentId=${segmentId}&group=treatment`, cookies.manager)).text();
    const rows = parseCsv(text).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (r[1]) expect(r[1]).toMatch(/^.\*\*\*@.\*\*\*/u);
      if (r[2]) expect(r[2]).toMatch(/^.\*\*\*$/u);
      expect(r[7]).toMatch(/^Hello (.\*\*\*|there)$/u);
    }
    const { items } = await listAudit(db, { limit: 1 });
    expect(items[0]).toMatchObject({
      action: 'matrix.export',
      entityType: 'matrix_cell',
      details: { campaignId, segmentId, group: 'treatment', rows: rows.length, piiMasked: true },
    });
  });

  it('refuses signed-out callers, bad queries and cells that do not exist', async () => {
    expect((await get(`campaignId=${campaignId}&segmentId=${segmentId}`)).status).toBe(401);
    expect((await get(`campaignId=${campaignId}`, cookies.planner)).status).toBe(400);
    expect((await get(`campaignId=${campaignId}&segmentId=${segmentId}&group=everyone`, cookies.planner)).status).toBe(400);
    const missing = await get(`campaignId=${campaignId}&segmentId=nope`, cookies.planner);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'That segment is not assigned to this campaign' } });
    expect((await fetch(`${base}?campaignId=a&segmentId=b`, { method: 'POST', headers: { cookie: cookies.planner! } })).status).toBe(405);
  });
});

describe('csv helpers', () => {
  it('quotes what needs quoting and defuses formulas, but leaves plain numbers alone', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 42])).toBe('a,"b,c","say ""hi""","two\nlines",,42\r\n');
    expect(['=SUM(A1)', '+1+1', '@cmd', '-x', '-12.5', ' padded'].map(csvField)).toEqual(["'=SUM(A1)", "'+1+1", "'@cmd", "'-x", '-12.5', '" padded"']);
    expect(attachmentDisposition('夏 "sale".csv')).toBe(`attachment; filename="_ _sale_.csv"; filename*=UTF-8''%E5%A4%8F%20%22sale%22.csv`);
  });
});
