// The same server on PostgreSQL: sign in, upload, poll the job, read stats, change the as-of date, read
// the audit log, all over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgTestDb, createUser, type KizunaDb } from '@kizuna/db';
import { startServer, type RunningServer } from './server';
import { trpcHttp } from './testing';

describe('HTTP server on PostgreSQL', () => {
  let db: KizunaDb;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createPgTestDb();
    await createUser(db, { email: 'admin@example.com', name: 'Admin', role: 'admin', password: 'admin-password' });
    server = await startServer({ db, port: 0, host: '127.0.0.1', log: () => undefined });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('runs the admin workflow end to end', async () => {
    const login = await trpcHttp(server.url, 'auth.login', { type: 'mutation', input: { email: 'admin@example.com', password: 'admin-password' } });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

    const body = new FormData();
    body.append('customers', new Blob(['customer_id,email\nc1,a@example.com\nc2,b@example.com\n']), 'customers.csv');
    body.append('orders', new Blob(['order_id,customer_id,ordered_at,amount\no1,c1,2024-03-01,1200\no2,c2,2024-03-05,800\n']), 'orders.csv');
    const upload = await fetch(`${server.url}/api/import`, { method: 'POST', body, headers: { cookie } });
    expect(upload.status).toBe(202);
    const { importId } = (await upload.json()) as { importId: string };
    let status = 'running';
    for (let i = 0; i < 400 && status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const res = await trpcHttp(server.url, 'data.importStatus', { type: 'query', input: { id: importId }, cookie });
      status = (res.body.result?.data as { status: string }).status;
    }
    expect(status).toBe('succeeded');

    const stats = await trpcHttp(server.url, 'data.stats', { type: 'query', cookie });
    expect(stats.body.result?.data).toMatchObject({ customers: 2, orders: 2, revenue: 2000, lastOrderDate: '2024-03-05' });

    const settings = await trpcHttp(server.url, 'settings.update', { type: 'mutation', input: { asOfDate: '2024-03-10' }, cookie });
    expect(settings.status).toBe(200);
    const recency = await db.kysely.selectFrom('customer_features').select(['customer_id', 'recency_days']).orderBy('customer_id').execute();
    expect(recency).toEqual([
      { customer_id: 'c1', recency_days: 9 },
      { customer_id: 'c2', recency_days: 5 },
    ]);

    const summary = await trpcHttp(server.url, 'workspace.summary', { type: 'query', cookie });
    expect(summary.body.result?.data).toMatchObject({ asOfDate: '2024-03-10', dataThroughDate: '2024-03-05', asOfExplicit: true });

    const audit = await trpcHttp(server.url, 'audit.list', { type: 'query', input: { limit: 10 }, cookie });
    const actions = (audit.body.result?.data as { items: { action: string }[] }).items.map((i) => i.action);
    expect(actions).toEqual(['settings.update', 'data.import', 'auth.login']);
  });
});
