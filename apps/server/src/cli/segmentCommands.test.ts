// `kizuna segment count|overlap|export` in-process on a temp database with demo data.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, openDatabase, type KizunaDb } from '@kizuna/db';
import { createSegment } from '../features/segments/service';
import { boughtLast90, emailReachable, greaterTokyo, ruleOf, sqlMemberIds, women } from '../features/segments/testing';
import { runCli } from './program';

describe('kizuna segment', () => {
  let dir: string;
  let dbPath: string;
  let savedSize: number;

  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--db', dbPath, ...argv], { out: (t) => void out.push(t), err: (t) => void err.push(t) });
    return { code, out: out.join(''), err: err.join('') };
  };
  const withDb = async <T>(fn: (db: KizunaDb) => Promise<T>): Promise<T> => {
    const db = openDatabase(dbPath);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  };
  const file = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kizuna-segment-cli-'));
    dbPath = join(dir, 'kizuna.db');
    expect((await run('demo', '--customers', '300', '--seed', '3')).code).toBe(0);
    savedSize = await withDb(async (db) => (await createSegment(db, null, { name: 'Kanto women', description: '', tags: [], rule: ruleOf(women, greaterTokyo) })).size!);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('count prints the same count from memory and from SQL, or the errors of an invalid rule', async () => {
    const rule = ruleOf(women, boughtLast90);
    const path = file('recent-women.json', rule);
    const expected = await withDb((db) => sqlMemberIds(db, rule));
    const memory = await run('segment', 'count', '--rule', path);
    expect(memory.code).toBe(0);
    expect(JSON.parse(memory.out)).toMatchObject({ valid: true, engine: 'memory', total: 300, count: expected.length, asOfDate: '2026-11-01' });
    const sql = await run('segment', 'count', '--rule', path, '--sql');
    expect(JSON.parse(sql.out)).toMatchObject({ valid: true, engine: 'sql', total: 300, count: expected.length });

    const bad = await run('segment', 'count', '--rule', file('bad.json', ruleOf({ kind: 'computed', field: 'age', op: 'contains', value: 'x' })));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toEqual({ valid: false, errors: [expect.objectContaining({ code: 'operator_not_allowed', path: ['children', 0] })] });
    const notJson = await run('segment', 'count', '--rule', file('broken.json', '{ nope'));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('is not JSON');
  });

  it('overlap compares rule files and saved segments', async () => {
    const a = file('women.json', ruleOf(women));
    const b = file('reachable.json', ruleOf(emailReachable));
    const res = await run('segment', 'overlap', '--rule', a, '--rule', b, '--segment', 'kanto WOMEN');
    expect(res.code).toBe(0);
    const result = JSON.parse(res.out) as { sets: { label: string; size: number }[]; pairs: { a: number; b: number; count: number }[]; total: number };
    expect(result.total).toBe(300);
    expect(result.sets.map((s) => s.label)).toEqual(['Kanto women', 'women', 'reachable']);
    const both = await withDb((db) => sqlMemberIds(db, ruleOf(women, emailReachable)));
    expect(result.pairs.find((p) => p.a === 1 && p.b === 2)?.count).toBe(both.length);
    expect(result.sets[0]!.size).toBe(savedSize);
    expect((await run('segment', 'overlap', '--rule', a)).code).toBe(2);
    const missing = await run('segment', 'overlap', '--rule', a, '--segment', 'Nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No segment named "Nope"');
  });

  it('export writes the members as CSV with the compiled SQL, and audits it', async () => {
    const out = join(dir, 'members.csv');
    const res = await run('segment', 'export', '--segment', 'Kanto women', '--out', out);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(new RegExp(`^Exported ${savedSize} members of "Kanto women" \\(version 1, as of 2026-11-01\\)`));
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('customer_id,email,first_name,last_name,email_reachable,sms_opt_in,push_opt_in,line_opt_in');
    const ids = lines.slice(1).map((l) => l.split(',')[0]);
    expect(ids).toEqual(await withDb((db) => sqlMemberIds(db, ruleOf(women, greaterTokyo))));
    const first = await withDb((db) => db.kysely.selectFrom('customers').selectAll().where('customer_id', '=', ids[0]!).executeTakeFirstOrThrow());
    expect(lines[1]).toBe(
      [first.customer_id, first.email ?? '', first.first_name ?? '', first.last_name ?? '', Boolean(first.email) && first.email_opt_in === 1, first.sms_opt_in === 1, first.push_opt_in === 1, first.line_opt_in === 1].join(','),
    );
    const audit = await withDb((db) => listAudit(db, { limit: 1 }));
    expect(audit.items[0]).toMatchObject({ action: 'segment.export', details: { name: 'Kanto women', rows: savedSize, via: 'cli' } });
    const unknown = await run('segment', 'export', '--segment', 'nobody', '--out', join(dir, 'x.csv'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No segment named "nobody"');
  });
});
