// POST /api/import end to end over real HTTP: multipart upload → background job → data.importStatus.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, listAudit, type KizunaDb } from '@kizuna/db';
import { startServer, type RunningServer } from '../../server';
import { insertTestUser, sessionCookie, trpcHttp } from '../../testing';

const customersCsv = 'customer_id,email,first_name,signup_date,email_opt_in\nc1,a@example.com,Aiko,2024-01-05,yes\nc2,b@example.com,Ben,2024-02-01,no\n';
const ordersCsv = 'order_id,customer_id,ordered_at,amount\no1,c1,2024-03-01,1200\no2,c2,2024-03-02T10:00:00Z,800\n';
const badOrdersCsv = 'order_id,customer_id,ordered_at,amount\no3,c1,2024-03-03,12x0\no4,c1,not-a-date,500\n';
const orphanOrdersCsv = 'order_id,customer_id,ordered_at,amount\no9,ghost,2024-03-05,700\n';

function form(files: Record<string, string>, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [field, text] of Object.entries(files)) body.append(field, new Blob([text], { type: 'text/csv' }), `${field}.csv`);
  for (const [field, value] of Object.entries(fields)) body.append(field, value);
  return body;
}

interface JobStatus {
  id: string;
  status: string;
  progress: { phase: string };
  report: { ok: boolean; errors: { file: string; line: number; column: string | null; code: string; params: Record<string, unknown>; reason: string }[]; errorCount: number; counts: Record<string, { inserted: number; updated: number }>; customersCreatedFromOrders: number } | null;
}

