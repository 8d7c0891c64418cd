// The kizuna CLI on temp databases: commands run in-process through runCli (the same parser and handlers
// as the real entry point), plus one real `node --import tsx cli.ts` process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findUserCredentials, listAudit, openDatabase, verifyPassword } from '@kizuna/db';
import { repoRoot } from '../env';
import { runCli } from './program';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out: () => out.join(''), err: () => err.join('') };
}

describe('kizuna CLI', () => {
  let dir: string;
  let dbPath: string;
  const run = async (...argv: string[]) => {
    const c = capture();
    const code = await runCli(['--db', dbPath, ...argv], c.io, () => {
      throw new Error('--db must win over the environment');
    });
    return { code, out: c.out(), err: c.err() };
  };
  const withDb = async <T>(fn: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> => {
    const db = openDatabase(dbPath);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kizuna-cli-'));
    dbPath = join(dir, 'kizuna.db');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('users add creates a user who can sign in; a duplicate or bad role fails', async () => {
    const added = await run('users', 'add', '--email', 'Ops@Example.com', '--name', 'Ops', '--role', 'planner', '--password', 'ops-password');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^Created planner ops@example\.com \(/);
    await withDb(async (db) => {
      const creds = await findUserCredentials(db, 'ops@example.com');
      expect(creds?.user.role).toBe('planner');
      expect(await verifyPassword('ops-password', creds!.passwordHash)).toBe(true);
      expect((await listAudit(db, { limit: 1 })).items[0]).toMatchObject({ action: 'user.create', userId: null, details: { via: 'cli' } });
    });

    const dup = await run('users', 'add', '--email', 'ops@example.com', '--name', 'Ops 2', '--role', 'admin', '--password', 'ops-password');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('already exists');

    const badRole = await run('users', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'owner', '--password', 'ops-password');
    expect(badRole.code).not.toBe(0);
    expect(badRole.err).toContain('owner');
    const shortPassword = await run('users', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'admin', '--password', 'short');
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.err).toContain('At least 8 characters');

    const list = await run('users', 'list');
    expect(list.out).toMatch(/planner\s+ops@example\.com\s+Ops/);
    expect(list.out).not.toContain('x@example.com');
  });

  it('import prints a summary, exits 1 and writes nothing when a row is bad', async () => {
    const customers = join(dir, 'customers.csv');
    const orders = join(dir, 'orders.csv');
    const bad = join(dir, 'bad.csv');
    writeFileSync(customers, 'customer_id,email\nc1,a@example.com\nc2,b@example.com\n');
    writeFileSync(orders, 'order_id,customer_id,ordered_at,amount\no1,c1,2024-03-01,1200\n');
    writeFileSync(bad, 'order_id,customer_id,ordered_at,amount\no2,c1,2024-03-02,abc\n');

    const ok = await run('import', '--customers', customers, '--orders', orders);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Import [0-9a-f-]+ succeeded/);
    expect(ok.out).toContain('customers: 2 inserted, 0 updated');
    expect(ok.out).toContain('orders: 1 inserted, 0 updated');

    const failed = await run('import', '--orders', bad);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('failed: 1 bad rows, nothing was written');
    expect(failed.out).toMatch(/orders, line 2, column amount: .+ \(value: "abc"\)/);

    const nothing = await run('import');
    expect(nothing.code).toBe(2);
    expect(nothing.err).toContain('Nothing to import');

    const stats = await run('stats', '--json');
    expect(JSON.parse(stats.out)).toMatchObject({ customers: 2, orders: 1, revenue: 1200 });
    await withDb(async (db) => {
      const actions = (await listAudit(db, { limit: 5 })).items.map((i) => [i.action, i.details.ok, i.details.source]);
      expect(actions).toEqual([
        ['data.import', false, 'cli'],
        ['data.import', true, 'cli'],
      ]);
    });
  });

  it('demo generates data and stats reports it', async () => {
    const demo = await run('demo', '--customers', '25', '--seed', '7');
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Demo data ready in [\d.]+ s: 25 customers, [\d,]+ orders/);
    const json = JSON.parse((await run('stats', '--json')).out) as { customers: number; orders: number; asOf: { asOfDate: string } };
    expect(json.customers).toBe(25);
    expect(json.orders).toBeGreaterThan(0);
    const text = await run('stats');
    expect(text.out).toMatch(/Customers\s+25\n/);
    expect(text.out).toContain(`As of        ${json.asOf.asOfDate} (automatic)`);
    const badCount = await run('demo', '--customers', 'many');
    expect(badCount.code).not.toBe(0);
    expect(badCount.err).toContain('Expected a whole number');
  });

  it('runs as a real process through the npm script entry point', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'apps/server/src/cli.ts'), '--db', dbPath, 'stats', '--json'],
      { cwd: repoRoot, timeout: 60_000 },
    );
    expect(JSON.parse(stdout)).toMatchObject({ customers: 0, orders: 0, events: 0, products: 0 });
    await expect(
      promisify(execFile)(process.execPath, ['--import', 'tsx', join(repoRoot, 'apps/server/src/cli.ts'), '--db', dbPath, 'users', 'add'], {
        cwd: repoRoot,
        timeout: 60_000,
      }),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("required option '--email <email>' not specified") });
  });
});