describe('POST /api/import', () => {
  let db: KizunaDb;
  let server: RunningServer;
  let adminCookie: string;

  beforeAll(async () => {
    db = await createTestDb();
    server = await startServer({ db, port: 0, host: '127.0.0.1', log: () => undefined });
    adminCookie = sessionCookie((await insertTestUser(db, 'admin', 'boss@example.com')).token);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  const upload = (body: FormData, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/import`, { method: 'POST', body, headers: { cookie: adminCookie, ...headers } });

  async function waitForJob(id: string): Promise<JobStatus> {
    for (let i = 0; i < 200; i++) {
      const res = await trpcHttp(server.url, 'data.importStatus', { type: 'query', input: { id }, cookie: adminCookie });
      const job = res.body.result?.data as JobStatus;
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }

  const count = async (table: 'customers' | 'orders') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('imports good files in the background and reports success', async () => {
    const res = await upload(form({ customers: customersCsv, orders: ordersCsv }));
    expect(res.status).toBe(202);
    const { importId } = (await res.json()) as { importId: string };
    expect(importId).toMatch(/^[0-9a-f-]{36}$/);
    const job = await waitForJob(importId);
    expect(job.status).toBe('succeeded');
    expect(job.report).toMatchObject({ ok: true, errorCount: 0, counts: { customers: { inserted: 2 }, orders: { inserted: 2 } } });
    expect(await count('customers')).toBe(2);
    expect(await count('orders')).toBe(2);
    // Features were rebuilt with the new data.
    expect(await db.kysely.selectFrom('customer_features').select('customer_id').orderBy('customer_id').execute()).toEqual([
      { customer_id: 'c1' },
      { customer_id: 'c2' },
    ]);

    const history = await trpcHttp(server.url, 'data.imports', { type: 'query', input: { limit: 5 }, cookie: adminCookie });
    expect(history.body.result?.data).toEqual([
      expect.objectContaining({ status: 'succeeded', userEmail: 'boss@example.com', errorCount: 0, counts: expect.objectContaining({ orders: { inserted: 2, updated: 0 } }) }),
    ]);
    const { items } = await listAudit(db, { limit: 5 });
    expect(items[0]).toMatchObject({ action: 'data.import', userEmail: 'boss@example.com', details: { ok: true, source: 'upload', files: ['customers', 'orders'] } });
  });

  it('writes nothing from a file with bad rows and reports each one', async () => {
    const res = await upload(form({ orders: badOrdersCsv }));
    expect(res.status).toBe(202);
    const job = await waitForJob(((await res.json()) as { importId: string }).importId);
    expect(job.status).toBe('failed');
    expect(job.report?.ok).toBe(false);
    expect(job.report?.errors.map((e) => [e.file, e.line, e.column])).toEqual([
      ['orders', 2, 'amount'],
      ['orders', 3, 'ordered_at'],
    ]);
    // Each error crosses the API with a stable code and its values (for the web's words) beside the English.
    expect(job.report?.errors.map((e) => [e.code, e.params])).toEqual([
      ['amount', {}],
      ['date', {}],
    ]);
    expect(job.report?.errors[0]?.reason).toMatch(/^not an amount/);
    expect(await count('orders')).toBe(2);
    const { items } = await listAudit(db, { limit: 1 });
    expect(items[0]).toMatchObject({ action: 'data.import', details: { ok: false, errorCount: 2 } });
  });

  it('passes strict=true on to the import', async () => {
    const strict = await waitForJob(((await (await upload(form({ orders: orphanOrdersCsv }, { strict: 'true' }))).json()) as { importId: string }).importId);
    expect(strict.status).toBe('failed');
    const lenient = await waitForJob(((await (await upload(form({ orders: orphanOrdersCsv }))).json()) as { importId: string }).importId);
    expect(lenient.status).toBe('succeeded');
    expect(lenient.report?.customersCreatedFromOrders).toBe(1);
  });

  it('refuses callers who are not signed-in admins', async () => {
    const signedOut = await fetch(`${server.url}/api/import`, { method: 'POST', body: form({ orders: ordersCsv }) });
    expect(signedOut.status).toBe(401);
    const marketer = sessionCookie((await insertTestUser(db, 'marketer')).token);
    const refused = await upload(form({ orders: ordersCsv }), { cookie: marketer });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('refuses cross-site requests even with an admin cookie', async () => {
    // Raw http.request: fetch implementations may refuse to set these browser-controlled headers.
    const post = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/api/import`, { method: 'POST', headers: { cookie: adminCookie, 'content-type': 'multipart/form-data; boundary=x', ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('--x--\r\n');
      });
    expect(await post({ origin: 'https://evil.example' })).toBe(403);
    expect(await post({ origin: 'null' })).toBe(403);
    expect(await post({ 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await post({ 'sec-fetch-site': 'same-site' })).toBe(403);
    // Same origin passes the check and fails later for want of files.
    const host = new URL(server.url).host;
    expect(await post({ origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })).toBe(400);
  });

  it('rejects uploads without files, with unknown fields, or too large', async () => {
    const none = await upload(form({}, { strict: 'true' }));
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: { message: 'Attach at least one CSV file' } });
    const unknown = await upload(form({ invoices: 'a,b\n1,2\n' }));
    expect(unknown.status).toBe(400);
    const notMultipart = await fetch(`${server.url}/api/import`, { method: 'POST', headers: { cookie: adminCookie, 'content-type': 'text/csv' }, body: ordersCsv });
    expect(notMultipart.status).toBe(415);
    expect((await fetch(`${server.url}/api/import`, { headers: { cookie: adminCookie } })).status).toBe(405);

    const small = await startServer({ db, port: 0, host: '127.0.0.1', upload: { maxFileBytes: 10 }, log: () => undefined });
    try {
      const big = await fetch(`${small.url}/api/import`, { method: 'POST', body: form({ orders: ordersCsv }), headers: { cookie: adminCookie } });
      expect(big.status).toBe(413);
    } finally {
      await small.close();
    }
    expect(await count('orders')).toBe(3);
  });

  it('reports an unknown job id as 404 through data.importStatus', async () => {
    const res = await trpcHttp(server.url, 'data.importStatus', { type: 'query', input: { id: 'nope' }, cookie: adminCookie });
    expect(res.status).toBe(404);
  });
});
